#pragma once
// Ledger rows the centre has not acknowledged yet, as the sync client sends them (plain values,
// shared with the wire format). Each row keeps the terminal's own id: with the terminal's id it
// is the row's stable name at the centre, so sending it again never makes a second copy.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/sla_model.h"

namespace pk::sla {

struct OutageChange {
  Outage outage;  // outage.id: the terminal's id; an open one has no end and no duration
  std::string boot_id;
  int64_t started_monotonic_ms = 0;
  // The centre's clock and ours disagreed by more than ClockPolicy::max_skew_seconds at the last
  // sync before the outage's end (or now): its wall-clock times are suspect.
  bool clock_suspect = false;
  friend bool operator==(const OutageChange& a, const OutageChange& b) {
    const Outage& x = a.outage;
    const Outage& y = b.outage;
    return x.id == y.id && x.cause == y.cause && x.services == y.services && x.start_unix == y.start_unix &&
           x.end_unix == y.end_unix && x.monotonic_duration_ms == y.monotonic_duration_ms && x.end == y.end &&
           a.boot_id == b.boot_id && a.started_monotonic_ms == b.started_monotonic_ms &&
           a.clock_suspect == b.clock_suspect;
  }
};

struct RunChange {
  int64_t id = 0;
  Run run;
  friend bool operator==(const RunChange& a, const RunChange& b) {
    return a.id == b.id && a.run.boot_id == b.run.boot_id && a.run.start_unix == b.run.start_unix &&
           a.run.monotonic_duration_ms == b.run.monotonic_duration_ms &&
           a.run.last_wall_unix == b.run.last_wall_unix;
  }
};

struct ClockEventChange {
  int64_t id = 0;
  ClockEvent event;
  friend bool operator==(const ClockEventChange& a, const ClockEventChange& b) {
    return a.id == b.id && a.event.kind == b.event.kind && a.event.at_unix == b.event.at_unix &&
           a.event.offset_seconds == b.event.offset_seconds;
  }
};

struct LedgerChanges {
  std::vector<OutageChange> outages;
  std::vector<RunChange> runs;
  std::vector<ClockEventChange> clock_events;
  [[nodiscard]] bool empty() const { return outages.empty() && runs.empty() && clock_events.empty(); }
  [[nodiscard]] size_t size() const { return outages.size() + runs.size() + clock_events.size(); }
  friend bool operator==(const LedgerChanges&, const LedgerChanges&) = default;
};

}  // namespace pk::sla
