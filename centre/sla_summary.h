#pragma once
// The centre's service-level summary across terminals: each terminal's figures are computed by
// the domain library (domain/sla_figures.h) from what that terminal sent, then added up. The
// seconds of every terminal are summed, so availability across terminals is
// 1 - (planned + unplanned) / known, every terminal's known time weighing what it lasted.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "centre/centre_storage.h"
#include "domain/sla_clock.h"
#include "domain/sla_period.h"

namespace pk::centre {

struct SummaryFigures {
  int64_t known_seconds = 0;
  int64_t unknown_seconds = 0;
  int64_t planned_seconds = 0;
  int64_t unplanned_seconds = 0;
  double known_hours = 0;  // agreement hours (each month normalised to 720 h per terminal)
  double planned_hours = 0;
  double unplanned_hours = 0;
  std::optional<double> availability;            // 1 - (planned + unplanned) / known
  std::optional<double> agreement_availability;  // 1 - unplanned / known
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
