#pragma once
// Many HTTPS transfers at once on one thread (libcurl's multi interface), so a thousand
// terminals cost a thousand sockets and no threads. Each terminal brings its own easy handle
// (its TLS sessions, like the terminal's own HttpClient) and has at most one call in flight.
// Every call is bounded by a connect timeout, a total timeout and a reply size limit.
#include <curl/curl.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sync/http_client.h"

namespace pk::loadgen {

// How a terminal proves itself and checks the centre. Strings are handed to libcurl as blobs
// without copies: the identity must outlive every call made with it.
struct TlsIdentity {
  std::string cert_pem;  // empty: no client certificate (enrollment)
  std::string key_pem;
  std::string ca_pem;  // empty: only the pin is checked (enrollment: the CA is not known yet)
  std::string pin;     // sha256//BASE64 of the centre's key
};

struct Call {
  using Headers = std::vector<std::pair<std::string, std::string>>;
  Call() = default;
  // With a body_owner, the body is all of it (set `body` to a part of it afterwards).
  Call(sync::Method method_, std::string url_, Headers headers_ = {},
       std::shared_ptr<const std::vector<uint8_t>> body_owner_ = nullptr)
      : method(method_),
        url(std::move(url_)),
        headers(std::move(headers_)),
        body_owner(std::move(body_owner_)) {
    if (body_owner) body = *body_owner;
  }

  sync::Method method = sync::Method::Get;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::shared_ptr<const std::vector<uint8_t>> body_owner;  // keeps `body` alive until the call ends
  std::span<const uint8_t> body;
  // The terminal has nothing more to send for now: close the connection after this call
  // instead of leaving it idle at the centre.
  bool close_connection = false;
};

struct Reply {
  long status = 0;  // 0: no HTTP reply (transport failure or cancelled)
  int curl_code = 0;
  std::string error;                           // what went wrong without a reply
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  double ms = 0;            // from the call's start to its end
  double handshake_ms = 0;  // when it opened a connection: from its start to the TLS handshake's end
  bool cancelled = false;
  [[nodiscard]] const std::string* header(std::string_view lowercase_name) const;
};

struct EngineOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  long low_speed_bytes = 512;  // a link slower than this for low_speed_seconds is given up
  long low_speed_seconds = 15;
  size_t max_reply_bytes = size_t{1} << 20;
  long max_cached_connections = 1024;
};

struct EasyFree {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
using EasyHandle = std::unique_ptr<CURL, EasyFree>;
[[nodiscard]] EasyHandle new_easy_handle();

// A terminal's own connection pool (a libcurl share of connections), as each terminal has its
// own HttpClient: its connections can never carry another terminal's calls, and finding one
// to reuse looks at its own few, not at a thousand. Free the easy handles using it first.
struct PoolFree {
  void operator()(CURLSH* pool) const { curl_share_cleanup(pool); }
};
using ConnectionPool = std::unique_ptr<CURLSH, PoolFree>;
[[nodiscard]] ConnectionPool new_connection_pool();

class Engine {
 public:
  explicit Engine(EngineOptions options);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();  // drops transfers in flight without calling their callbacks

  // Starts `call` on `easy` (idle: not in another call) with the connections of `pool`. `done`
  // runs from step() or cancel_all().
  void start(CURL* easy, CURLSH* pool, const TlsIdentity& identity, Call call,
             std::function<void(Reply&&)> done);
  // Moves the transfers on, waiting at most `wait` for something to happen, then runs the
  // callbacks of the calls that ended (they may start new calls).
  void step(std::chrono::milliseconds wait);
  // Ends every call in flight; their callbacks get a cancelled Reply.
  void cancel_all();
  [[nodiscard]] size_t in_flight() const { return m_transfers.size(); }
  [[nodiscard]] int64_t bytes_sent() const { return m_bytes_sent; }

  struct Transfer;  // one call in flight (engine.cpp)

 private:
  void collect();

  EngineOptions m_options;
  CURLM* m_multi = nullptr;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> m_transfers;
  std::vector<std::unique_ptr<Transfer>> m_finished;
  int64_t m_bytes_sent = 0;
};

}  // namespace pk::loadgen
