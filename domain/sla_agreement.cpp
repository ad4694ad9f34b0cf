#include "domain/sla_agreement.h"

#include <algorithm>

namespace pk::sla {

std::optional<double> availability_over(double outage_hours, double agreement_hours) {
  if (agreement_hours <= 0) return std::nullopt;
  return std::clamp(1.0 - outage_hours / agreement_hours, 0.0, 1.0);
}

PeriodState period_state(int64_t elapsed_seconds, int64_t period_seconds, int64_t unknown_seconds,
                         ClockTrust clock) {
  if (elapsed_seconds <= 0) return PeriodState::NotStarted;
  if (elapsed_seconds < period_seconds) return PeriodState::SoFar;
  if (unknown_seconds > 0 || clock == ClockTrust::Suspect) return PeriodState::Incomplete;
  return PeriodState::Complete;
}

PeriodState combined(PeriodState a, PeriodState b) {
  // The enum runs from "least settled" to "most": the pair is as settled as its weaker part.
  return std::min(a, b);
}

TargetVerdict against_target(PeriodState state, std::optional<double> availability, double target) {
  if (!availability) return TargetVerdict::Undecided;
  if (*availability < target) return TargetVerdict::Missed;
  return state == PeriodState::Complete ? TargetVerdict::Met : TargetVerdict::Undecided;
}

const char* to_string(PeriodState state) {
  switch (state) {
    case PeriodState::NotStarted:
      return "not_started";
    case PeriodState::SoFar:
      return "so_far";
    case PeriodState::Incomplete:
      return "incomplete";
    case PeriodState::Complete:
      return "complete";
  }
  return "incomplete";
}

}  // namespace pk::sla
