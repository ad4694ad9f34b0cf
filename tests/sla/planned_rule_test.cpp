// The 72-hour rule, at its edge and for notices covering only part of an outage.
#include <gtest/gtest.h>

#include "domain/sla_figures.h"
#include "domain/sla_planned.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

// Service 3 in Mehr 1404 (30 days); the terminal beat through the whole month.
LedgerSnapshot mehr_snapshot() {
  LedgerSnapshot s;
  s.as_of_unix = at(1404, 8, 1);
  s.runs.push_back(run_over(at(1404, 7, 1), at(1404, 8, 1)));
  return s;
}

PeriodFigures mehr(const LedgerSnapshot& s, int service = 3) {
  return service_year_figures(s, service, 1404).months[6].figures;
}

TEST(SlaPlannedRule, PublishedExactly72HoursBeforeIsPlanned) {
  const int64_t start = at(1404, 7, 10, 2);
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(start, start + 2 * kHour));
  s.notices.push_back(notice("n1", start - 72 * kHour, start, start + 2 * kHour));
  const PeriodFigures f = mehr(s);
  EXPECT_EQ(f.planned_seconds, 2 * kHour);
  EXPECT_EQ(f.unplanned_seconds, 0);
  EXPECT_TRUE(announced_in_time(s.notices[0], start));
}

TEST(SlaPlannedRule, Published71h59mBeforeIsUnplanned) {
  const int64_t start = at(1404, 7, 10, 2);
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(start, start + 2 * kHour));
  s.notices.push_back(notice("n1", start - 72 * kHour + 60, start, start + 2 * kHour));
  const PeriodFigures f = mehr(s);
  EXPECT_EQ(f.planned_seconds, 0);
  EXPECT_EQ(f.unplanned_seconds, 2 * kHour);
  // One second short is short.
  EXPECT_FALSE(announced_in_time(notice("n2", start - 72 * kHour + 1, start, start + 1), start));
}

TEST(SlaPlannedRule, NoticeCoveringPartOfTheOutageMakesOnlyThatPartPlanned) {
  // Announced 10:00-12:00, the work ran 10:00-13:00: 2 h planned, the overrun hour unplanned.
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(at(1404, 7, 12, 10), at(1404, 7, 12, 13)));
  s.notices.push_back(notice("n1", at(1404, 7, 1), at(1404, 7, 12, 10), at(1404, 7, 12, 12)));
  const PeriodFigures f = mehr(s);
  EXPECT_EQ(f.planned_seconds, 2 * kHour);
  EXPECT_EQ(f.unplanned_seconds, 1 * kHour);
  // Real hours, whatever the month's length.
  EXPECT_DOUBLE_EQ(f.planned_hours, 2.0);
  EXPECT_DOUBLE_EQ(f.unplanned_hours, 1.0);
}

TEST(SlaPlannedRule, LeadTimeCountsFromTheOutageStartNotFromTheWindow) {
  // The outage began at 08:00, two hours before the announced window. The notice was published
  // 73 h before the window but only 71 h before the outage began: nothing is planned.
  const int64_t window = at(1404, 7, 12, 10);
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(window - 2 * kHour, window + 2 * kHour));
  s.notices.push_back(notice("n1", window - 73 * kHour, window, window + 2 * kHour));
  const PeriodFigures f = mehr(s);
  EXPECT_EQ(f.planned_seconds, 0);
  EXPECT_EQ(f.unplanned_seconds, 4 * kHour);
}

TEST(SlaPlannedRule, NoticeForOtherServicesLeavesThisServiceUnplanned) {
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(at(1404, 7, 12, 10), at(1404, 7, 12, 12)));
  s.notices.push_back(
      notice("n1", at(1404, 7, 1), at(1404, 7, 12, 10), at(1404, 7, 12, 12), ServiceScope::only({5})));
  EXPECT_EQ(mehr(s, 3).unplanned_seconds, 2 * kHour);
  EXPECT_EQ(mehr(s, 5).planned_seconds, 2 * kHour);
  EXPECT_EQ(mehr(s, 5).unplanned_seconds, 0);
}

TEST(SlaPlannedRule, OverlapOfPlannedAndUnplannedCountsOnceAndAsPlanned) {
  // Announced maintenance 02:00-04:00; the printer failed 03:00-05:00 without notice.
  // Down 02:00-05:00 = 3 h: 02-04 planned, 04-05 unplanned.
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(at(1404, 7, 20, 2), at(1404, 7, 20, 4)));
  s.outages.push_back(
      outage(at(1404, 7, 20, 3), at(1404, 7, 20, 5), ServiceScope::all(), OutageCause::PrinterDown));
  s.notices.push_back(notice("n1", at(1404, 7, 1), at(1404, 7, 20, 2), at(1404, 7, 20, 4)));
  const PeriodFigures f = mehr(s);
  EXPECT_EQ(f.planned_seconds, 2 * kHour);
  EXPECT_EQ(f.unplanned_seconds, 1 * kHour);
  EXPECT_EQ(f.outages, 2);
  // Over the agreement's 720 h: 3 h down; 1 h unplanned.
  EXPECT_DOUBLE_EQ(*f.availability, 717.0 / 720.0);
  EXPECT_DOUBLE_EQ(*f.agreement_availability, 719.0 / 720.0);
}

TEST(SlaPlannedRule, NoticePublishedAfterTheOutageBeganIsUnplanned) {
  const int64_t start = at(1404, 7, 15, 9);
  LedgerSnapshot s = mehr_snapshot();
  s.outages.push_back(outage(start, start + kHour));
  s.notices.push_back(notice("late", start + 600, start, start + kHour));
  EXPECT_EQ(mehr(s).unplanned_seconds, kHour);
}

}  // namespace
}  // namespace pk::sla
