#pragma once
// A TCP proxy on loopback between the terminal and the centre that misbehaves on purpose:
// for each new connection it asks `plan` what to do, then cuts the request at a byte, drops
// the reply after the centre has processed the request, truncates or corrupts the reply,
// stalls, or answers 503 itself. Tests use it to prove that delivery survives all of it.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pk::sync::test {

enum class FaultKind { None, CutRequest, DropReply, TruncateReply, CorruptReply, Answer503, Stall };

struct Fault {
  FaultKind kind = FaultKind::None;
  size_t at_byte = 0;                  // CutRequest, TruncateReply, CorruptReply
  std::chrono::milliseconds stall{0};  // Stall
};

class FaultProxy {
 public:
  FaultProxy(int upstream_port, std::function<Fault()> plan);
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;
  ~FaultProxy();

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] int connections() const { return m_connections.load(); }
  [[nodiscard]] int faults_fired() const { return m_faults.load(); }
  // A link of `bytes_per_second` each way, shared by every connection (a token bucket holding
  // at most 50 ms of traffic); 0: as fast as loopback goes.
  void set_rate_limit(int64_t bytes_per_second);
  // Bytes relayed from terminal to centre, over every connection.
  [[nodiscard]] int64_t bytes_up() const { return m_bytes_up.load(); }

 private:
  void accept_loop();
  void relay(int client, Fault fault);
  // Blocks until `bytes` may cross the link in `direction` (0: up, 1: down).
  void take_tokens(int direction, size_t bytes);

  int m_upstream_port;
  std::function<Fault()> m_plan;
  std::mutex m_plan_mutex;
  int m_listen_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::atomic<int> m_connections{0};
  std::atomic<int> m_faults{0};
  std::atomic<int64_t> m_bytes_up{0};
  std::mutex m_rate_mutex;
  int64_t m_rate = 0;
  double m_tokens[2] = {0, 0};
  std::chrono::steady_clock::time_point m_refilled[2];
  std::mutex m_mutex;
  std::vector<int> m_open_fds;
  std::vector<std::thread> m_threads;
  std::thread m_acceptor;
};

}  // namespace pk::sync::test
