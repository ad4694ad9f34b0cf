#include "kiosk/watchdog.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace pk::kiosk {

namespace {

// WATCHDOG_USEC, when the watchdog is meant for this process. Not sd_watchdog_enabled(): under
// the Wayland kiosk session the unit's main process is cage, our parent, so WATCHDOG_PID names
// cage; the pings are still ours to send (the unit has NotifyAccess=all).
uint64_t watchdog_interval_usec() {
  const char* usec_text = std::getenv("WATCHDOG_USEC");
  if (usec_text == nullptr) return 0;
  uint64_t usec = 0;
  const std::string_view usec_view(usec_text);
  const auto parsed = std::from_chars(usec_view.data(), usec_view.data() + usec_view.size(), usec);
  if (parsed.ec != std::errc() || parsed.ptr != usec_view.data() + usec_view.size()) return 0;
  if (const char* pid_text = std::getenv("WATCHDOG_PID"); pid_text != nullptr) {
    const std::string_view pid_view(pid_text);
    long pid = 0;
    const auto pid_parsed = std::from_chars(pid_view.data(), pid_view.data() + pid_view.size(), pid);
    if (pid_parsed.ec != std::errc() || (pid != ::getpid() && pid != ::getppid())) return 0;
  }
  return usec;
}

}  // namespace

Watchdog Watchdog::from_environment() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  const bool notifying = socket != nullptr && socket[0] != '\0';
  const uint64_t usec = notifying ? watchdog_interval_usec() : 0;
  if (notifying)
    spdlog::info("systemd notification socket present; watchdog {}",
                 usec > 0 ? std::to_string(usec / 1000) + " ms" : std::string("off"));
  return Watchdog(notifying, usec);
}

Watchdog::Watchdog(Watchdog&& other) noexcept
    : m_notifying(std::exchange(other.m_notifying, false)),
      m_watchdog_usec(other.m_watchdog_usec),
      m_ready_sent(std::exchange(other.m_ready_sent, false)),
      m_last_ping(other.m_last_ping),
      m_last_status(std::move(other.m_last_status)) {}

Watchdog::~Watchdog() {
  if (m_ready_sent) send("STOPPING=1");
}

void Watchdog::send(const std::string& message) const {
  if (!m_notifying) return;
  // unset_environment = 0: a child the kiosk starts (none today) could still notify.
  const int sent = sd_notify(0, message.c_str());
  if (sent < 0) spdlog::warn("sd_notify({}) failed: error {}", message, -sent);
}

void Watchdog::alive(double now) {
  if (!m_notifying) return;
  if (!m_ready_sent) {
    m_ready_sent = true;
    m_last_ping = now;
    // The first WATCHDOG=1 rides with READY=1: systemd's watchdog timer starts at READY.
    send(m_watchdog_usec > 0 ? "READY=1\nWATCHDOG=1" : "READY=1");
    return;
  }
  if (m_watchdog_usec == 0) return;
  const double half_interval = static_cast<double>(m_watchdog_usec) / 2e6;
  if (now - m_last_ping < half_interval) return;
  m_last_ping = now;
  send("WATCHDOG=1");
}

void Watchdog::status(std::string_view text) {
  if (!m_notifying || text == m_last_status) return;
  m_last_status = std::string(text);
  send("STATUS=" + m_last_status);
}

}  // namespace pk::kiosk
