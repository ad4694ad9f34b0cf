#include "centre/sla_summary.h"

#include <nlohmann/json.hpp>

#include "domain/sla_figures.h"

namespace pk::centre {
namespace {

void add(SummaryFigures& total, const sla::PeriodFigures& figures) {
  total.known_seconds += figures.period_seconds - figures.unknown_seconds;
  total.unknown_seconds += figures.unknown_seconds;
  total.planned_seconds += figures.planned_seconds;
  total.unplanned_seconds += figures.unplanned_seconds;
  // A terminal that knows nothing of the period (not yet installed, off throughout) adds no
  // denominator, only unknown hours, which keep the period incomplete.
  if (figures.availability) total.agreement_hours += figures.agreement_hours;
  total.state = sla::combined(total.state, figures.state);
  total.outages += figures.outages;
  total.failure_reports += figures.failure_reports;
  if (figures.clock.suspect()) ++total.suspect_clock_terminals;
}

void finish(SummaryFigures& total) {
  total.known_hours = sla::real_hours(total.known_seconds);
  total.unknown_hours = sla::real_hours(total.unknown_seconds);
  total.planned_hours = sla::real_hours(total.planned_seconds);
  total.unplanned_hours = sla::real_hours(total.unplanned_seconds);
  // No terminal knows anything of it: nothing to claim, so never complete.
  if (total.agreement_hours <= 0 && total.state == sla::PeriodState::Complete)
    total.state = sla::PeriodState::Incomplete;
  if (total.known_seconds <= 0) return;
  total.availability =
      sla::availability_over(total.planned_hours + total.unplanned_hours, total.agreement_hours);
  total.agreement_availability = sla::availability_over(total.unplanned_hours, total.agreement_hours);
}

nlohmann::json to_json(const SummaryFigures& figures) {
  const auto optional = [](const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
  };
  return {{"known_hours", figures.known_hours},
          {"unknown_hours", figures.unknown_hours},
          {"agreement_hours", figures.agreement_hours},
          {"state", sla::to_string(figures.state)},
          {"planned_hours", figures.planned_hours},
          {"unplanned_hours", figures.unplanned_hours},
          {"known_seconds", figures.known_seconds},
          {"unknown_seconds", figures.unknown_seconds},
          {"planned_seconds", figures.planned_seconds},
          {"unplanned_seconds", figures.unplanned_seconds},
          {"availability", optional(figures.availability)},
          {"agreement_availability", optional(figures.agreement_availability)},
          {"outages", figures.outages},
          {"failure_reports", figures.failure_reports},
          {"suspect_clock_terminals", figures.suspect_clock_terminals}};
}

}  // namespace

SlaSummary summarise(std::span<const TerminalLedger> terminals, std::span<const sync::OutageNotice> notices,
                     std::span<const int> services, int year, int64_t as_of_unix,
                     const sla::ClockPolicy& policy) {
  SlaSummary summary;
  summary.year = year;
  summary.as_of_unix = as_of_unix;
  summary.terminals = static_cast<int>(terminals.size());
  for (const int service : services) {
    ServiceSummary entry;
    entry.service = service;
    entry.months.resize(sla::kAgreementMonths);
    summary.services.push_back(std::move(entry));
  }
  const sla::Interval year_span = sla::year_span(year);
  for (const TerminalLedger& terminal : terminals) {
    sla::LedgerSnapshot snapshot = terminal.snapshot;
    snapshot.as_of_unix = as_of_unix;
    snapshot.notices.assign(notices.begin(), notices.end());
    const auto figures = sla::year_figures(snapshot, services, year, policy);
    for (size_t i = 0; i < figures.size() && i < summary.services.size(); ++i) {
      add(summary.services[i].year, figures[i].year_total);
      for (size_t m = 0; m < figures[i].months.size(); ++m)
        add(summary.services[i].months[m], figures[i].months[m].figures);
    }
    summary.unattributed_failure_reports += sla::unattributed_failure_reports(snapshot, year_span);
  }
  for (ServiceSummary& service : summary.services) {
    finish(service.year);
    for (SummaryFigures& month : service.months) finish(month);
  }
  return summary;
}

std::string to_json(const SlaSummary& summary) {
  nlohmann::json services = nlohmann::json::array();
  for (const ServiceSummary& service : summary.services) {
    nlohmann::json months = nlohmann::json::array();
    for (size_t m = 0; m < service.months.size(); ++m) {
      nlohmann::json month = to_json(service.months[m]);
      month["month"] = static_cast<int>(m) + 1;
      months.push_back(std::move(month));
    }
    services.push_back(
        {{"service", service.service}, {"year", to_json(service.year)}, {"months", std::move(months)}});
  }
  return nlohmann::json{{"version", 1},
                        {"year", summary.year},
                        {"as_of_unix", summary.as_of_unix},
                        {"terminals", summary.terminals},
                        {"unattributed_failure_reports", summary.unattributed_failure_reports},
                        {"services", std::move(services)}}
      .dump();
}

}  // namespace pk::centre
