// The figures on hand-worked cases: month and year boundaries, overlaps, a terminal that was
// off, open outages and clock changes.
#include <gtest/gtest.h>

#include "domain/sla_figures.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

// Runs covering 1403/12/01 .. 1405/01/01, so nothing is unknown unless a test says so, and a
// sync with the centre at the start, so the clock is sound.
LedgerSnapshot always_on(int64_t as_of) {
  LedgerSnapshot s;
  s.as_of_unix = as_of;
  s.runs.push_back(run_over(at(1403, 12, 1), at(1405, 1, 1)));
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1403, 12, 1), 0});
  return s;
}

// Until issue 19 these tests expected each month's hours scaled to 720 (a Farvardin hour as
// 30/31 h, an Esfand hour as 30/29 h). That under-reported outages against the citizen: an
// outage hour is a real hour, and only the denominator is the agreement's 720 h (8,640 h).
TEST(SlaFigures, OutageAcrossAMonthBoundaryIsSplitInRealHours) {
  // 1404/01/31 22:00 → 1404/02/01 04:00: 2 h in Farvardin (31 d), 4 h in Ordibehesht (31 d).
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 31, 22), at(1404, 2, 1, 4)));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[0].figures.unplanned_seconds, 2 * kHour);
  EXPECT_EQ(y.months[1].figures.unplanned_seconds, 4 * kHour);
  EXPECT_DOUBLE_EQ(y.months[0].figures.unplanned_hours, 2.0);
  EXPECT_DOUBLE_EQ(y.months[1].figures.unplanned_hours, 4.0);
  EXPECT_DOUBLE_EQ(y.months[0].figures.agreement_hours, 720.0);
  EXPECT_EQ(y.months[0].figures.outages, 1);
  EXPECT_EQ(y.months[1].figures.outages, 1);
  EXPECT_EQ(y.year_total.outages, 1);  // one outage, though it touches two months
  EXPECT_EQ(y.year_total.unplanned_seconds, 6 * kHour);
  EXPECT_DOUBLE_EQ(y.year_total.unplanned_hours, 6.0);
  EXPECT_DOUBLE_EQ(y.year_total.agreement_hours, 8640.0);
}

TEST(SlaFigures, OutageAcrossNowruzBelongsPartlyToEachYear) {
  // 1403/12/30 20:00 (1403 is leap: Esfand has 30 days) → 1404/01/01 02:00.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1403, 12, 30, 20), at(1404, 1, 1, 2)));
  const ServiceYearFigures y1403 = service_year_figures(s, 3, 1403);
  const ServiceYearFigures y1404 = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y1403.months[11].figures.unplanned_seconds, 4 * kHour);
  EXPECT_DOUBLE_EQ(y1403.months[11].figures.unplanned_hours, 4.0);
  EXPECT_EQ(y1404.months[0].figures.unplanned_seconds, 2 * kHour);
  EXPECT_DOUBLE_EQ(y1404.months[0].figures.unplanned_hours, 2.0);
  EXPECT_EQ(y1403.year_total.outages, 1);
  EXPECT_EQ(y1404.year_total.outages, 1);
}

TEST(SlaFigures, TenHoursInFarvardinAreTenOutageHoursOver720) {
  // The case: the centre used to report 9.68 h (10 x 30/31).
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 10, 8), at(1404, 1, 10, 18)));
  const PeriodFigures farvardin = service_year_figures(s, 3, 1404).months[0].figures;
  EXPECT_DOUBLE_EQ(farvardin.unplanned_hours, 10.0);
  EXPECT_DOUBLE_EQ(farvardin.agreement_hours, 720.0);
  EXPECT_DOUBLE_EQ(*farvardin.availability, 1.0 - 10.0 / 720.0);
  EXPECT_DOUBLE_EQ(*farvardin.agreement_availability, 1.0 - 10.0 / 720.0);
  EXPECT_EQ(farvardin.state, PeriodState::Complete);
  EXPECT_EQ(against_target(farvardin.state, farvardin.agreement_availability, 0.98), TargetVerdict::Met);
  EXPECT_EQ(against_target(farvardin.state, farvardin.agreement_availability, 0.99), TargetVerdict::Missed);
}

TEST(SlaFigures, EsfandOf29And30DaysAndA31DayMonthAllDivideBy720) {
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1403, 12, 30, 10), at(1403, 12, 30, 13)));  // leap 1403: 30-day Esfand
  s.outages.push_back(outage(at(1404, 12, 29, 10), at(1404, 12, 29, 13)));  // 1404: 29-day Esfand
  s.outages.push_back(outage(at(1404, 6, 31, 10), at(1404, 6, 31, 13)));    // Shahrivar: 31 days
  for (const PeriodFigures& f : {service_year_figures(s, 3, 1403).months[11].figures,
                                 service_year_figures(s, 3, 1404).months[11].figures,
                                 service_year_figures(s, 3, 1404).months[5].figures}) {
    EXPECT_DOUBLE_EQ(f.unplanned_hours, 3.0);
    EXPECT_DOUBLE_EQ(f.agreement_hours, 720.0);
    EXPECT_DOUBLE_EQ(*f.availability, 1.0 - 3.0 / 720.0);
  }
  EXPECT_EQ(service_year_figures(s, 3, 1404).months[11].figures.period_seconds, 29 * kDay);
}

