#pragma once
// The agreement's period: one solar (Jalali) year of twelve months, each counted as 30 days of
// 24 effective hours, 8,640 hours in all.
//
// How real Jalali months map onto the agreement's 30-day months (the decision callers rely on):
// agreement month m IS real Jalali month m, from 00:00 Iran time on its first day to 00:00 on
// the first day of the next, and its figures are normalised to 720 agreement hours. A real
// hour therefore weighs 30/31 of an agreement hour in Farvardin..Shahrivar, exactly one in
// Mehr..Bahman, and 30/29 in Esfand of a common year (30/30 in a leap year). A ratio such as
// availability is the same in real or agreement hours within a month; the year's figures are
// sums of the twelve normalised months, so they always rest on 12 x 720 = 8,640 hours.
//
// Why this mapping and not "8,640 hours counted from Nowruz": that one leaves 5 or 6 real days
// at the end of Esfand outside every month, so an outage on those days would count nowhere and
// the months would not match the dates shown to people, who see the real calendar. With this
// mapping every real second belongs to exactly one agreement month, a month on a receipt or a
// chart is the month the citizen knows, and each month carries the equal weight the agreement
// gives it. The real-second figures are kept alongside, so an auditor can redo the arithmetic.
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
// Real seconds inside `month` expressed in the agreement's hours (a 30-day month = 720 h).
[[nodiscard]] double to_agreement_hours(int64_t real_seconds, const MonthSpan& month);

}  // namespace pk::sla
