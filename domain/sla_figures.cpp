#include "domain/sla_figures.h"

#include <algorithm>

#include "domain/sla_planned.h"

namespace pk::sla {
namespace {

// What does not depend on the service: computed once per snapshot.
struct Prepared {
  std::vector<Interval> outage_places;  // effective_interval of each outage, clipped to as_of
  IntervalSet runs;
  // Clock flags depend on the period only, not on the service.
  std::array<ClockFlags, kAgreementMonths> month_clock{};
  ClockFlags year_clock;
};

Prepared prepare(const LedgerSnapshot& snapshot, int year, const ClockPolicy& policy) {
  Prepared prepared;
  for (int m = 1; m <= kAgreementMonths; ++m) {
    const MonthSpan month = month_span(year, m);
    const Interval period{month.span.start, std::min(month.span.end, snapshot.as_of_unix)};
    if (!period.empty())
      prepared.month_clock[static_cast<size_t>(m - 1)] = clock_flags(snapshot, period, policy);
  }
  prepared.year_clock = clock_flags(snapshot, year_span(year), policy);
  const Interval until_now{INT64_MIN, snapshot.as_of_unix};
  prepared.outage_places.reserve(snapshot.outages.size());
  for (const Outage& outage : snapshot.outages) {
    prepared.outage_places.push_back(intersect(effective_interval(outage, snapshot.as_of_unix), until_now));
  }
  std::vector<Interval> runs;
  runs.reserve(snapshot.runs.size());
  for (const Run& run : snapshot.runs) runs.push_back(intersect(run.interval(), until_now));
  prepared.runs = IntervalSet::from(std::move(runs));
  return prepared;
}

struct ServiceSets {
  IntervalSet down;
  IntervalSet planned;
  IntervalSet known;
  std::vector<Interval> outage_places;  // of the outages that hit the service (not united)
};

ServiceSets service_sets(const LedgerSnapshot& snapshot, const Prepared& prepared, int service) {
  ServiceSets sets;
  std::vector<Interval> planned;
  for (size_t i = 0; i < snapshot.outages.size(); ++i) {
    const Outage& outage = snapshot.outages[i];
    if (!outage.services.covers(service)) continue;
    const Interval where = prepared.outage_places[i];
    sets.outage_places.push_back(where);
    if (where.empty()) continue;
    const IntervalSet announced = planned_part(outage, where, service, snapshot.notices);
    planned.insert(planned.end(), announced.pieces().begin(), announced.pieces().end());
  }
  sets.down = IntervalSet::from(sets.outage_places);
  sets.planned = IntervalSet::from(std::move(planned));
  sets.known = prepared.runs.unite(sets.down);
  return sets;
}

// Availability over the agreement's hours, from the real hours (sla_agreement.h).
void fill_ratios(PeriodFigures& f) {
  const double down = f.planned_hours + f.unplanned_hours;
  f.availability_lower_bound = availability_over(down + f.unknown_hours, f.agreement_hours);
  if (f.unknown_seconds >= f.period_seconds) return;  // nothing known: no figure to claim
  f.availability = availability_over(down, f.agreement_hours);
  f.agreement_availability = availability_over(f.unplanned_hours, f.agreement_hours);
}

void fill_hours(PeriodFigures& f) {
  f.unknown_hours = real_hours(f.unknown_seconds);
  f.planned_hours = real_hours(f.planned_seconds);
  f.unplanned_hours = real_hours(f.unplanned_seconds);
}

ClockTrust trust(const ClockFlags& clock) {
  return clock.suspect() ? ClockTrust::Suspect : ClockTrust::Sound;
}

int count_outages(const std::vector<Interval>& places, Interval period) {
  int count = 0;
  for (const Interval& where : places) {
    // An outage of zero length (closed at a heartbeat taken when it began) still happened.
    if (where.start < period.end &&
        (where.end > period.start || (where.empty() && where.start >= period.start))) {
      ++count;
    }
  }
  return count;
}

int count_reports(const LedgerSnapshot& snapshot, std::optional<int> service, Interval period) {
  int count = 0;
  for (const FailureReport& report : snapshot.failure_reports) {
    if (report.service == service && report.at_unix >= period.start && report.at_unix < period.end) ++count;
  }
  return count;
}

PeriodFigures month_figures(const LedgerSnapshot& snapshot, const ServiceSets& sets, int service,
                            const MonthSpan& month, const ClockFlags& clock) {
  PeriodFigures f;
  const Interval period{month.span.start, std::min(month.span.end, snapshot.as_of_unix)};
  if (period.empty()) return f;
  f.period_seconds = period.length();
  f.unknown_seconds = f.period_seconds - sets.known.measure_within(period);
  f.planned_seconds = sets.planned.measure_within(period);
  f.unplanned_seconds = sets.down.measure_within(period) - f.planned_seconds;
  f.agreement_hours = kAgreementHoursPerMonth;
  fill_hours(f);
  fill_ratios(f);
  f.state = period_state(f.period_seconds, month.span.length(), f.unknown_seconds, trust(clock));
  f.outages = count_outages(sets.outage_places, period);
  f.failure_reports = count_reports(snapshot, service, period);
  f.clock = clock;
  return f;
}

ServiceYearFigures figures_for(const LedgerSnapshot& snapshot, const Prepared& prepared, int service,
                               int year) {
  const ServiceSets sets = service_sets(snapshot, prepared, service);
  ServiceYearFigures result;
  result.service = service;
  result.year = year;
  PeriodFigures& total = result.year_total;
  for (int m = 1; m <= kAgreementMonths; ++m) {
    const PeriodFigures month = month_figures(snapshot, sets, service, month_span(year, m),
                                              prepared.month_clock[static_cast<size_t>(m - 1)]);
    result.months[static_cast<size_t>(m - 1)] = MonthFigures{m, month};
    total.period_seconds += month.period_seconds;
    total.unknown_seconds += month.unknown_seconds;
    total.planned_seconds += month.planned_seconds;
    total.unplanned_seconds += month.unplanned_seconds;
    total.failure_reports += month.failure_reports;
  }
  const Interval whole = year_span(year);
  const Interval so_far{whole.start, std::min(whole.end, snapshot.as_of_unix)};
  if (!so_far.empty()) total.agreement_hours = kAgreementHoursPerYear;
  fill_hours(total);
  fill_ratios(total);
  total.outages = so_far.empty() ? 0 : count_outages(sets.outage_places, so_far);
  total.clock = prepared.year_clock;
  total.state = period_state(total.period_seconds, whole.length(), total.unknown_seconds, trust(total.clock));
  return result;
}

}  // namespace

ServiceYearFigures service_year_figures(const LedgerSnapshot& snapshot, int service, int year,
                                        const ClockPolicy& policy) {
  return figures_for(snapshot, prepare(snapshot, year, policy), service, year);
}

std::vector<ServiceYearFigures> year_figures(const LedgerSnapshot& snapshot, std::span<const int> services,
                                             int year, const ClockPolicy& policy) {
  const Prepared prepared = prepare(snapshot, year, policy);
  std::vector<ServiceYearFigures> result;
  result.reserve(services.size());
  for (int service : services) result.push_back(figures_for(snapshot, prepared, service, year));
  return result;
}

int unattributed_failure_reports(const LedgerSnapshot& snapshot, Interval period) {
  return count_reports(snapshot, std::nullopt, period);
}

}  // namespace pk::sla
