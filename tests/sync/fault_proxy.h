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

 private:
  void accept_loop();
  void relay(int client, Fault fault);

  int m_upstream_port;
  std::function<Fault()> m_plan;
  std::mutex m_plan_mutex;
  int m_listen_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::atomic<int> m_connections{0};
  std::atomic<int> m_faults{0};
  std::mutex m_mutex;
  std::vector<int> m_open_fds;
  std::vector<std::thread> m_threads;
  std::thread m_acceptor;
};

}  // namespace pk::sync::test
