// Interval sets and the agreement's periods, checked against figures worked by hand.
#include <gtest/gtest.h>

#include "domain/sla_agreement.h"
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

TEST(SlaAgreement, AvailabilityIsOutageHoursOverTheAgreementHoursFlooredAtZero) {
  EXPECT_DOUBLE_EQ(*availability_over(10.0, kAgreementHoursPerMonth), 1.0 - 10.0 / 720.0);
  EXPECT_DOUBLE_EQ(*availability_over(36.0, kAgreementHoursPerYear), 1.0 - 36.0 / 8640.0);
  EXPECT_DOUBLE_EQ(*availability_over(0.0, 720.0), 1.0);
  EXPECT_EQ(*availability_over(744.0, 720.0), 0.0);
  EXPECT_FALSE(availability_over(1.0, 0.0).has_value());
  EXPECT_DOUBLE_EQ(real_hours(10 * 3600), 10.0);
}

TEST(SlaAgreement, OnlyACompletePeriodIsMet) {
  const int64_t month = 30 * 86400;
  EXPECT_EQ(period_state(0, month, 0, ClockTrust::Sound), PeriodState::NotStarted);
  EXPECT_EQ(period_state(month - 1, month, 0, ClockTrust::Sound), PeriodState::SoFar);
  EXPECT_EQ(period_state(month, month, 1, ClockTrust::Sound), PeriodState::Incomplete);
  EXPECT_EQ(period_state(month, month, 0, ClockTrust::Suspect), PeriodState::Incomplete);
  EXPECT_EQ(period_state(month, month, 0, ClockTrust::Sound), PeriodState::Complete);
  EXPECT_EQ(against_target(PeriodState::Complete, 0.995, 0.99), TargetVerdict::Met);
  EXPECT_EQ(against_target(PeriodState::Incomplete, 1.0, 0.99), TargetVerdict::Undecided);
  EXPECT_EQ(against_target(PeriodState::SoFar, 1.0, 0.99), TargetVerdict::Undecided);
  // Already below the target: unknown hours could only add outage hours.
  EXPECT_EQ(against_target(PeriodState::Incomplete, 0.98, 0.99), TargetVerdict::Missed);
  EXPECT_EQ(against_target(PeriodState::Complete, std::nullopt, 0.99), TargetVerdict::Undecided);
  EXPECT_EQ(combined(PeriodState::Complete, PeriodState::Incomplete), PeriodState::Incomplete);
  EXPECT_EQ(combined(PeriodState::Complete, PeriodState::Complete), PeriodState::Complete);
}

}  // namespace
}  // namespace pk::sla
