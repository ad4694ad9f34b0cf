#include "domain/sla_technician.h"

#include <algorithm>

namespace pk::sla {

TechnicianData technician_data(const LedgerSnapshot& snapshot, std::span<const int> services,
                               const TechnicianOptions& options) {
  TechnicianData data;
  data.as_of_unix = snapshot.as_of_unix;
  data.today = jalali::from_unix(snapshot.as_of_unix);
  const int year = data.today.year;
  const size_t month_index = static_cast<size_t>(data.today.month - 1);
  const Interval recent{snapshot.as_of_unix - options.recent_seconds, snapshot.as_of_unix + 1};

  for (ServiceYearFigures& figures : year_figures(snapshot, services, year, options.clock)) {
    TechnicianServiceRow row;
    row.service = figures.service;
    row.month = figures.months[month_index].figures;
    for (const FailureReport& report : snapshot.failure_reports) {
      if (report.service == figures.service && report.at_unix >= recent.start &&
          report.at_unix < recent.end) {
        ++row.recent_failure_reports;
      }
    }
    row.year = std::move(figures);
    data.services.push_back(std::move(row));
  }
  for (size_t m = 0; m < data.overall_by_month.size(); ++m) {
    double sum = 0;
    int counted = 0;
    data.state_by_month[m] = data.services.empty() ? PeriodState::NotStarted : PeriodState::Complete;
    for (const TechnicianServiceRow& row : data.services) {
      data.state_by_month[m] = combined(data.state_by_month[m], row.year.months[m].figures.state);
      if (const auto& value = row.year.months[m].figures.agreement_availability) {
        sum += *value;
        ++counted;
      }
    }
    if (counted > 0) data.overall_by_month[m] = sum / counted;
  }

  const Interval this_year = year_span(year);
  for (const Outage& outage : snapshot.outages) {
    if (outage.end == OutageEnd::Open) {
      const Interval where = effective_interval(outage, snapshot.as_of_unix);
      data.open_outages.push_back(
          {outage.id, outage.cause, outage.services, outage.start_unix, where.length()});
    } else if (outage.end == OutageEnd::LastHeartbeat && outage.start_unix >= this_year.start &&
               outage.start_unix < this_year.end) {
      ++data.crash_closed_outages_this_year;
    }
  }
  std::sort(data.open_outages.begin(), data.open_outages.end(),
            [](const OpenOutageView& a, const OpenOutageView& b) { return a.start_unix < b.start_unix; });
  data.recent_unattributed_failure_reports = unattributed_failure_reports(snapshot, recent);
  data.month_clock = clock_flags(snapshot, month_span(year, data.today.month).span, options.clock);
  data.year_clock = clock_flags(snapshot, this_year, options.clock);
  const ClockEvent* last = nullptr;
  for (const ClockEvent& event : snapshot.clock_events) {
    if (event.kind == ClockEventKind::CentreSync && (!last || event.at_unix >= last->at_unix)) last = &event;
  }
  if (last) data.last_centre_offset_seconds = last->offset_seconds;
  return data;
}

}  // namespace pk::sla
