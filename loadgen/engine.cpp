#include "loadgen/engine.h"

#include "sync/http_client.h"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace pk::loadgen {
namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

struct Engine::Transfer {
  CURL* easy = nullptr;
  Call call;
  std::function<void(Reply&&)> done;
  Reply reply;
  curl_slist* headers = nullptr;
  size_t max_reply_bytes = 0;
  bool too_big = false;
  std::chrono::steady_clock::time_point started;
  char error_text[CURL_ERROR_SIZE] = {};
  ~Transfer() {
    if (headers != nullptr) curl_slist_free_all(headers);
  }
};

namespace {

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Engine::Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->reply.body.size() + bytes > transfer->max_reply_bytes) {
    transfer->too_big = true;
    return 0;  // curl fails the transfer with CURLE_WRITE_ERROR
  }
  transfer->reply.body.append(data, bytes);
  return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Engine::Transfer*>(user);
  const size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    transfer->reply.headers.clear();  // a new status line (after 100 Continue)
    return bytes;
  }
  if (transfer->reply.headers.size() >= 100) return bytes;
  if (auto header = sync::parse_header_line(line))
    transfer->reply.headers[header->name] = header->value.substr(0, 4096);
  return bytes;
}

curl_blob blob_of(const std::string& text) {
  // NOCOPY: the identity outlives the call (see TlsIdentity).
  return curl_blob{const_cast<char*>(text.data()), text.size(), CURL_BLOB_NOCOPY};
}

}  // namespace

const std::string* Reply::header(std::string_view lowercase_name) const {
  auto it = headers.find(std::string(lowercase_name));
  return it == headers.end() ? nullptr : &it->second;
}

EasyHandle new_easy_handle() {
  init_curl_once();
  return EasyHandle(curl_easy_init());
}

ConnectionPool new_connection_pool() {
  init_curl_once();
  ConnectionPool pool(curl_share_init());
  if (pool && curl_share_setopt(pool.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK)
    pool.reset();
  return pool;
}

Engine::Engine(EngineOptions options) : m_options(options) {
  init_curl_once();
  m_multi = curl_multi_init();
  if (m_multi != nullptr) curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, m_options.max_cached_connections);
}

Engine::~Engine() {
  for (auto& [easy, transfer] : m_transfers) curl_multi_remove_handle(m_multi, easy);
  m_transfers.clear();
  if (m_multi != nullptr) curl_multi_cleanup(m_multi);
}

void Engine::start(CURL* easy, CURLSH* pool, const TlsIdentity& identity, Call call,
                   std::function<void(Reply&&)> done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->easy = easy;
  transfer->call = std::move(call);
  transfer->done = std::move(done);
  transfer->max_reply_bytes = m_options.max_reply_bytes;
  transfer->started = std::chrono::steady_clock::now();
  Transfer& t = *transfer;
  if (easy == nullptr || m_multi == nullptr || m_transfers.contains(easy)) {
    t.reply.error = easy == nullptr || m_multi == nullptr ? "libcurl could not be initialised"
                                                          : "internal: the terminal's handle is busy";
    m_finished.push_back(std::move(transfer));
    return;
  }
  // Reset keeps the handle's TLS session cache; connections live in the terminal's pool.
  curl_easy_reset(easy);
  for (const auto& [name, value] : t.call.headers)
    t.headers = curl_slist_append(t.headers, (name + ": " + value).c_str());
  t.headers = curl_slist_append(t.headers, "Expect:");  // no 100-continue round trip
  if (pool != nullptr) curl_easy_setopt(easy, CURLOPT_SHARE, pool);
  curl_easy_setopt(easy, CURLOPT_URL, t.call.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, m_options.low_speed_bytes);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, m_options.low_speed_seconds);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t.headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error_text);
  if (t.call.close_connection) curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
  if (!identity.cert_pem.empty()) {
    curl_blob cert = blob_of(identity.cert_pem);
    curl_blob key = blob_of(identity.key_pem);
    curl_easy_setopt(easy, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(easy, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
  }
  if (!identity.ca_pem.empty()) {
    curl_blob ca = blob_of(identity.ca_pem);
    curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &ca);
    curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);  // only the centre's CA, never the system's
  } else {
    // No CA yet (enrollment): the pin is the whole check, as on the terminal.
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!identity.pin.empty()) curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, identity.pin.c_str());
  switch (t.call.method) {
    case sync::Method::Get:
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
      break;
    case sync::Method::Head:
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
      break;
    case sync::Method::Post:
    case sync::Method::Patch:
      curl_easy_setopt(easy, CURLOPT_POST, 1L);
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t.call.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t.call.body.size()));
      if (t.call.method == sync::Method::Patch) curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "PATCH");
      break;
    case sync::Method::Delete:
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "DELETE");
      break;
    case sync::Method::Options:
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "OPTIONS");
      break;
  }
  if (const CURLMcode added = curl_multi_add_handle(m_multi, easy); added != CURLM_OK) {
    t.reply.error = std::string("curl_multi_add_handle: ") + curl_multi_strerror(added);
    m_finished.push_back(std::move(transfer));
    return;
  }
  m_bytes_sent += static_cast<int64_t>(t.call.body.size());
  m_transfers.emplace(easy, std::move(transfer));
}

