// The technician screen's data, from a snapshot worked by hand.
#include <gtest/gtest.h>

#include "domain/sla_technician.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

TEST(SlaTechnician, OneCallGivesFiguresChartOpenOutagesReportsAndClock) {
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 7, 11, 12);  // Mehr 1404, 10.5 days in
  s.runs.push_back(run_over(at(1404, 1, 1), s.as_of_unix));
  s.outages.push_back(outage(at(1404, 2, 5, 10), at(1404, 2, 5, 10) + 31 * kHour, ServiceScope::only({3})));
  Outage crashed = outage(at(1404, 7, 3), at(1404, 7, 3, 1));
  crashed.end = OutageEnd::LastHeartbeat;
  s.outages.push_back(crashed);
  Outage open;
  open.id = 9;
  open.cause = OutageCause::PrinterDown;
  open.start_unix = at(1404, 7, 11, 10);
  open.monotonic_duration_ms = 2 * kHour * 1000;
  s.outages.push_back(open);
  s.failure_reports = {{3, at(1404, 7, 1)}, {3, at(1404, 5, 1)}, {std::nullopt, at(1404, 7, 2)}};
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 1, 1), 0});
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 7, 11), -30});

  const std::vector<int> services = {3, 5};
  const TechnicianData d = technician_data(s, services);
  EXPECT_EQ(d.today, (jalali::JalaliDate{1404, 7, 11}));
  ASSERT_EQ(d.services.size(), 2u);
  const TechnicianServiceRow& three = d.services[0];
  EXPECT_EQ(three.service, 3);
  // Mehr so far: 10.5 days; 1 h (crash-closed) + 2 h (open printer outage) down.
  EXPECT_EQ(three.month.period_seconds, 10 * kDay + 12 * kHour);
  EXPECT_EQ(three.month.unplanned_seconds, 3 * kHour);
  EXPECT_EQ(three.recent_failure_reports, 1);  // the one from Mordad is older than 30 days
  // Chart: Ordibehesht (31 d) lost 31 real hours of the agreement's 720 (it used to be scaled to
  // 30 h, which under-reported the outage; issue 19).
  EXPECT_DOUBLE_EQ(*three.year.months[1].figures.agreement_availability, 1.0 - 31.0 / 720.0);
  EXPECT_FALSE(three.year.months[8].figures.agreement_availability.has_value());
  EXPECT_DOUBLE_EQ(*d.overall_by_month[1], (1.0 - 31.0 / 720.0 + 1.0) / 2);
  EXPECT_EQ(d.state_by_month[1], PeriodState::Complete);  // synced before, running throughout
  EXPECT_EQ(d.state_by_month[6], PeriodState::SoFar);
  EXPECT_EQ(d.state_by_month[8], PeriodState::NotStarted);
  EXPECT_FALSE(d.overall_by_month[8].has_value());
  ASSERT_EQ(d.open_outages.size(), 1u);
  EXPECT_EQ(d.open_outages[0].id, 9);
  EXPECT_EQ(d.open_outages[0].cause, OutageCause::PrinterDown);
  EXPECT_EQ(d.open_outages[0].seconds_so_far, 2 * kHour);
  EXPECT_EQ(d.crash_closed_outages_this_year, 1);
  EXPECT_EQ(d.recent_unattributed_failure_reports, 1);
  EXPECT_EQ(d.last_centre_offset_seconds, -30);
  EXPECT_FALSE(d.month_clock.suspect());
  EXPECT_TRUE(d.year_clock.never_synced == false);
}

}  // namespace
}  // namespace pk::sla
