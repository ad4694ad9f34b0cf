#pragma once
// Clock integrity. A kiosk's wall clock can be wrong (no RTC battery, a technician setting it
// by hand, NTP stepping it) and the figures rest on it: outages and runs are anchored at the
// wall clock of their start and measured on the monotonic clock from there. These flags tell a
// reader when that anchor is suspect. The figures are never silently "corrected": an auditor
// sees the recorded values and the flags.
#include <cstdint>

#include "domain/sla_intervals.h"
#include "domain/sla_model.h"

namespace pk::sla {

struct ClockPolicy {
  // |centre - terminal| above this at a sync makes the period's figures suspect.
  int64_t max_skew_seconds = 120;
  // A wall-clock move against the monotonic clock larger than this is a jump.
  int64_t jump_tolerance_seconds = 5;
};

struct ClockFlags {
  bool wall_clock_jumped = false;      // forwards or backwards, inside the period
  bool went_backwards = false;         // one of those jumps was backwards
  bool skew_beyond_threshold = false;  // a sync in (or the last before) the period was off
  bool never_synced = false;           // no centre time recorded by the end of the period
  int64_t largest_skew_seconds = 0;    // signed, the largest in magnitude
  int64_t largest_jump_seconds = 0;    // signed, the largest in magnitude
  [[nodiscard]] bool suspect() const { return wall_clock_jumped || skew_beyond_threshold || never_synced; }
};

// Looks at the snapshot's clock events in `period` (and the last sync before it), and at runs
// and closed outages whose wall-clock end disagrees with their monotonic length.
[[nodiscard]] ClockFlags clock_flags(const LedgerSnapshot& snapshot, Interval period,
                                     const ClockPolicy& policy);

}  // namespace pk::sla
