#include "domain/jalali.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "domain/text_normalize.h"

namespace pk::jalali {
namespace {

// Jalali years at which the 33-year leap pattern restarts (jalaali-js "breaks").
constexpr std::array<int, 20> kBreaks = {-61,  9,    38,   199,  426,  686,  756,  818,  1111, 1181,
                                         1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178};

// C++ and JavaScript both truncate towards zero, so these match jalaali-js's div/mod exactly.
constexpr int64_t div(int64_t a, int64_t b) { return a / b; }
constexpr int64_t mod(int64_t a, int64_t b) { return a % b; }

struct YearInfo {
  int leap = 0;       // 0 for a leap year; years since the last leap year otherwise
  int64_t gy = 0;     // the Gregorian year in which this Jalali year starts
  int64_t march = 0;  // the day of March on which Farvardin 1 falls
};

YearInfo jal_cal(int64_t jy) {
  const int64_t gy = jy + 621;
  int64_t leap_j = -14;
  int64_t jp = kBreaks[0];
  int64_t jump = 0;
  for (std::size_t i = 1; i < kBreaks.size(); ++i) {
    const int64_t jm = kBreaks[i];
    jump = jm - jp;
    if (jy < jm) break;
    leap_j += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  int64_t n = jy - jp;
  leap_j += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) == 4 && jump - n == 4) leap_j += 1;
  const int64_t leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const int64_t march = 20 + leap_j - leap_g;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  int64_t leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap == -1) leap = 4;
  return YearInfo{static_cast<int>(leap), gy, march};
}

int64_t g2d(int64_t gy, int64_t gm, int64_t gd) {
  int64_t d =
      div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  d = d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
  return d;
}

int64_t j2d(const JalaliDate& j) {
  const YearInfo r = jal_cal(j.year);
  return g2d(r.gy, 3, r.march) + (j.month - 1) * 31 - div(j.month, 7) * (j.month - 7) + j.day - 1;
}

JalaliDate d2j(int64_t jdn) {
  const int64_t gy = gregorian_from_julian_day(jdn).year;
  int64_t jy = gy - 621;
  const YearInfo r = jal_cal(jy);
  int64_t k = jdn - g2d(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185)
      return JalaliDate{static_cast<int>(jy), static_cast<int>(1 + div(k, 31)),
                        static_cast<int>(mod(k, 31) + 1)};
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap == 1) k += 1;
  }
  return JalaliDate{static_cast<int>(jy), static_cast<int>(7 + div(k, 30)), static_cast<int>(mod(k, 30) + 1)};
}

bool gregorian_valid(const GregorianDate& g) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (g.month < 1 || g.month > 12 || g.day < 1) return false;
  const bool leap = (g.year % 4 == 0 && g.year % 100 != 0) || g.year % 400 == 0;
  if (g.month == 2 && !leap) return g.day <= 28;
  return g.day <= kDays[static_cast<std::size_t>(g.month - 1)];
}

// The Julian Day Numbers of the first and last supported days.
int64_t first_jdn() { return j2d(JalaliDate{kMinYear, 1, 1}); }
int64_t last_jdn() { return j2d(JalaliDate{kMaxYear, 12, month_length(kMaxYear, 12)}); }

std::string two_digits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

bool is_leap_year(int jalali_year) {
  if (jalali_year < kMinYear || jalali_year > kMaxYear) return false;
  return jal_cal(jalali_year).leap == 0;
}

int month_length(int jalali_year, int month) {
  if (month < 1 || month > 12) return 0;
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return is_leap_year(jalali_year) ? 30 : 29;
}

bool is_valid(const JalaliDate& d) {
  return d.year >= kMinYear && d.year <= kMaxYear && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= month_length(d.year, d.month);
}

int64_t to_julian_day(const GregorianDate& date) { return g2d(date.year, date.month, date.day); }

GregorianDate gregorian_from_julian_day(int64_t jdn) {
  int64_t j = 4 * jdn + 139361631;
  j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const int64_t i = div(mod(j, 1461), 4) * 5 + 308;
  const int64_t gd = div(mod(i, 153), 5) + 1;
  const int64_t gm = mod(div(i, 153), 12) + 1;
  const int64_t gy = div(j, 1461) - 100100 + div(8 - gm, 6);
  return GregorianDate{static_cast<int>(gy), static_cast<int>(gm), static_cast<int>(gd)};
}

