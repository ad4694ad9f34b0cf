// Interval sets and the agreement's periods, checked against figures worked by hand.
#include <gtest/gtest.h>

#include "domain/sla_intervals.h"
#include "domain/sla_period.h"

namespace pk::sla {
namespace {

TEST(SlaIntervals, FromMergesOverlappingAndTouchingAndDropsEmpty) {
  const IntervalSet set = IntervalSet::from({{10, 20}, {15, 30}, {30, 35}, {50, 50}, {40, 45}, {60, 55}});
  EXPECT_EQ(set.pieces(), (std::vector<Interval>{{10, 35}, {40, 45}}));
  EXPECT_EQ(set.measure(), 30);
}

TEST(SlaIntervals, MeasureWithinCountsOnlyTheRange) {
  const IntervalSet set = IntervalSet::from({{0, 10}, {20, 30}, {40, 50}});
  EXPECT_EQ(set.measure_within({5, 45}), 5 + 10 + 5);
  EXPECT_EQ(set.measure_within({10, 20}), 0);
  EXPECT_EQ(set.measure_within({-100, 100}), 30);
  EXPECT_EQ(set.measure_within({25, 25}), 0);
}

TEST(SlaIntervals, SubtractIntersectUnite) {
  const IntervalSet a = IntervalSet::from({{0, 100}});
  const IntervalSet b = IntervalSet::from({{10, 20}, {50, 60}, {90, 120}});
  EXPECT_EQ(a.subtract(b).pieces(), (std::vector<Interval>{{0, 10}, {20, 50}, {60, 90}}));
  EXPECT_EQ(a.intersect(b).pieces(), (std::vector<Interval>{{10, 20}, {50, 60}, {90, 100}}));
  EXPECT_EQ(a.unite(b).pieces(), (std::vector<Interval>{{0, 120}}));
  EXPECT_EQ(b.subtract(a).pieces(), (std::vector<Interval>{{100, 120}}));
  EXPECT_EQ(b.clip({15, 55}).pieces(), (std::vector<Interval>{{15, 20}, {50, 55}}));
}

TEST(SlaPeriod, FarvardinOf1404StartsAtNowruzMidnightIranTime) {
  // 1404/01/01 = 2025-03-21; 00:00 at UTC+03:30 is 2025-03-20 20:30 UTC.
  // 2025-01-01 is day 20089 since 1970; + 31 + 28 + 19 days = 20167; x 86400 + 20.5 h.
  const MonthSpan farvardin = month_span(1404, 1);
  EXPECT_EQ(farvardin.span.start, 20167 * 86400 + 20 * 3600 + 1800);
  EXPECT_EQ(farvardin.real_days, 31);
  EXPECT_EQ(farvardin.span.length(), 31 * 86400);
}

TEST(SlaPeriod, MonthLengthsAndYearLength) {
  EXPECT_EQ(month_span(1404, 6).real_days, 31);
  EXPECT_EQ(month_span(1404, 7).real_days, 30);
  EXPECT_EQ(month_span(1404, 12).real_days, 29);  // 1404 is a common year
  EXPECT_EQ(month_span(1403, 12).real_days, 30);  // 1403 is a leap year
  EXPECT_EQ(year_span(1404).length(), 365 * 86400);
  EXPECT_EQ(year_span(1403).length(), 366 * 86400);
  EXPECT_EQ(year_span(1403).end, year_span(1404).start);
  // Months tile the year with no gap and no overlap.
  for (int m = 1; m < 12; ++m) EXPECT_EQ(month_span(1404, m).span.end, month_span(1404, m + 1).span.start);
}

TEST(SlaPeriod, AgreementHoursNormaliseEachMonthTo720) {
  EXPECT_DOUBLE_EQ(to_agreement_hours(31 * 86400, month_span(1404, 1)), 720.0);
  EXPECT_DOUBLE_EQ(to_agreement_hours(30 * 86400, month_span(1404, 7)), 720.0);
  EXPECT_DOUBLE_EQ(to_agreement_hours(29 * 86400, month_span(1404, 12)), 720.0);
  EXPECT_DOUBLE_EQ(to_agreement_hours(31 * 3600, month_span(1404, 1)), 30.0);
  EXPECT_DOUBLE_EQ(to_agreement_hours(29 * 3600, month_span(1404, 12)), 30.0);
}

}  // namespace
}  // namespace pk::sla
