#pragma once
// The agreement's arithmetic, in one place, so the terminal (technician screen, diagnostics)
// and the centre (summary, staff console, CSV) can never disagree (product brief, "How the
// agreement's hours are counted"):
//  - an outage hour is a real hour: outage and unknown hours are never scaled;
//  - the denominator is the agreement's: 720 h for any month (whatever its real length, 29, 30
//    or 31 days) and 8,640 h for the year; availability = 1 - outage hours / denominator,
//    floored at 0 (a 31-day month can hold more than 720 outage hours);
//  - time nobody can account for (terminal off, not yet installed, clock suspect) is unknown:
//    reported beside the figure, and a period with any of it is incomplete, never "met".
#include <cstdint>
#include <optional>

namespace pk::sla {

inline constexpr double kSecondsPerHour = 3600.0;

// Real seconds as real hours: the only conversion outage and unknown time ever get.
[[nodiscard]] constexpr double real_hours(int64_t seconds) {
  return static_cast<double>(seconds) / kSecondsPerHour;
}

// 1 - outage_hours / agreement_hours, within 0..1. `agreement_hours` is 720 per month and 8,640
// per year (times the number of terminals when the centre adds several up); a non-positive
// denominator (nothing to measure) gives nullopt.
[[nodiscard]] std::optional<double> availability_over(double outage_hours, double agreement_hours);

// Where a period stands. Only Complete may be compared with a target and called met. The order
// matters: from least settled to most (combined() takes the lesser).
enum class PeriodState {
  NotStarted,  // no part of the period has begun
  SoFar,       // running: the figures are the period so far
  Incomplete,  // over, but some of it is unknown (or rests on a suspect clock)
  Complete,    // over, every hour accounted for, on a sound clock
};

enum class ClockTrust { Sound, Suspect };

[[nodiscard]] PeriodState period_state(int64_t elapsed_seconds, int64_t period_seconds,
                                       int64_t unknown_seconds, ClockTrust clock);
// The state of several terminals' same period taken together: complete only if every one is.
[[nodiscard]] PeriodState combined(PeriodState a, PeriodState b);

// Against a target availability (0..1). A period already below the target has missed it even
// when unknown hours remain (they could only add outage hours); it is met only when Complete.
enum class TargetVerdict { Met, Missed, Undecided };
[[nodiscard]] TargetVerdict against_target(PeriodState state, std::optional<double> availability,
                                           double target);

[[nodiscard]] const char* to_string(PeriodState state);

}  // namespace pk::sla
