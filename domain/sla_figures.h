#pragma once
// The service-level figures, per catalog service, per agreement month and per solar year,
// as pure functions of a LedgerSnapshot (no I/O, no clock: "now" is snapshot.as_of_unix).
//
// How time is classified, for one service (callers may rely on these):
//  - down:      covered by at least one outage that hit the service. Overlapping outages are
//               united first, so no second is ever counted twice.
//  - planned:   the part of "down" that the 72-hour rule makes planned (sla_planned.h); where
//               a planned and an unplanned outage overlap, planned. unplanned = down - planned.
//  - known:     the terminal was running and beating (a Run), or an outage was recorded.
//  - unknown:   the rest of the period: the terminal was off, frozen, or not yet installed.
//               Unknown time is neither "up" nor "down": it is reported on its own beside the
//               figures, it makes a period Incomplete (never "met"), and
//               `availability_lower_bound` counts it as down, so a reader sees both ends.
//               An outage open when the terminal crashed is closed at its
//               last heartbeat (sla/), and the time after that is unknown: the error is bounded
//               by one heartbeat interval and shown, never hidden in "up".
//  - the period ends at as_of_unix: the current month is "so far", future months are empty.
//    An open outage lasts until as_of_unix.
// Hours and availability: see sla_agreement.h. Every *_hours field is real hours (seconds /
// 3600, never scaled); availability divides them by the agreement's 720 h month or 8,640 h year.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/sla_agreement.h"
#include "domain/sla_clock.h"
#include "domain/sla_model.h"
#include "domain/sla_period.h"

namespace pk::sla {

struct PeriodFigures {
  // Real seconds, as they happened; period_seconds is the part of the period begun by as_of.
  int64_t period_seconds = 0;
  int64_t unknown_seconds = 0;
  int64_t planned_seconds = 0;
  int64_t unplanned_seconds = 0;
  // The same in real hours (an outage hour is an hour).
  double unknown_hours = 0;
  double planned_hours = 0;
  double unplanned_hours = 0;
  // The denominator: 720 for a month, 8,640 for the year (0 for a period not begun).
  double agreement_hours = 0;
  // Empty when nothing of the period is known. All floored at 0.
  std::optional<double> availability;              // 1 - (planned + unplanned) / agreement_hours
  std::optional<double> agreement_availability;    // 1 - unplanned / agreement_hours: announced excused
  std::optional<double> availability_lower_bound;  // 1 - (down + unknown) / agreement_hours
  PeriodState state = PeriodState::NotStarted;     // Incomplete when any hour is unknown
  int outages = 0;                                 // outages that hit the service and overlap the period
  int failure_reports = 0;  // citizens' failure reports about the service in the period
  ClockFlags clock;
};

struct MonthFigures {
  int month = 0;  // 1..12
  PeriodFigures figures;
};

struct ServiceYearFigures {
  int service = 0;
  int year = 0;
  PeriodFigures year_total;  // hours are sums of the twelve months; availability over 8,640 h
  std::array<MonthFigures, kAgreementMonths> months{};
};

[[nodiscard]] ServiceYearFigures service_year_figures(const LedgerSnapshot& snapshot, int service, int year,
                                                      const ClockPolicy& policy = {});
// The same for several services, sharing the work that does not depend on the service.
[[nodiscard]] std::vector<ServiceYearFigures> year_figures(const LedgerSnapshot& snapshot,
                                                           std::span<const int> services, int year,
                                                           const ClockPolicy& policy = {});
// Failure reports in the period that name no service.
[[nodiscard]] int unattributed_failure_reports(const LedgerSnapshot& snapshot, Interval period);

}  // namespace pk::sla
