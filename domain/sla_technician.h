#pragma once
// Everything the technician's ledger screen shows, in one call, as plain structs: the screen
// draws these and computes nothing itself.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/jalali.h"
#include "domain/sla_figures.h"

namespace pk::sla {

struct TechnicianOptions {
  int64_t recent_seconds = 30 * 86400;  // "recent" failure reports: the last 30 days
  ClockPolicy clock;
};

struct OpenOutageView {
  int64_t id = 0;
  OutageCause cause = OutageCause::CentreUnreachable;
  ServiceScope services = ServiceScope::all();
  int64_t start_unix = 0;
  int64_t seconds_so_far = 0;  // monotonic when measured, wall clock otherwise
};

struct TechnicianServiceRow {
  int service = 0;
  PeriodFigures month;      // the current agreement month, so far
  ServiceYearFigures year;  // the current solar year: totals and its twelve months (the chart)
  int recent_failure_reports = 0;
};

struct TechnicianData {
  int64_t as_of_unix = 0;
  jalali::JalaliDate today;  // Iran time; its year and month are the ones shown
  std::vector<TechnicianServiceRow> services;
  // The chart's "all services" line: per month, the mean of the services' agreement
  // availability (announced outages excused); empty for months not started or not known.
  std::array<std::optional<double>, kAgreementMonths> overall_by_month{};
  // Per month, the weakest state of the services' (sla_agreement.h): only a Complete month may
  // be drawn as having met a target.
  std::array<PeriodState, kAgreementMonths> state_by_month{};
  std::vector<OpenOutageView> open_outages;  // oldest first
  int recent_unattributed_failure_reports = 0;
  ClockFlags month_clock;
  ClockFlags year_clock;
  std::optional<int64_t> last_centre_offset_seconds;  // centre minus terminal at the last sync
  int crash_closed_outages_this_year = 0;             // closed at a last heartbeat: bounded, not observed
};

[[nodiscard]] TechnicianData technician_data(const LedgerSnapshot& snapshot, std::span<const int> services,
                                             const TechnicianOptions& options = {});

}  // namespace pk::sla
