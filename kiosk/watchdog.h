#pragma once
// Tells systemd that the kiosk is alive (the sd_notify protocol, through libsystemd).
//
// Under `Type=notify` systemd waits for READY=1 before it counts the kiosk as started; with
// `WatchdogSec=` it kills and restarts a kiosk that stops sending WATCHDOG=1. The kiosk sends
// READY=1 after its first frame is on the screen (not when main() starts: a kiosk that
// cannot draw is not ready) and WATCHDOG=1 from the frame loop, so a hung loop stops the
// pings. Pings are rate-limited to half the watchdog interval systemd gave us.
//
// Without NOTIFY_SOCKET in the environment (a developer's shell, tests, the headless demo)
// every call does nothing.
#include <cstdint>
#include <string>
#include <string_view>

namespace pk::kiosk {

class Watchdog {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (and WATCHDOG_PID) from the environment.
  [[nodiscard]] static Watchdog from_environment();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;
  Watchdog(Watchdog&& other) noexcept;
  Watchdog& operator=(Watchdog&&) = delete;
  // Sends STOPPING=1 when READY=1 was sent, so systemd knows the exit is deliberate.
  ~Watchdog();

  // True when systemd listens (NOTIFY_SOCKET is set).
  [[nodiscard]] bool notifying() const { return m_notifying; }
  // The interval systemd expects pings within, in microseconds; 0 without a watchdog.
  [[nodiscard]] uint64_t watchdog_usec() const { return m_watchdog_usec; }

  // Called once per turn of the frame loop at monotonic time `now` (seconds), after a frame
  // was drawn: the first call sends READY=1, later ones WATCHDOG=1 at most every half interval.
  void alive(double now);
  // A one-line status for `systemctl status` (STATUS=...); sent only when it changed.
  void status(std::string_view text);

 private:
  Watchdog(bool notifying, uint64_t watchdog_usec) : m_notifying(notifying), m_watchdog_usec(watchdog_usec) {}
  void send(const std::string& message) const;

  bool m_notifying = false;
  uint64_t m_watchdog_usec = 0;
  bool m_ready_sent = false;
  double m_last_ping = 0;
  std::string m_last_status;
};

}  // namespace pk::kiosk
