#include "domain/sla_clock.h"

#include <cstdlib>
#include <optional>

namespace pk::sla {
namespace {

void note_jump(ClockFlags& flags, int64_t jump, const ClockPolicy& policy) {
  if (std::llabs(jump) <= policy.jump_tolerance_seconds) return;
  flags.wall_clock_jumped = true;
  if (jump < 0) flags.went_backwards = true;
  if (std::llabs(jump) > std::llabs(flags.largest_jump_seconds)) flags.largest_jump_seconds = jump;
}

void note_skew(ClockFlags& flags, int64_t skew, const ClockPolicy& policy) {
  if (std::llabs(skew) > policy.max_skew_seconds) flags.skew_beyond_threshold = true;
  if (std::llabs(skew) > std::llabs(flags.largest_skew_seconds)) flags.largest_skew_seconds = skew;
}

bool inside(int64_t at, Interval period) { return at >= period.start && at < period.end; }

}  // namespace

ClockFlags clock_flags(const LedgerSnapshot& snapshot, Interval period, const ClockPolicy& policy) {
  ClockFlags flags;
  // The sync before the period describes the clock at its start.
  std::optional<ClockEvent> last_before;
  bool synced_by_end = false;
  for (const ClockEvent& event : snapshot.clock_events) {
    if (event.kind == ClockEventKind::WallJump) {
      if (inside(event.at_unix, period)) note_jump(flags, event.offset_seconds, policy);
      continue;
    }
    if (event.at_unix < period.end) synced_by_end = true;
    if (inside(event.at_unix, period)) {
      note_skew(flags, event.offset_seconds, policy);
    } else if (event.at_unix < period.start && (!last_before || event.at_unix >= last_before->at_unix)) {
      last_before = event;
    }
  }
  if (last_before) note_skew(flags, last_before->offset_seconds, policy);
  flags.never_synced = !synced_by_end;

  // Defence in depth: the ledger records jumps as it sees them, but a run or an outage whose
  // wall-clock end disagrees with its monotonic length shows one too.
  for (const Run& run : snapshot.runs) {
    const Interval where = run.interval();
    if (where.end > period.start && where.start < period.end)
      note_jump(flags, run.last_wall_unix - where.end, policy);
  }
  for (const Outage& outage : snapshot.outages) {
    if (!outage.end_unix || !outage.monotonic_duration_ms) continue;
    const int64_t end = outage.start_unix + *outage.monotonic_duration_ms / 1000;
    if (end > period.start && outage.start_unix < period.end)
      note_jump(flags, *outage.end_unix - end, policy);
  }
  return flags;
}

}  // namespace pk::sla