TEST(SlaFigures, YearAvailabilityIsRealOutageHoursOver8640) {
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 10), at(1404, 1, 10) + 31 * kHour));
  s.outages.push_back(outage(at(1404, 9, 3), at(1404, 9, 3) + 5 * kHour));
  const PeriodFigures year = service_year_figures(s, 3, 1404).year_total;
  EXPECT_DOUBLE_EQ(year.unplanned_hours, 36.0);
  EXPECT_DOUBLE_EQ(year.agreement_hours, 8640.0);
  EXPECT_DOUBLE_EQ(*year.availability, 1.0 - 36.0 / 8640.0);
  EXPECT_DOUBLE_EQ(*year.agreement_availability, 1.0 - 36.0 / 8640.0);
  EXPECT_EQ(year.state, PeriodState::Complete);
}

TEST(SlaFigures, AvailabilityIsFlooredAtZero) {
  // Farvardin (31 d = 744 h) down from start to end: more outage hours than the month's 720.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 1), at(1404, 2, 1)));
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[0].figures;
  EXPECT_DOUBLE_EQ(f.unplanned_hours, 744.0);
  EXPECT_EQ(*f.availability, 0.0);
  EXPECT_EQ(*f.agreement_availability, 0.0);
  EXPECT_EQ(*f.availability_lower_bound, 0.0);
}

TEST(SlaFigures, AMonthWithUnknownHoursIsIncompleteAndNeverMet) {
  // Mehr 1404, all up but for 2 h when the terminal was off: 100 % of what is known.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.runs.clear();
  s.runs.push_back(run_over(at(1403, 12, 1), at(1404, 7, 10, 8)));
  s.runs.push_back(run_over(at(1404, 7, 10, 10), at(1405, 1, 1), "boot-b"));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  const PeriodFigures& mehr = y.months[6].figures;
  EXPECT_DOUBLE_EQ(mehr.unknown_hours, 2.0);
  EXPECT_DOUBLE_EQ(*mehr.availability, 1.0);
  EXPECT_DOUBLE_EQ(*mehr.availability_lower_bound, 1.0 - 2.0 / 720.0);
  EXPECT_EQ(mehr.state, PeriodState::Incomplete);
  EXPECT_EQ(against_target(mehr.state, mehr.agreement_availability, 0.99), TargetVerdict::Undecided);
  EXPECT_EQ(y.months[5].figures.state, PeriodState::Complete);
  EXPECT_EQ(y.year_total.state, PeriodState::Incomplete);
  EXPECT_DOUBLE_EQ(y.year_total.unknown_hours, 2.0);
}

TEST(SlaFigures, TheCurrentMonthIsSoFarAndNeverMet) {
  LedgerSnapshot s = always_on(at(1404, 7, 11));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[6].figures.state, PeriodState::SoFar);
  EXPECT_EQ(y.months[7].figures.state, PeriodState::NotStarted);
  EXPECT_EQ(y.year_total.state, PeriodState::SoFar);
  EXPECT_EQ(against_target(y.months[6].figures.state, y.months[6].figures.availability, 0.99),
            TargetVerdict::Undecided);
}

TEST(SlaFigures, OverlappingOutagesAreNeverCountedTwicePerService) {
  // A: 10:00-14:00 all services; B: 12:00-16:00 service 3 only.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 7, 5, 10), at(1404, 7, 5, 14)));
  s.outages.push_back(
      outage(at(1404, 7, 5, 12), at(1404, 7, 5, 16), ServiceScope::only({3}), OutageCause::PrinterDown));
  s.outages.push_back(outage(at(1404, 7, 5, 11), at(1404, 7, 5, 13)));  // inside A
  const auto figures = year_figures(s, std::vector<int>{3, 5}, 1404);
  EXPECT_EQ(figures[0].months[6].figures.unplanned_seconds, 6 * kHour);
  EXPECT_EQ(figures[0].months[6].figures.outages, 3);
  EXPECT_EQ(figures[1].months[6].figures.unplanned_seconds, 4 * kHour);
  EXPECT_EQ(figures[1].months[6].figures.outages, 2);
}

TEST(SlaFigures, TimeTheTerminalWasOffIsUnknownNotUp) {
  // Mehr 1404 (30 d = 720 h): the terminal ran for the first 20 days only, with a 24 h outage.
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 8, 1);
  s.runs.push_back(run_over(at(1404, 7, 1), at(1404, 7, 21)));
  s.outages.push_back(outage(at(1404, 7, 3), at(1404, 7, 4)));
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unknown_seconds, 10 * kDay);
  EXPECT_DOUBLE_EQ(f.unknown_hours, 240.0);
  EXPECT_DOUBLE_EQ(*f.availability, 1.0 - 24.0 / 720.0);                        // over the agreement's month
  EXPECT_DOUBLE_EQ(*f.availability_lower_bound, 1.0 - (24.0 + 240.0) / 720.0);  // unknown counted down
  EXPECT_EQ(f.state, PeriodState::Incomplete);
}

