#pragma once
// A small blocking HTTP/1.1 client over libcurl, one connection reused across requests.
// Every request is bounded: a connect timeout, a total timeout and a low-speed limit (a link
// that drips fewer than low_speed_bytes per second for low_speed_seconds is given up), so a
// caller is never stuck on a centre that does not answer. Not thread-safe: one per thread.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::sync {

// TLS towards the centre. Files are PEM. With ca_file set the centre's certificate must chain
// to it (and name the host); with pinned_public_key set ("sha256//BASE64" of the centre's
// public key) it must also carry that key, and a centre that does not is refused before a
// byte is sent. A pin alone (enrollment, before the terminal has the CA) checks only the key.
struct TlsOptions {
  std::string client_cert_file;
  std::string client_key_file;
  std::string ca_file;
  std::string pinned_public_key;
  [[nodiscard]] bool any() const {
    return !client_cert_file.empty() || !ca_file.empty() || !pinned_public_key.empty();
  }
};

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{60'000};
  long low_speed_bytes = 512;
  long low_speed_seconds = 15;
  // Replies larger than this are cut off and reported as an error (a broken or hostile server).
  size_t max_reply_bytes = 4 * 1024 * 1024;
  TlsOptions tls;
};

enum class Method { Get, Head, Post, Patch, Delete, Options };
[[nodiscard]] std::string_view to_string(Method method);

struct HttpRequest {
  Method method = Method::Get;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::span<const uint8_t> body;  // borrowed: must outlive the call
};

// One header line as libcurl hands it over ("Name: value\r\n"): the name lowercased and the
// value without surrounding blanks; nullopt for a line that is not a header (no colon).
struct HeaderLine {
  std::string name;
  std::string value;
};
[[nodiscard]] std::optional<HeaderLine> parse_header_line(std::string_view line);

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lowercased; the last value wins
  std::string body;

  [[nodiscard]] const std::string* header(std::string_view lowercase_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  ~HttpClient();

  // A transport failure (refused, reset, timeout, reply too big) is an Error; any HTTP status,
  // including 4xx and 5xx, is a response for the caller to judge.
  [[nodiscard]] Result<HttpResponse> send(const HttpRequest& request);

 private:
  struct Handle;
  std::unique_ptr<Handle> m_handle;
  HttpOptions m_options;
};

}  // namespace pk::sync
