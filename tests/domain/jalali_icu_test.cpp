// Our Jalali calendar against ICU's Persian calendar (a different implementation, from
// Debian's libicu), day by day. ICU's calendar is the 33-year arithmetic rule; ours follows
// the astronomical new year (the break table of jalaali-js). They must agree over the years
// people alive today were born and will apply in.
#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>

#include <memory>

#include "domain/jalali.h"

namespace {

std::unique_ptr<icu::Calendar> persian_calendar() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("fa_IR@calendar=persian"), status));
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return cal;
}

}  // namespace

TEST(JalaliAgainstIcu, EveryDayFrom1925To2100) {
  auto cal = persian_calendar();
  ASSERT_TRUE(cal);
  EXPECT_STREQ(cal->getType(), "persian");
  // Farvardin 1304 (March 1925), when Iran adopted the solar calendar by law, to 2100.
  const int64_t first = pk::jalali::to_julian_day({1925, 3, 21});
  const int64_t last = pk::jalali::to_julian_day({2100, 12, 31});
  int disagreements = 0;
  for (int64_t jdn = first; jdn <= last; ++jdn) {
    const pk::jalali::GregorianDate g = pk::jalali::gregorian_from_julian_day(jdn);
    auto ours = pk::jalali::to_jalali(g);
    ASSERT_TRUE(ours) << g.year << "-" << g.month << "-" << g.day;
    // ICU counts milliseconds from 1970-01-01 (Julian day 2440588) in UTC.
    UErrorCode status = U_ZERO_ERROR;
    cal->setTime(static_cast<UDate>(jdn - 2440588) * 86400000.0, status);
    const int year = cal->get(UCAL_EXTENDED_YEAR, status);
    const int month = cal->get(UCAL_MONTH, status) + 1;
    const int day = cal->get(UCAL_DATE, status);
    ASSERT_TRUE(U_SUCCESS(status));
    if (ours->year != year || ours->month != month || ours->day != day) {
      if (++disagreements <= 5)
        ADD_FAILURE() << g.year << "-" << g.month << "-" << g.day << ": ours " << ours->year << "/"
                      << ours->month << "/" << ours->day << ", ICU " << year << "/" << month << "/" << day;
    }
  }
  EXPECT_EQ(disagreements, 0);
}