TEST(SlaFigures, HeartbeatGapBetweenRunsIsUnknown) {
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 8, 1);
  s.runs.push_back(run_over(at(1404, 7, 1), at(1404, 7, 10, 12)));
  s.runs.push_back(run_over(at(1404, 7, 10, 15), at(1404, 8, 1), "boot-b"));  // 3 h off
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unknown_seconds, 3 * kHour);
  EXPECT_DOUBLE_EQ(*f.availability, 1.0);
  EXPECT_DOUBLE_EQ(*f.availability_lower_bound, 717.0 / 720.0);
  EXPECT_EQ(f.state, PeriodState::Incomplete);
}

TEST(SlaFigures, NothingKnownGivesNoAvailabilityAtAll) {
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 8, 1);
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unknown_seconds, 30 * kDay);
  EXPECT_FALSE(f.availability.has_value());
  EXPECT_DOUBLE_EQ(*f.availability_lower_bound, 0.0);
  EXPECT_EQ(f.state, PeriodState::Incomplete);
}

TEST(SlaFigures, CurrentMonthCountsSoFarAndFutureMonthsAreEmpty) {
  // As of 1404/07/11 00:00: Mehr so far = 10 days, still over the agreement's 720 h.
  LedgerSnapshot s = always_on(at(1404, 7, 11));
  s.outages.push_back(outage(at(1404, 7, 5, 10), at(1404, 7, 5, 16)));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[6].figures.period_seconds, 10 * kDay);
  EXPECT_DOUBLE_EQ(*y.months[6].figures.availability, 1.0 - 6.0 / 720.0);
  EXPECT_EQ(y.months[7].figures.period_seconds, 0);
  EXPECT_FALSE(y.months[7].figures.availability.has_value());
  EXPECT_DOUBLE_EQ(*y.year_total.availability, 1.0 - 6.0 / 8640.0);
}

TEST(SlaFigures, OpenOutageLastsUntilTheSnapshot) {
  LedgerSnapshot s = always_on(at(1404, 7, 11, 15));
  Outage open;
  open.start_unix = at(1404, 7, 11, 10);
  open.end = OutageEnd::Open;
  s.outages.push_back(open);
  EXPECT_EQ(service_year_figures(s, 3, 1404).months[6].figures.unplanned_seconds, 5 * kHour);
}

TEST(SlaFigures, OpenOutageMeasuredOnTheMonotonicClockIgnoresAWallJump) {
  // The wall clock was set 2 h forward while it was open: the monotonic clock says 3 h.
  LedgerSnapshot s = always_on(at(1404, 7, 11, 15));
  Outage open;
  open.start_unix = at(1404, 7, 11, 10);
  open.monotonic_duration_ms = 3 * kHour * 1000;
  s.outages.push_back(open);
  EXPECT_EQ(service_year_figures(s, 3, 1404).months[6].figures.unplanned_seconds, 3 * kHour);
}

TEST(SlaFigures, WallClockSetBackDuringAnOutageUsesMonotonicLengthAndFlagsIt) {
  // Began 10:00; the clock was set back 2 h; it ended at a wall time of 09:00 after 1 real hour.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  Outage o = outage(at(1404, 7, 5, 10), at(1404, 7, 5, 11));
  o.end_unix = at(1404, 7, 5, 9);
  s.outages.push_back(o);
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unplanned_seconds, kHour);
  EXPECT_TRUE(f.clock.wall_clock_jumped);
  EXPECT_TRUE(f.clock.went_backwards);
  EXPECT_EQ(f.clock.largest_jump_seconds, -2 * kHour);
  EXPECT_TRUE(f.clock.suspect());
}

TEST(SlaFigures, FailureReportsCountedPerServiceAndMonth) {
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.failure_reports = {{3, at(1404, 7, 2)},
                       {3, at(1404, 7, 30, 23, 59)},
                       {3, at(1404, 8, 1)},
                       {5, at(1404, 7, 3)},
                       {std::nullopt, at(1404, 7, 4)}};
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[6].figures.failure_reports, 2);
  EXPECT_EQ(y.months[7].figures.failure_reports, 1);
  EXPECT_EQ(y.year_total.failure_reports, 3);
  EXPECT_EQ(unattributed_failure_reports(s, month_span(1404, 7).span), 1);
}

TEST(SlaFigures, OutageStartingAfterTheSnapshotIsIgnored) {
  // A wall clock that was ahead left a start "in the future"; it cannot count yet.
  LedgerSnapshot s = always_on(at(1404, 7, 10));
  s.outages.push_back(outage(at(1404, 7, 20), at(1404, 7, 21)));
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unplanned_seconds, 0);
  EXPECT_EQ(f.outages, 0);
}

}  // namespace
}  // namespace pk::sla
