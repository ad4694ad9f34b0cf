#pragma once
// The Jalali (Solar Hijri) calendar: exact conversion to and from the Gregorian calendar with
// the break-year algorithm of jalaali-js (Borkowski's arithmetic, no 2820-year cycle), valid
// for Jalali years -61..3177 (Gregorian 560..3798), far beyond the 1300–1500 AP we need.
//
// Time zone: from_unix uses Iran Standard Time, a fixed UTC+03:30. Iran abolished daylight
// saving time in 2022 (the last DST period was 1401 AP / 2022); for instants before that, a
// summer instant between 23:00 and 24:00 local DST time falls one day early here. Everything
// this terminal records is after 2022, so the fixed offset is exact for it.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/language.h"
#include "domain/result.h"

namespace pk::jalali {

inline constexpr int64_t kIranUtcOffsetSeconds = 3 * 3600 + 30 * 60;
inline constexpr int kMinYear = -61 + 1;  // the first and last years whose new year is known
inline constexpr int kMaxYear = 3177 - 1;

struct JalaliDate {
  int year = 0;
  int month = 0;  // 1 = Farvardin .. 12 = Esfand
  int day = 0;
  friend bool operator==(const JalaliDate&, const JalaliDate&) = default;
};

struct GregorianDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;
  friend bool operator==(const GregorianDate&, const GregorianDate&) = default;
};

[[nodiscard]] bool is_leap_year(int jalali_year);
[[nodiscard]] int month_length(int jalali_year, int month);
[[nodiscard]] bool is_valid(const JalaliDate& date);

// Julian Day Numbers make day arithmetic trivial (the difference of two is a day count).
[[nodiscard]] int64_t to_julian_day(const GregorianDate& date);
[[nodiscard]] GregorianDate gregorian_from_julian_day(int64_t jdn);

// Both refuse dates that do not exist or are outside kMinYear..kMaxYear.
[[nodiscard]] Result<JalaliDate> to_jalali(const GregorianDate& date);
[[nodiscard]] Result<GregorianDate> to_gregorian(const JalaliDate& date);

// The Iran-time calendar date of a Unix instant. Instants outside the supported years are
// clamped to its first or last day (no Result: a clock value is never user input).
[[nodiscard]] JalaliDate from_unix(int64_t unix_seconds);

// Persian: فروردین..اسفند; Dari (Afghanistan): حمل..حوت; Pashto (Afghanistan): وری..کب;
// English: Farvardin..Esfand. OfLanguage: the names the language itself uses (month_names).
enum class MonthNames { Iranian, Dari, Pashto, OfLanguage };
// Persian and English: the Iranian names; Dari: the Afghan (zodiac) names; Pashto: the Pashto ones.
[[nodiscard]] constexpr MonthNames month_names(Language language) {
  switch (language) {
    case Language::Dari:
      return MonthNames::Dari;
    case Language::Pashto:
      return MonthNames::Pashto;
    case Language::Persian:
    case Language::English:
      break;
  }
  return MonthNames::Iranian;
}
[[nodiscard]] std::string_view month_name(int month, Language language,
                                          MonthNames names = MonthNames::OfLanguage);

enum class DateStyle {
  Long,     // "۴ آذر ۱۴۰۵" / "4 Azar 1405"; Dari month names with MonthNames::Dari
  Numeric,  // "۱۴۰۵/۰۹/۰۴" / "1405/09/04"
  Iso,      // "1405-09-04" in both languages: for files and the wire
};
[[nodiscard]] std::string format_jalali(const JalaliDate& date, Language language, DateStyle style,
                                        MonthNames names = MonthNames::OfLanguage);

// Parses "YYYY-MM-DD" (ASCII, Persian or Arabic digits) and checks the date exists.
[[nodiscard]] Result<JalaliDate> parse_iso(std::string_view text);

}  // namespace pk::jalali
