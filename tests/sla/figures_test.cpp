// The figures on hand-worked cases: month and year boundaries, overlaps, a terminal that was
// off, open outages and clock changes.
#include <gtest/gtest.h>

#include "domain/sla_figures.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

// Runs covering 1403/12/01 .. 1405/01/01, so nothing is unknown unless a test says so.
LedgerSnapshot always_on(int64_t as_of) {
  LedgerSnapshot s;
  s.as_of_unix = as_of;
  s.runs.push_back(run_over(at(1403, 12, 1), at(1405, 1, 1)));
  return s;
}

TEST(SlaFigures, OutageAcrossAMonthBoundaryIsSplitAndNormalisedPerMonth) {
  // 1404/01/31 22:00 → 1404/02/01 04:00: 2 h in Farvardin (31 d), 4 h in Ordibehesht (31 d).
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 31, 22), at(1404, 2, 1, 4)));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[0].figures.unplanned_seconds, 2 * kHour);
  EXPECT_EQ(y.months[1].figures.unplanned_seconds, 4 * kHour);
  EXPECT_DOUBLE_EQ(y.months[0].figures.unplanned_hours, 2.0 * 30 / 31);
  EXPECT_DOUBLE_EQ(y.months[1].figures.unplanned_hours, 4.0 * 30 / 31);
  EXPECT_DOUBLE_EQ(y.months[0].figures.period_hours, 720.0);
  EXPECT_EQ(y.months[0].figures.outages, 1);
  EXPECT_EQ(y.months[1].figures.outages, 1);
  EXPECT_EQ(y.year_total.outages, 1);  // one outage, though it touches two months
  EXPECT_EQ(y.year_total.unplanned_seconds, 6 * kHour);
  EXPECT_NEAR(y.year_total.unplanned_hours, 6.0 * 30 / 31, 1e-9);
  EXPECT_NEAR(y.year_total.period_hours, 8640.0, 1e-9);
}

TEST(SlaFigures, OutageAcrossNowruzBelongsPartlyToEachYear) {
  // 1403/12/30 20:00 (1403 is leap: Esfand has 30 days) → 1404/01/01 02:00.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1403, 12, 30, 20), at(1404, 1, 1, 2)));
  const ServiceYearFigures y1403 = service_year_figures(s, 3, 1403);
  const ServiceYearFigures y1404 = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y1403.months[11].figures.unplanned_seconds, 4 * kHour);
  EXPECT_DOUBLE_EQ(y1403.months[11].figures.unplanned_hours, 4.0);  // 30-day Esfand: 1:1
  EXPECT_EQ(y1404.months[0].figures.unplanned_seconds, 2 * kHour);
  EXPECT_DOUBLE_EQ(y1404.months[0].figures.unplanned_hours, 2.0 * 30 / 31);
  EXPECT_EQ(y1403.year_total.outages, 1);
  EXPECT_EQ(y1404.year_total.outages, 1);
}

TEST(SlaFigures, AnHourInA29DayEsfandWeighs30Over29) {
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 12, 29, 10), at(1404, 12, 29, 11)));
  const PeriodFigures esfand = service_year_figures(s, 3, 1404).months[11].figures;
  EXPECT_DOUBLE_EQ(esfand.unplanned_hours, 30.0 / 29.0);
  EXPECT_DOUBLE_EQ(esfand.period_hours, 720.0);
  EXPECT_DOUBLE_EQ(*esfand.availability, 1.0 - 1.0 / (29 * 24));
}

TEST(SlaFigures, YearAvailabilityRestsOn8640AgreementHours) {
  // 31 real hours down in Farvardin are 30 agreement hours; the year is 8,640 of them.
  LedgerSnapshot s = always_on(at(1405, 1, 1));
  s.outages.push_back(outage(at(1404, 1, 10), at(1404, 1, 10) + 31 * kHour));
  const PeriodFigures year = service_year_figures(s, 3, 1404).year_total;
  EXPECT_NEAR(year.unplanned_hours, 30.0, 1e-9);
  EXPECT_NEAR(*year.availability, 1.0 - 30.0 / 8640.0, 1e-12);
  EXPECT_NEAR(*year.agreement_availability, 1.0 - 30.0 / 8640.0, 1e-12);
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
  EXPECT_DOUBLE_EQ(*f.availability, 1.0 - 24.0 / 480.0);                  // 0.95 over known time
  EXPECT_DOUBLE_EQ(*f.availability_lower_bound, (480.0 - 24.0) / 720.0);  // unknown counted down
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
}

TEST(SlaFigures, NothingKnownGivesNoAvailabilityAtAll) {
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 8, 1);
  const PeriodFigures f = service_year_figures(s, 3, 1404).months[6].figures;
  EXPECT_EQ(f.unknown_seconds, 30 * kDay);
  EXPECT_FALSE(f.availability.has_value());
  EXPECT_DOUBLE_EQ(*f.availability_lower_bound, 0.0);
}

TEST(SlaFigures, CurrentMonthCountsSoFarAndFutureMonthsAreEmpty) {
  // As of 1404/07/11 00:00: Mehr so far = 10 days.
  LedgerSnapshot s = always_on(at(1404, 7, 11));
  const ServiceYearFigures y = service_year_figures(s, 3, 1404);
  EXPECT_EQ(y.months[6].figures.period_seconds, 10 * kDay);
  EXPECT_DOUBLE_EQ(y.months[6].figures.period_hours, 240.0);
  EXPECT_EQ(y.months[7].figures.period_seconds, 0);
  EXPECT_FALSE(y.months[7].figures.availability.has_value());
  EXPECT_NEAR(y.year_total.period_hours, 6 * 720.0 + 240.0, 1e-9);
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
