#include "domain/sla_period.h"

#include <cassert>

namespace pk::sla {
namespace {
constexpr int64_t kUnixEpochJulianDay = 2440588;  // 1970-01-01
}

int64_t jalali_midnight_unix(const jalali::JalaliDate& date) {
  auto gregorian = jalali::to_gregorian(date);
  assert(gregorian.ok());
  const int64_t day = jalali::to_julian_day(*gregorian) - kUnixEpochJulianDay;
  return day * 86400 - jalali::kIranUtcOffsetSeconds;
}

MonthSpan month_span(int year, int month) {
  assert(month >= 1 && month <= 12);
  MonthSpan result;
  result.year = year;
  result.month = month;
  result.real_days = jalali::month_length(year, month);
  const int64_t start = jalali_midnight_unix({year, month, 1});
  result.span = Interval{start, start + int64_t{result.real_days} * 86400};
  return result;
}

Interval year_span(int year) {
  return Interval{month_span(year, 1).span.start, month_span(year, 12).span.end};
}

}  // namespace pk::sla
