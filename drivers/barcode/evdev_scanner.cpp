#include "drivers/barcode/evdev_scanner.h"

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/system_error.h"

namespace pk::barcode {

const DriverMetadata& EvdevScanner::metadata() {
  static const DriverMetadata meta{
      "evdev", "USB barcode scanner (keyboard wedge, evdev)", {}, Features{Feature::Hotplug}};
  return meta;
}

Result<std::unique_ptr<EvdevScanner>> EvdevScanner::create(std::string_view connection) {
  if (!connection.starts_with("evdev:") || connection.size() == 6) {
    return make_error("an evdev scanner needs a device path: \"evdev:/dev/input/by-id/...\"");
  }
  return std::make_unique<EvdevScanner>(std::string(connection.substr(6)));
}

Result<std::vector<DeviceInfo>> EvdevScanner::discover(const std::filesystem::path& by_id) {
  std::vector<DeviceInfo> found;
  std::error_code ec;
  if (!std::filesystem::is_directory(by_id, ec)) return found;
  for (const auto& entry : std::filesystem::directory_iterator(by_id, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with("-event-kbd")) continue;
    DeviceInfo info;
    info.backend = "evdev";
    info.name = name.substr(0, name.size() - 10);
    info.connection = "evdev:" + entry.path().string();
    found.push_back(std::move(info));
  }
  if (ec)
    return make_error(error_kind_of_errno(ec.value()), "cannot list " + by_id.string() + ": " + ec.message());
  std::sort(found.begin(), found.end(),
            [](const DeviceInfo& a, const DeviceInfo& b) { return a.connection < b.connection; });
  return found;
}

EvdevScanner::EvdevScanner(std::string path) : m_path(std::move(path)) {
  m_info.backend = "evdev";
  m_info.name = "Barcode scanner (" + m_path + ")";
  m_info.connection = "evdev:" + m_path;
}

EvdevScanner::~EvdevScanner() { close(); }

DeviceState EvdevScanner::state() const { return m_link.state(); }

void EvdevScanner::on_hotplug(HotplugCallback callback) { m_link.set_hotplug(std::move(callback)); }

Result<void> EvdevScanner::open() {
  if (m_fd >= 0) return {};
  const int fd = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error_number = errno;
    std::string message = "cannot open " + m_path + ": " + std::strerror(error_number);
    m_link.set(error_number == ENOENT || error_number == ENODEV ? Connection::Unplugged : Connection::Closed,
               message);
    return make_error(error_kind_of_errno(error_number), std::move(message));
  }
  // Exclusive: no other reader (the X server, the console) sees the scanner's keys.
  if (::ioctl(fd, EVIOCGRAB, 1) != 0) {
    const int error_number = errno;
    std::string message =
        "cannot take " + m_path + " for the terminal alone (EVIOCGRAB): " + std::strerror(error_number);
    m_link.set_last_error(message);
    ::close(fd);
    return make_error(error_kind_of_errno(error_number), std::move(message));
  }
  char name[256] = {};
  if (::ioctl(fd, EVIOCGNAME(sizeof name - 1), name) >= 0 && name[0] != '\0') m_info.model = name;
  m_fd = fd;
  m_link.set_connection(Connection::Open);
  m_decoder.reset();
  return {};
}

void EvdevScanner::close() {
  if (m_fd >= 0) {
    ::ioctl(m_fd, EVIOCGRAB, 0);
    ::close(m_fd);
    m_fd = -1;
  }
  m_link.replace_connection(Connection::Open, Connection::Closed);
}

Result<std::optional<std::string>> EvdevScanner::read_code(std::chrono::milliseconds timeout) {
  if (m_fd < 0) return make_error("barcode scanner is not open");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{m_fd, POLLIN, 0};
    const int ready =
        ::poll(&p, 1, static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count())));
    if (ready < 0 && errno != EINTR)
      return make_error(std::string("poll on barcode scanner: ") + std::strerror(errno));
    if (ready == 0) {
      // A code never pauses mid-way; a half code after the wait is noise from a bad read.
      m_decoder.reset();
      return std::optional<std::string>{};
    }
    if ((p.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) errno = ENODEV;
    input_event events[64];
    const ssize_t got = (p.revents & POLLIN) != 0 ? ::read(m_fd, events, sizeof events) : -1;
    if (got < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      const int error_number = errno;
      const bool gone = error_number == ENODEV;
      const std::string message =
          gone ? "barcode scanner was unplugged" : std::string("read: ") + std::strerror(error_number);
      if (gone)
        m_link.set(Connection::Unplugged, message);
      else
        m_link.set_last_error(message);
      ::close(m_fd);
      m_fd = -1;
      if (gone) m_link.notify(HotplugEvent::Left, m_info);
      return make_error(error_kind_of_errno(error_number), message);
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(got) / sizeof(input_event); ++i) {
      const KeyEvent key{events[i].type, events[i].code, events[i].value};
      if (key.type == EV_SYN && key.code == SYN_DROPPED)
        spdlog::warn(
            "barcode scanner {}: the kernel's event buffer overflowed (SYN_DROPPED); the code being "
            "read is dropped",
            m_path);
      if (auto done = m_decoder.feed(key)) {
        if (done->events_lost)
          return make_error("part of the scanned code was lost (the event buffer overflowed): scan again");
        if (done->unknown_keys)
          return make_error("the scanned code had keys this terminal cannot read: scan again");
        return std::optional<std::string>{std::move(done->text)};
      }
    }
  }
}

}  // namespace pk::barcode
