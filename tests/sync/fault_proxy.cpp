#include "tests/sync/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace pk::sync::test {
namespace {

int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port, std::function<Fault()> plan)
    : m_upstream_port(upstream_port), m_plan(std::move(plan)) {
  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::listen(m_listen_fd, 64);
  socklen_t length = sizeof address;
  ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length);
  m_port = ntohs(address.sin_port);
  m_acceptor = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
  m_stopping = true;
  ::shutdown(m_listen_fd, SHUT_RDWR);
  if (m_acceptor.joinable()) m_acceptor.join();
  {
    std::lock_guard lock(m_mutex);
    for (int fd : m_open_fds) ::shutdown(fd, SHUT_RDWR);
  }
  for (std::thread& thread : m_threads) thread.join();
  ::close(m_listen_fd);
}

void FaultProxy::set_rate_limit(int64_t bytes_per_second) {
  std::lock_guard lock(m_rate_mutex);
  m_rate = bytes_per_second;
  for (int d = 0; d < 2; ++d) {
    m_tokens[d] = 0;
    m_refilled[d] = std::chrono::steady_clock::now();
  }
}

void FaultProxy::take_tokens(int direction, size_t bytes) {
  for (;;) {
    std::chrono::microseconds wait{0};
    {
      std::lock_guard lock(m_rate_mutex);
      if (m_rate <= 0) return;
      const auto now = std::chrono::steady_clock::now();
      const double burst = static_cast<double>(m_rate) / 20;  // 50 ms of traffic
      const double elapsed = std::chrono::duration<double>(now - m_refilled[direction]).count();
      m_tokens[direction] = std::min(burst, m_tokens[direction] + elapsed * static_cast<double>(m_rate));
      m_refilled[direction] = now;
      // A chunk larger than the bucket goes when the bucket is full, leaving a debt.
      const double need = std::min(static_cast<double>(bytes), burst);
      if (m_tokens[direction] >= need) {
        m_tokens[direction] -= static_cast<double>(bytes);
        return;
      }
      wait = std::chrono::microseconds(
          static_cast<int64_t>((need - m_tokens[direction]) * 1e6 / static_cast<double>(m_rate)) + 1);
    }
    std::this_thread::sleep_for(wait);  // the link's pace, not a synchronisation
  }
}

void FaultProxy::accept_loop() {
  while (!m_stopping) {
    const int client = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      if (m_stopping) return;
      continue;
    }
    ++m_connections;
    Fault fault;
    {
      std::lock_guard lock(m_plan_mutex);
      fault = m_plan();
    }
    std::lock_guard lock(m_mutex);
    m_open_fds.push_back(client);
    m_threads.emplace_back([this, client, fault] { relay(client, fault); });
  }
}

void FaultProxy::relay(int client, Fault fault) {
  auto forget = [this](int fd) {
    std::lock_guard lock(m_mutex);
    m_open_fds.erase(std::remove(m_open_fds.begin(), m_open_fds.end(), fd), m_open_fds.end());
    ::close(fd);
  };
  if (fault.kind == FaultKind::Answer503) {
    char buffer[4096];
    (void)::recv(client, buffer, sizeof buffer, 0);
    static constexpr char kReply[] =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 13\r\nConnection: close\r\n\r\nproxy says no";
    ++m_faults;
    write_all(client, kReply, sizeof kReply - 1);
    forget(client);
    return;
  }
  const int server = connect_loopback(m_upstream_port);
  if (server < 0) return forget(client);
  {
    std::lock_guard lock(m_mutex);
    m_open_fds.push_back(server);
  }
  size_t up = 0;
  size_t down = 0;
  bool stalled = false;
  // Small reads keep a rate-limited link smooth (one read is sent as one burst).
  std::vector<char> buffer(16 * 1024);
  for (;;) {
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (::poll(fds, 2, 1000) < 0 || m_stopping) break;
    if (fds[0].revents != 0) {
      const ssize_t n = ::recv(client, buffer.data(), buffer.size(), 0);
      if (n <= 0) break;
      size_t count = static_cast<size_t>(n);
      if (fault.kind == FaultKind::CutRequest && up + count > fault.at_byte) {
        ++m_faults;
        write_all(server, buffer.data(), fault.at_byte - up);
        break;
      }
      take_tokens(0, count);
      if (!write_all(server, buffer.data(), count)) break;
      up += count;
      m_bytes_up += static_cast<int64_t>(count);
    }
    if (fds[1].revents != 0) {
      const ssize_t n = ::recv(server, buffer.data(), buffer.size(), 0);
      if (n <= 0) break;
      size_t count = static_cast<size_t>(n);
      if (fault.kind == FaultKind::DropReply) {
        ++m_faults;  // the centre has done the work; the terminal never hears of it
        break;
      }
      if (fault.kind == FaultKind::Stall && !stalled) {
        stalled = true;
        ++m_faults;
        std::this_thread::sleep_for(fault.stall);  // the fault itself: a link that goes quiet
      }
      if (fault.kind == FaultKind::TruncateReply && down + count > fault.at_byte) {
        ++m_faults;
        write_all(client, buffer.data(), fault.at_byte - down);
        break;
      }
      if (fault.kind == FaultKind::CorruptReply && fault.at_byte >= down && fault.at_byte < down + count) {
        ++m_faults;
        buffer[fault.at_byte - down] = static_cast<char>(buffer[fault.at_byte - down] ^ 0x5a);
      }
      take_tokens(1, count);
      if (!write_all(client, buffer.data(), count)) break;
      down += count;
    }
  }
  forget(server);
  forget(client);
}

}  // namespace pk::sync::test