void Engine::collect() {
  int queued = 0;
  // Bounded: at most one message per transfer that was in flight.
  for (size_t i = 0, n = m_transfers.size(); i <= n; ++i) {
    CURLMsg* message = curl_multi_info_read(m_multi, &queued);
    if (message == nullptr) break;
    if (message->msg != CURLMSG_DONE) continue;
    CURL* easy = message->easy_handle;
    const CURLcode code = message->data.result;
    auto it = m_transfers.find(easy);
    if (it == m_transfers.end()) continue;
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    m_transfers.erase(it);
    curl_multi_remove_handle(m_multi, easy);
    Reply& reply = transfer->reply;
    reply.curl_code = static_cast<int>(code);
    if (transfer->too_big) {
      reply.error = "reply larger than " + std::to_string(transfer->max_reply_bytes) + " bytes";
    } else if (code != CURLE_OK) {
      reply.error =
          transfer->error_text[0] != '\0' ? std::string(transfer->error_text) : curl_easy_strerror(code);
    } else {
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &reply.status);
    }
    if (reply.status == 0) reply.body.clear();
    curl_off_t handshake_us = 0;  // 0 on a connection that was reused
    if (curl_easy_getinfo(easy, CURLINFO_APPCONNECT_TIME_T, &handshake_us) == CURLE_OK && handshake_us > 0)
      reply.handshake_ms = static_cast<double>(handshake_us) / 1000.0;
    m_finished.push_back(std::move(transfer));
  }
}

void Engine::step(std::chrono::milliseconds wait) {
  int running = 0;
  if (m_multi != nullptr) {
    curl_multi_perform(m_multi, &running);
    collect();
    if (m_finished.empty() && wait.count() > 0) {
      curl_multi_poll(m_multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
      curl_multi_perform(m_multi, &running);
      collect();
    }
  }
  std::vector<std::unique_ptr<Transfer>> finished = std::move(m_finished);
  m_finished.clear();
  for (auto& transfer : finished) {
    transfer->reply.ms = ms_since(transfer->started);
    transfer->done(std::move(transfer->reply));
  }
}

void Engine::cancel_all() {
  for (auto& [easy, transfer] : m_transfers) {
    curl_multi_remove_handle(m_multi, easy);
    transfer->reply.cancelled = true;
    transfer->reply.status = 0;
    transfer->reply.error = "cancelled";
    m_finished.push_back(std::move(transfer));
  }
  m_transfers.clear();
  step(std::chrono::milliseconds(0));
}

}  // namespace pk::loadgen