Result<JalaliDate> to_jalali(const GregorianDate& date) {
  if (!gregorian_valid(date) || date.year < 0 || date.year > 4000) {
    return make_error("Gregorian date " + std::to_string(date.year) + "-" + two_digits(date.month) + "-" +
                      two_digits(date.day) + " does not exist or is outside the supported range");
  }
  const int64_t jdn = to_julian_day(date);
  if (jdn < first_jdn() || jdn > last_jdn()) return make_error("Gregorian date outside the supported range");
  return d2j(jdn);
}

Result<GregorianDate> to_gregorian(const JalaliDate& date) {
  if (!is_valid(date)) {
    return make_error("Jalali date " + std::to_string(date.year) + "-" + two_digits(date.month) + "-" +
                      two_digits(date.day) + " does not exist or is outside the supported range");
  }
  return gregorian_from_julian_day(j2d(date));
}

JalaliDate from_unix(int64_t unix_seconds) {
  // 1970-01-01 is JDN 2440588. Work in days first so that no multiplication can overflow.
  constexpr int64_t kSecondsPerDay = 86400;
  constexpr int64_t kUnixEpochJdn = 2440588;
  const int64_t max_safe = INT64_MAX - kIranUtcOffsetSeconds;
  const int64_t local = unix_seconds > max_safe ? max_safe : unix_seconds + kIranUtcOffsetSeconds;
  int64_t days = local / kSecondsPerDay;
  if (local % kSecondsPerDay < 0) days -= 1;  // floor, so an instant before 1970 gets its own day
  const int64_t jdn =
      std::clamp(kUnixEpochJdn + std::clamp<int64_t>(days, -10'000'000, 10'000'000), first_jdn(), last_jdn());
  return d2j(jdn);
}

std::string_view month_name(int month, Language language, MonthNames names) {
  static constexpr std::array<std::string_view, 12> kIranian = {
      "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"};
  static constexpr std::array<std::string_view, 12> kDari = {"حمل",   "ثور",  "جوزا", "سرطان", "اسد", "سنبله",
                                                             "میزان", "عقرب", "قوس",  "جدی",   "دلو", "حوت"};
  static constexpr std::array<std::string_view, 12> kIranianLatin = {
      "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
      "Mehr",      "Aban",        "Azar",    "Dey", "Bahman", "Esfand"};
  static constexpr std::array<std::string_view, 12> kDariLatin = {"Hamal", "Sawr",    "Jawza", "Saratan",
                                                                  "Asad",  "Sonbola", "Mizan", "Aqrab",
                                                                  "Qaws",  "Jadi",    "Dalw",  "Hut"};
  static constexpr std::array<std::string_view, 12> kPashto = {
      "وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی", "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب"};
  if (month < 1 || month > 12) return {};
  const auto i = static_cast<std::size_t>(month - 1);
  if (names == MonthNames::OfLanguage) names = month_names(language);
  // English text names the months in Latin letters; Pashto's own names have no usual Latin
  // spelling, so an English line with Pashto names uses the Dari (zodiac) ones, known to both.
  switch (names) {
    case MonthNames::Dari:
      return is_rtl(language) ? kDari[i] : kDariLatin[i];
    case MonthNames::Pashto:
      return is_rtl(language) ? kPashto[i] : kDariLatin[i];
    case MonthNames::Iranian:
    case MonthNames::OfLanguage:
      break;
  }
  return is_rtl(language) ? kIranian[i] : kIranianLatin[i];
}

std::string format_jalali(const JalaliDate& date, Language language, DateStyle style, MonthNames names) {
  std::string text;
  switch (style) {
    case DateStyle::Iso:
      return std::to_string(date.year) + "-" + two_digits(date.month) + "-" + two_digits(date.day);
    case DateStyle::Numeric:
      text = std::to_string(date.year) + "/" + two_digits(date.month) + "/" + two_digits(date.day);
      break;
    case DateStyle::Long:
      text = std::to_string(date.day) + " " + std::string(month_name(date.month, language, names)) + " " +
             std::to_string(date.year);
      break;
  }
  return uses_persian_digits(language) ? to_persian_digits(text) : text;
}

Result<JalaliDate> parse_iso(std::string_view text) {
  const std::string ascii = to_ascii_digits(text);
  const auto bad = [&] {
    return make_error("\"" + ascii + "\" is not a Jalali date of the form YYYY-MM-DD");
  };
  if (ascii.size() != 10 || ascii[4] != '-' || ascii[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = ascii[starts[p] + i];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const JalaliDate date{parts[0], parts[1], parts[2]};
  if (!is_valid(date)) return make_error("Jalali date \"" + ascii + "\" does not exist");
  return date;
}

}  // namespace pk::jalali
