#include "drivers/printer/net_printer.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace pk {
namespace {

using Clock = std::chrono::steady_clock;

std::string seconds(std::chrono::milliseconds ms) {
  const auto count = ms.count();
  if (count % 1000 == 0) return std::to_string(count / 1000) + " s";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(count) / 1000.0);
  return text;
}

// Waits for `events` on fd until the deadline; 1 ready, 0 timed out, -1 error (errno set).
int wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, events, 0};
    const int rc = ::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0)));
    if (rc < 0 && errno == EINTR) continue;
    if (rc <= 0) return rc;
    return 1;
  }
}

}  // namespace

const DriverMetadata& NetPrinter::metadata() {
  static const DriverMetadata meta{
      "tcp",
      "Network receipt printer (raw TCP 9100)",
      {},
      Features{Feature::NativeQr, Feature::NativeCode128, Feature::Cutter, Feature::StatusReadback}};
  return meta;
}

Result<std::unique_ptr<NetPrinter>> NetPrinter::create(std::string_view connection) {
  if (!connection.starts_with("tcp:"))
    return make_error("not a network printer: \"" + std::string(connection) + "\"");
  std::string_view rest = connection.substr(4);
  NetPrinterConfig config;
  if (const auto colon = rest.rfind(':');
      colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
    const std::string_view port = rest.substr(colon + 1);
    const auto parsed = std::from_chars(port.data(), port.data() + port.size(), config.port);
    if (parsed.ec != std::errc{} || parsed.ptr != port.data() + port.size() || config.port == 0) {
      return make_error("bad port in \"" + std::string(connection) + "\"");
    }
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return make_error("network printer needs a host: \"tcp:10.0.0.5:9100\"");
  config.host = std::string(rest);
  return std::make_unique<NetPrinter>(std::move(config));
}

NetPrinter::NetPrinter(NetPrinterConfig config) : m_config(std::move(config)) {
  m_info.backend = "tcp";
  m_info.name = "Network printer " + where();
  m_info.connection = "tcp:" + where();
}

NetPrinter::~NetPrinter() {
  std::lock_guard lock(m_mutex);
  close_locked();
}

std::string NetPrinter::where() const { return m_config.host + ":" + std::to_string(m_config.port); }

DeviceState NetPrinter::state() const {
  std::lock_guard lock(m_mutex);
  return DeviceState{m_fd >= 0 ? Connection::Open : Connection::Closed, m_last_error};
}

void NetPrinter::on_hotplug(HotplugCallback) {}

void NetPrinter::close_locked() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
}

Error NetPrinter::fail_locked(ErrorKind kind, std::string message) {
  close_locked();
  m_last_error = message;
  return make_error(kind, std::move(message));
}

Result<void> NetPrinter::open() {
  std::lock_guard lock(m_mutex);
  close_locked();
  return connect_locked();
}

Result<void> NetPrinter::connect_locked() {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(m_config.port);
  if (const int rc = ::getaddrinfo(m_config.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return fail_locked(ErrorKind::NotFound,
                       "printer at " + where() + ": cannot resolve host: " + ::gai_strerror(rc));
  }
  std::string why = "no address";
  const auto deadline = Clock::now() + m_config.connect_timeout;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      why = std::strerror(errno);
      continue;
    }
    int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
    if (rc < 0 && errno == EINPROGRESS) {
      rc = wait_for(fd, POLLOUT, deadline);
      if (rc == 0) {
        ::close(fd);
        why = "did not accept a connection within " + seconds(m_config.connect_timeout);
        continue;
      }
      int error = 0;
      socklen_t size = sizeof error;
      if (rc < 0)
        error = errno;
      else
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
      rc = error == 0 ? 0 : -1;
      errno = error;
    }
    if (rc < 0) {
      why = std::string("cannot connect: ") + std::strerror(errno);
      ::close(fd);
      continue;
    }
    ::freeaddrinfo(found);
    m_fd = fd;
    m_last_error.clear();
    return {};
  }
  ::freeaddrinfo(found);
  return fail_locked(ErrorKind::NotFound, "printer at " + where() + " " + why);
}

Result<void> NetPrinter::send(std::span<const std::uint8_t> bytes) {
  std::lock_guard lock(m_mutex);
  if (m_fd < 0) {
    if (auto connected = connect_locked(); !connected) return connected;
  }
  return send_locked(bytes);
}

Result<void> NetPrinter::send_locked(std::span<const std::uint8_t> bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      // The printer's buffer is full: it prints and drains, or it has stopped taking data.
      const int ready = wait_for(m_fd, POLLOUT, Clock::now() + m_config.write_timeout);
      if (ready > 0) continue;
      if (ready == 0) {
        return fail_locked(ErrorKind::Timeout, "printer at " + where() + " did not take data within " +
                                                   seconds(m_config.write_timeout) + " (" +
                                                   std::to_string(sent) + " of " +
                                                   std::to_string(bytes.size()) + " bytes sent)");
      }
    }
    const int error = errno;
    return fail_locked(ErrorKind::DeviceFault,
                       "printer at " + where() + " dropped the connection after " + std::to_string(sent) +
                           " of " + std::to_string(bytes.size()) + " bytes: " + std::strerror(error));
  }
  return {};
}

Result<std::uint8_t> NetPrinter::query_locked(escpos::StatusQuery query) {
  const auto request = escpos::status_request(query);
  if (auto sent = send_locked(request); !sent) return sent.error();
  const auto deadline = Clock::now() + m_config.read_timeout;
  for (;;) {
    const int ready = wait_for(m_fd, POLLIN, deadline);
    if (ready == 0) {
      return fail_locked(ErrorKind::Timeout, "printer at " + where() + " did not answer within " +
                                                 seconds(m_config.read_timeout));
    }
    std::uint8_t byte = 0;
    const ssize_t n = ready > 0 ? ::recv(m_fd, &byte, 1, 0) : -1;
    if (n == 1) return byte;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return fail_locked(ErrorKind::DeviceFault,
                       "printer at " + where() + (n == 0 ? " closed the connection" : " read failed: ") +
                           (n == 0 ? std::string() : std::string(std::strerror(errno))));
  }
}

Result<PrinterStatus> NetPrinter::status() {
  std::lock_guard lock(m_mutex);
  if (m_fd < 0) {
    if (auto connected = connect_locked(); !connected) return connected.error();
  }
  // Drop bytes left over from earlier (late answers, Automatic Status Back), so each answer
  // read below belongs to its own request.
  std::uint8_t stale[64];
  while (::recv(m_fd, stale, sizeof stale, MSG_DONTWAIT) > 0) {
  }
  escpos::StatusReply reply;
  const std::pair<escpos::StatusQuery, std::uint8_t*> queries[] = {
      {escpos::StatusQuery::Printer, &reply.printer},
      {escpos::StatusQuery::OfflineCause, &reply.offline_cause},
      {escpos::StatusQuery::ErrorCause, &reply.error_cause},
      {escpos::StatusQuery::RollPaper, &reply.roll_paper}};
  for (const auto& [query, slot] : queries) {
    auto byte = query_locked(query);
    if (!byte) return byte.error();
    *slot = *byte;
  }
  auto decoded = escpos::decode_status(reply);
  if (!decoded)
    return fail_locked(ErrorKind::Malformed, "printer at " + where() + ": " + decoded.error().message);
  return decoded;
}

Result<void> NetPrinter::print(const PrintJob& job, Cut cut) {
  auto encoded = escpos::encode_job(job, cut, m_config.encode);
  if (!encoded) return encoded.error();
  return send(encoded.value());
}

}  // namespace pk
