#pragma once
// Where the ledger reads time: the wall clock (Unix seconds, may be wrong or jump), a monotonic
// clock (milliseconds, never jumps, restarts at boot) and the id of the current boot, which
// says when two monotonic readings may be compared. Tests substitute a scripted source.
#include <cstdint>
#include <string>

namespace pk::sla {

struct TimePoint {
  int64_t wall_unix = 0;
  int64_t monotonic_ms = 0;
};

class TimeSource {
 public:
  virtual ~TimeSource() = default;
  [[nodiscard]] virtual TimePoint now() = 0;
  [[nodiscard]] virtual std::string boot_id() = 0;
};

// CLOCK_REALTIME; CLOCK_BOOTTIME (it keeps counting while the machine is suspended, so a
// suspended kiosk's outage keeps its length); /proc/sys/kernel/random/boot_id, or a random id
// made once per process where that file is missing.
class SystemTimeSource final : public TimeSource {
 public:
  [[nodiscard]] TimePoint now() override;
  [[nodiscard]] std::string boot_id() override;
};

}  // namespace pk::sla
