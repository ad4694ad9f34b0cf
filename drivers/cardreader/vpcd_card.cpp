#include "drivers/cardreader/vpcd_card.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace pk::cardreader {

namespace {

bool read_exact(int fd, std::uint8_t* out, std::size_t size, const std::atomic<bool>& stop) {
  std::size_t done = 0;
  while (done < size) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, 100);
    if (stop) return false;
    if (ready <= 0) {
      if (ready < 0 && errno != EINTR) return false;
      continue;
    }
    const ssize_t n = ::recv(fd, out + done, size - done, 0);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool send_message(int fd, ByteView payload) {
  Bytes message{static_cast<std::uint8_t>(payload.size() >> 8),
                static_cast<std::uint8_t>(payload.size() & 0xFF)};
  append(message, payload);
  std::size_t done = 0;
  while (done < message.size()) {
    const ssize_t n = ::send(fd, message.data() + done, message.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

Result<void> VpcdCard::insert(std::uint16_t port, std::chrono::milliseconds patience) {
  remove();
  const auto deadline = std::chrono::steady_clock::now() + patience;
  for (;;) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return make_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      m_socket = fd;
      break;
    }
    const int error = errno;
    ::close(fd);
    if (std::chrono::steady_clock::now() >= deadline)
      return make_error("vpcd does not listen on 127.0.0.1:" + std::to_string(port) + ": " +
                        std::strerror(error));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  m_stop = false;
  m_served = 0;
  m_card->reset();
  m_thread = std::thread([this] { serve(); });
  return {};
}

void VpcdCard::remove() {
  m_stop = true;
  if (m_thread.joinable()) m_thread.join();
  if (m_socket >= 0) ::close(m_socket);
  m_socket = -1;
}

void VpcdCard::serve() {
  for (;;) {
    std::uint8_t header[2];
    if (!read_exact(m_socket, header, 2, m_stop)) break;
    const std::size_t size = static_cast<std::size_t>((header[0] << 8) | header[1]);
    Bytes payload(size);
    if (size > 0 && !read_exact(m_socket, payload.data(), size, m_stop)) break;
    if (size == 1) {
      switch (payload[0]) {
        case 0x00:
          m_card->reset();
          break;  // power off
        case 0x01:
          m_card->reset();
          break;  // power on
        case 0x02:
          m_card->reset();
          break;  // reset
        case 0x04:
          if (!send_message(m_socket, m_card->atr())) return;
          break;
        default:
          break;
      }
      continue;
    }
    if (m_remove_after.load() == 0) {
      // Pulled out mid-exchange: the connection is reset without an answer, as a card leaving
      // the field gives none (a reset, not an orderly close, so vpcd ejects at once).
      const linger abrupt{1, 0};
      ::setsockopt(m_socket, SOL_SOCKET, SO_LINGER, &abrupt, sizeof abrupt);
      ::close(m_socket);
      m_socket = -1;
      break;
    }
    if (m_remove_after.load() > 0) --m_remove_after;
    const Bytes response = m_card->process(payload);
    ++m_served;
    if (!send_message(m_socket, response)) break;
  }
}

}  // namespace pk::cardreader
