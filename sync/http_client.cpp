#include "sync/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace pk::sync {

std::optional<HeaderLine> parse_header_line(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() &&
         (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  return HeaderLine{std::move(name), std::string(value)};
}
namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Collector {
  HttpResponse* response = nullptr;
  size_t max_bytes = 0;
  bool too_big = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* collector = static_cast<Collector*>(user);
  const size_t bytes = size * count;
  if (collector->response->body.size() + bytes > collector->max_bytes) {
    collector->too_big = true;
    return 0;  // makes curl fail the transfer with CURLE_WRITE_ERROR
  }
  collector->response->body.append(data, bytes);
  return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* collector = static_cast<Collector*>(user);
  const size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    collector->response->headers.clear();  // a new status line (e.g. after 100 Continue)
    return bytes;
  }
  if (auto header = parse_header_line(line))
    collector->response->headers[header->name] = std::move(header->value);
  return bytes;
}

}  // namespace

std::string_view to_string(Method method) {
  switch (method) {
    case Method::Get:
      return "GET";
    case Method::Head:
      return "HEAD";
    case Method::Post:
      return "POST";
    case Method::Patch:
      return "PATCH";
    case Method::Delete:
      return "DELETE";
    case Method::Options:
      return "OPTIONS";
  }
  return "GET";
}

const std::string* HttpResponse::header(std::string_view lowercase_name) const {
  auto it = headers.find(std::string(lowercase_name));
  return it == headers.end() ? nullptr : &it->second;
}

struct HttpClient::Handle {
  CURL* curl = nullptr;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

HttpClient::HttpClient(HttpOptions options) : m_handle(std::make_unique<Handle>()), m_options(options) {
  init_curl_once();
  m_handle->curl = curl_easy_init();
}

HttpClient::~HttpClient() = default;

Result<HttpResponse> HttpClient::send(const HttpRequest& request) {
  CURL* curl = m_handle->curl;
  if (curl == nullptr) return make_error("http: libcurl could not be initialised");
  // Reset keeps the connection cache, so consecutive requests reuse one connection.
  curl_easy_reset(curl);

  HttpResponse response;
  Collector collector{&response, m_options.max_reply_bytes, false};
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers)
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  // No "Expect: 100-continue" round trip: it only adds latency on a slow link.
  headers = curl_slist_append(headers, "Expect:");

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, m_options.low_speed_bytes);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, m_options.low_speed_seconds);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &collector);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &collector);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  const TlsOptions& tls = m_options.tls;
  if (!tls.client_cert_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_SSLCERT, tls.client_cert_file.c_str());
    curl_easy_setopt(curl, CURLOPT_SSLKEY, tls.client_key_file.c_str());
  }
  if (!tls.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, tls.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr);  // only our CA, never the system's
  } else if (!tls.pinned_public_key.empty()) {
    // No CA yet (enrollment): the pin is the whole check, and curl applies it regardless.
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!tls.pinned_public_key.empty())
    curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, tls.pinned_public_key.c_str());
  switch (request.method) {
    case Method::Get:
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
      break;
    case Method::Head:
      curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
      break;
    case Method::Post:
    case Method::Patch:
      curl_easy_setopt(curl, CURLOPT_POST, 1L);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      if (request.method == Method::Patch) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PATCH");
      break;
    case Method::Delete:
    case Method::Options:
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(to_string(request.method)).c_str());
      break;
  }
  char error_text[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  const std::string what = std::string(to_string(request.method)) + " " + request.url;
  if (collector.too_big) {
    return make_error(ErrorKind::Malformed, "http: " + what + ": reply larger than " +
                                                std::to_string(m_options.max_reply_bytes) + " bytes");
  }
  if (code == CURLE_SSL_PINNEDPUBKEYNOTMATCH)
    return make_error(ErrorKind::Refused,
                      "http: " + what + ": refused: the centre's certificate does not carry the pinned key " +
                          tls.pinned_public_key + " (not our centre, or someone in between)");
  if (code == CURLE_PEER_FAILED_VERIFICATION)
    return make_error(ErrorKind::Refused,
                      "http: " + what +
                          ": refused: the centre's certificate is not from the enrolled centre (" +
                          std::string(error_text) + ")");
  if (code != CURLE_OK) {
    return make_error(code == CURLE_OPERATION_TIMEDOUT ? ErrorKind::Timeout : ErrorKind::Unavailable,
                      "http: " + what + ": " +
                          (error_text[0] != '\0' ? std::string(error_text) : curl_easy_strerror(code)));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace pk::sync
