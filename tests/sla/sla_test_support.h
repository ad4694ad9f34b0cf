#pragma once
// Helpers for the service-level tests: Iran-time instants by Jalali date, a scripted time
// source and a temporary folder in the build tree.
#include <cstdint>
#include <filesystem>
#include <string>

#include "domain/sla_model.h"
#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "sla/time_source.h"

namespace pk::sla::test {

inline constexpr int64_t kHour = 3600;
inline constexpr int64_t kDay = 86400;

// Unix seconds of y/m/d hh:mm Iran time.
[[nodiscard]] int64_t at(int year, int month, int day, int hour = 0, int minute = 0);

// A run that covers [start, end) exactly (the terminal beat all the way through).
[[nodiscard]] Run run_over(int64_t start, int64_t end, std::string boot = "boot-a");

// A closed outage measured on the monotonic clock.
[[nodiscard]] Outage outage(int64_t start, int64_t end, ServiceScope services = ServiceScope::all(),
                            OutageCause cause = OutageCause::CentreUnreachable);

[[nodiscard]] Notice notice(std::string id, int64_t published, int64_t starts, int64_t ends,
                            ServiceScope services = ServiceScope::all());

[[nodiscard]] LedgerOptions beat_every(int seconds);

// An observation; an empty status was not looked at.
[[nodiscard]] Observation look(std::optional<Status> centre, std::optional<Status> printer = {},
                               std::optional<Status> scanner = {}, std::optional<Status> kiosk = {},
                               std::string detail = {});

// Wall and monotonic clocks the test moves by hand; set_wall() changes only the wall clock,
// as a technician or NTP would.
class FakeTime final : public TimeSource {
 public:
  FakeTime(int64_t wall_unix, int64_t monotonic_ms, std::string boot = "boot-a")
      : m_now{wall_unix, monotonic_ms}, m_boot(std::move(boot)) {}
  [[nodiscard]] TimePoint now() override { return m_now; }
  [[nodiscard]] std::string boot_id() override { return m_boot; }
  void advance(int64_t seconds) {
    m_now.wall_unix += seconds;
    m_now.monotonic_ms += seconds * 1000;
  }
  void set_wall(int64_t wall_unix) { m_now.wall_unix = wall_unix; }
  void reboot(std::string boot, int64_t monotonic_ms) {
    m_boot = std::move(boot);
    m_now.monotonic_ms = monotonic_ms;
  }

 private:
  TimePoint m_now;
  std::string m_boot;
};

class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

}  // namespace pk::sla::test
