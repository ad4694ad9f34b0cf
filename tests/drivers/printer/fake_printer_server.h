#pragma once
// A printer on 127.0.0.1 for network backend tests: a thread with a real listening socket
// that records every byte and answers DLE EOT n the way a printer does, or misbehaves on
// purpose (never answers, stops reading, closes after some bytes).
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "drivers/printer/escpos.h"

namespace pk::test {

class FakePrinterServer {
 public:
  enum class Behaviour { Answer, NeverAnswer, StopReading, CloseAfter };

  explicit FakePrinterServer(Behaviour behaviour, std::size_t close_after = 0)
      : m_behaviour(behaviour), m_close_after(close_after) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    if (behaviour == Behaviour::StopReading) {
      // A small receive window makes "stops reading" show up after kilobytes, not megabytes.
      int size = 4096;
      ::setsockopt(m_listen, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(m_listen, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(m_listen, 4);
    socklen_t length = sizeof address;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
  }

  ~FakePrinterServer() {
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
  }

  [[nodiscard]] std::uint16_t port() const { return m_port; }
  [[nodiscard]] std::vector<std::uint8_t> received() const {
    std::lock_guard lock(m_mutex);
    return m_received;
  }
  [[nodiscard]] int status_requests() const { return m_status_requests; }
  // What the printer answers to DLE EOT 1..4.
  void set_reply(escpos::StatusReply reply) {
    std::lock_guard lock(m_mutex);
    m_reply = reply;
  }

 private:
  void serve() {
    while (!m_stop) {
      pollfd p{m_listen, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int fd = ::accept(m_listen, nullptr, nullptr);
      if (fd < 0) continue;
      talk(fd);
      ::close(fd);
    }
  }

  void talk(int fd) {
    std::size_t seen = 0;
    while (!m_stop) {
      if (m_behaviour == Behaviour::StopReading) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      std::uint8_t buffer[4096];
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      std::vector<std::uint8_t> answers;
      {
        std::lock_guard lock(m_mutex);
        m_received.insert(m_received.end(), buffer, buffer + n);
        // Like a printer, act on DLE EOT n wherever it appears in the stream.
        for (; seen + 2 < m_received.size(); ++seen) {
          if (m_received[seen] == 0x10 && m_received[seen + 1] == 0x04 && m_received[seen + 2] >= 1 &&
              m_received[seen + 2] <= 4) {
            const std::uint8_t replies[] = {m_reply.printer, m_reply.offline_cause, m_reply.error_cause,
                                            m_reply.roll_paper};
            answers.push_back(replies[m_received[seen + 2] - 1]);
            ++m_status_requests;
          }
        }
        if (m_behaviour == Behaviour::CloseAfter && m_received.size() >= m_close_after) return;
      }
      if (m_behaviour == Behaviour::Answer && !answers.empty()) {
        (void)::send(fd, answers.data(), answers.size(), MSG_NOSIGNAL);
      }
    }
  }

  Behaviour m_behaviour;
  std::size_t m_close_after;
  int m_listen = -1;
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_status_requests{0};
  mutable std::mutex m_mutex;
  std::vector<std::uint8_t> m_received;
  escpos::StatusReply m_reply;
  std::thread m_thread;
};

}  // namespace pk::test
