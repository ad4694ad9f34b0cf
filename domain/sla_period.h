#pragma once
// The agreement's period: one solar (Jalali) year of twelve months, each counted as 30 days of
// 24 effective hours, 8,640 hours in all.
//
// How real Jalali months map onto the agreement's 30-day months (the decision callers rely on,
// written in the product brief): agreement month m IS real Jalali month m, from 00:00 Iran time
// on its first day to 00:00 on the first day of the next. Its outage hours are the real hours
// that fell in it, and its availability is taken over the agreement's 720 hours whatever the
// month's real length (29, 30 or 31 days); the year's over 8,640 hours (sla_agreement.h).
// Nothing is rescaled: a 10-hour outage in Farvardin is 10 outage hours, not 30/31 of them.
//
// Why this mapping and not "8,640 hours counted from Nowruz": that one leaves 5 or 6 real days
// at the end of Esfand outside every month, so an outage on those days would count nowhere and
// the months would not match the dates shown to people, who see the real calendar. With this
// mapping every real second belongs to exactly one agreement month, and a month on a receipt or
// a chart is the month the citizen knows.
#include <cstdint>

#include "domain/jalali.h"
#include "domain/sla_intervals.h"

namespace pk::sla {

inline constexpr int kAgreementMonths = 12;
inline constexpr int kAgreementDaysPerMonth = 30;
inline constexpr int kAgreementHoursPerDay = 24;
inline constexpr double kAgreementHoursPerMonth = kAgreementDaysPerMonth * kAgreementHoursPerDay;
inline constexpr double kAgreementHoursPerYear = kAgreementMonths * kAgreementHoursPerMonth;
static_assert(kAgreementHoursPerYear == 8640.0, "the agreement counts 8,640 hours a year");

// A planned outage must have been announced at least this long before it began.
inline constexpr int64_t kNoticeLeadSeconds = 72 * 3600;

struct MonthSpan {
  int year = 0;
  int month = 0;      // 1..12
  int real_days = 0;  // 29, 30 or 31
  Interval span;      // [00:00 Iran time on day 1, 00:00 on day 1 of the next month)
};

// 00:00 Iran time (UTC+03:30) at the start of a Jalali date.
[[nodiscard]] int64_t jalali_midnight_unix(const jalali::JalaliDate& date);
// year within jalali::kMinYear..kMaxYear, month 1..12 (asserted: these are never user input).
[[nodiscard]] MonthSpan month_span(int year, int month);
[[nodiscard]] Interval year_span(int year);

}  // namespace pk::sla
