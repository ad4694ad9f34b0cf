#pragma once
// The centre's service-level summary across terminals: each terminal's figures are computed by
// the domain library (domain/sla_figures.h) from what that terminal sent, then added up. Outage
// and unknown hours are real hours summed over the terminals; the denominator is the
// agreement's 720 h a month (8,640 h a year) for every terminal that knows any of the period, so
// availability across terminals is sla::availability_over(outage hours, 720 x terminals),
// the same function the terminal uses. A period is complete only when every terminal's is.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "centre/centre_storage.h"
#include "domain/sla_agreement.h"
#include "domain/sla_clock.h"
#include "domain/sla_period.h"

namespace pk::centre {

struct SummaryFigures {
  int64_t known_seconds = 0;
  int64_t unknown_seconds = 0;
  int64_t planned_seconds = 0;
  int64_t unplanned_seconds = 0;
  double known_hours = 0;  // real hours, summed over terminals
  double unknown_hours = 0;
  double planned_hours = 0;
  double unplanned_hours = 0;
  double agreement_hours = 0;                           // 720 (8,640 for a year) per terminal counted
  std::optional<double> availability;                   // 1 - (planned + unplanned) / agreement_hours
  std::optional<double> agreement_availability;         // 1 - unplanned / agreement_hours
  sla::PeriodState state = sla::PeriodState::Complete;  // the weakest of the terminals'
  int outages = 0;
  int failure_reports = 0;
  int suspect_clock_terminals = 0;  // terminals whose figures for the period rest on a suspect clock
};

struct ServiceSummary {
  int service = 0;
  SummaryFigures year;
  std::vector<SummaryFigures> months;  // 12, month m at index m - 1
};

struct SlaSummary {
  int year = 0;
  int64_t as_of_unix = 0;
  int terminals = 0;
  std::vector<ServiceSummary> services;
  int unattributed_failure_reports = 0;  // in the year, naming no service
};

// `notices` are the centre's own (they decide, by the 72-hour rule, what was planned).
[[nodiscard]] SlaSummary summarise(std::span<const TerminalLedger> terminals,
                                   std::span<const sync::OutageNotice> notices, std::span<const int> services,
                                   int year, int64_t as_of_unix, const sla::ClockPolicy& policy = {});
[[nodiscard]] std::string to_json(const SlaSummary& summary);

}  // namespace pk::centre
