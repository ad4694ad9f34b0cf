#include "domain/jalali.h"

#include <gtest/gtest.h>

namespace pk::jalali {
namespace {

struct Pair {
  GregorianDate g;
  JalaliDate j;
};

// Known pairs from official Iranian calendars.
const Pair kKnown[] = {
    {{2026, 11, 25}, {1405, 9, 4}},  {{2025, 3, 21}, {1404, 1, 1}},   {{2024, 3, 20}, {1403, 1, 1}},
    {{2025, 3, 20}, {1403, 12, 30}}, {{1979, 2, 11}, {1357, 11, 22}}, {{2021, 3, 20}, {1399, 12, 30}},
    {{2021, 3, 21}, {1400, 1, 1}},   {{2000, 1, 1}, {1378, 10, 11}},  {{1921, 3, 21}, {1300, 1, 1}},
};

TEST(Jalali, KnownPairs) {
  for (const Pair& p : kKnown) {
    const auto j = to_jalali(p.g);
    ASSERT_TRUE(j.ok()) << j.error().message;
    EXPECT_EQ(j.value(), p.j) << p.g.year << "-" << p.g.month << "-" << p.g.day;
    const auto g = to_gregorian(p.j);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g.value(), p.g) << p.j.year << "-" << p.j.month << "-" << p.j.day;
  }
}

TEST(Jalali, LeapYears) {
  for (int y : {1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408}) EXPECT_TRUE(is_leap_year(y)) << y;
  for (int y : {1400, 1401, 1402, 1404, 1405, 1406, 1407}) EXPECT_FALSE(is_leap_year(y)) << y;
  EXPECT_EQ(month_length(1403, 12), 30);
  EXPECT_EQ(month_length(1404, 12), 29);
  EXPECT_EQ(month_length(1404, 1), 31);
  EXPECT_EQ(month_length(1404, 7), 30);
  EXPECT_FALSE(to_gregorian(JalaliDate{1404, 12, 30}).ok());
  EXPECT_FALSE(to_gregorian(JalaliDate{1404, 13, 1}).ok());
  EXPECT_FALSE(to_jalali(GregorianDate{2025, 2, 29}).ok());
}

TEST(Jalali, EveryDayFrom1950To2100RoundTripsAndFollowsTheCalendar) {
  const int64_t first = to_julian_day({1950, 1, 1});
  const int64_t last = to_julian_day({2100, 12, 31});
  JalaliDate previous = to_jalali(gregorian_from_julian_day(first - 1)).value();
  int year_days = 0;
  for (int64_t jdn = first; jdn <= last; ++jdn) {
    const GregorianDate g = gregorian_from_julian_day(jdn);
    ASSERT_EQ(to_julian_day(g), jdn);
    const auto j = to_jalali(g);
    ASSERT_TRUE(j.ok());
    ASSERT_EQ(to_gregorian(j.value()).value(), g) << jdn;
    // The next Jalali day after previous, computed from the month lengths alone.
    JalaliDate expected = previous;
    if (++expected.day > month_length(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
    ASSERT_EQ(j.value(), expected) << jdn;
    ++year_days;
    if (expected.month == 1 && expected.day == 1) {
      // Nowruz falls on 19, 20, 21 or 22 March in these years.
      EXPECT_EQ(g.month, 3);
      EXPECT_GE(g.day, 19);
      EXPECT_LE(g.day, 22);
      year_days = 0;
    }
    previous = j.value();
  }
}

TEST(Jalali, FromUnixUsesIranTime) {
  // 2026-11-24 20:30:00 UTC is midnight starting 2026-11-25 (1405-09-04) in Iran.
  constexpr int64_t kMidnight = 1795552200;
  EXPECT_EQ(from_unix(kMidnight), (JalaliDate{1405, 9, 4}));
  EXPECT_EQ(from_unix(kMidnight - 1), (JalaliDate{1405, 9, 3}));
  EXPECT_EQ(from_unix(kMidnight + 86399), (JalaliDate{1405, 9, 4}));
  EXPECT_EQ(from_unix(0), (JalaliDate{1348, 10, 11}));  // 1970-01-01 03:30 in Tehran
  EXPECT_EQ(from_unix(-12600 - 1), (JalaliDate{1348, 10, 10}));
}

TEST(Jalali, FromUnixClampsAbsurdInstants) {
  EXPECT_TRUE(is_valid(from_unix(INT64_MAX)));
  EXPECT_TRUE(is_valid(from_unix(INT64_MIN)));
  EXPECT_EQ(from_unix(INT64_MAX).year, kMaxYear);
  EXPECT_EQ(from_unix(INT64_MIN).year, kMinYear);
}

TEST(Jalali, MonthNames) {
  EXPECT_EQ(month_name(1, Language::Persian), "فروردین");
  EXPECT_EQ(month_name(9, Language::Persian), "آذر");
  EXPECT_EQ(month_name(12, Language::Persian), "اسفند");
  const char* dari[] = {"حمل",   "ثور",  "جوزا", "سرطان", "اسد", "سنبله",
                        "میزان", "عقرب", "قوس",  "جدی",   "دلو", "حوت"};
  for (int m = 1; m <= 12; ++m) EXPECT_EQ(month_name(m, Language::Persian, MonthNames::Dari), dari[m - 1]);
  EXPECT_EQ(month_name(9, Language::English), "Azar");
  EXPECT_EQ(month_name(13, Language::English), "");
}

TEST(Jalali, EachLanguageDatesWithItsOwnMonthNames) {
  // Dari (Afghanistan) the zodiac names, Pashto its own, Persian and English the Iranian ones;
  // Persian digits in all three Perso-Arabic languages.
  const JalaliDate d{1405, 9, 4};
  EXPECT_EQ(format_jalali(d, Language::Persian, DateStyle::Long), "۴ آذر ۱۴۰۵");
  EXPECT_EQ(format_jalali(d, Language::Dari, DateStyle::Long), "۴ قوس ۱۴۰۵");
  EXPECT_EQ(format_jalali(d, Language::Pashto, DateStyle::Long), "۴ لیندۍ ۱۴۰۵");
  EXPECT_EQ(format_jalali(d, Language::English, DateStyle::Long), "4 Azar 1405");
  EXPECT_EQ(format_jalali(d, Language::Pashto, DateStyle::Numeric), "۱۴۰۵/۰۹/۰۴");
  EXPECT_EQ(month_name(1, Language::Pashto), "وری");
  EXPECT_EQ(month_name(12, Language::Pashto), "کب");
  EXPECT_EQ(month_name(1, Language::Dari), "حمل");
  EXPECT_EQ(month_names(Language::Persian), MonthNames::Iranian);
}

TEST(Language, CodesRoundTripAndThePersoArabicLanguagesAreRightToLeftWithPersianDigits) {
  for (const Language language : kLanguages) {
    EXPECT_EQ(parse_language_code(language_code(language)), language);
    EXPECT_EQ(is_rtl(language), language != Language::English);
    EXPECT_EQ(uses_persian_digits(language), language != Language::English);
  }
  EXPECT_EQ(parse_language_code("de"), std::nullopt);
  EXPECT_EQ(persian_or_english(Language::Pashto), Language::Persian);
  EXPECT_EQ(persian_or_english(Language::Dari), Language::Persian);
  EXPECT_EQ(native_name(Language::Pashto), "پښتو");
  // The header's button steps through every language and comes back.
  Language l = Language::Persian;
  for (size_t i = 0; i < kLanguages.size(); ++i) l = next_language(l);
  EXPECT_EQ(l, Language::Persian);
  EXPECT_EQ(next_language(Language::Persian), Language::Dari);
}

TEST(Jalali, Formats) {
  const JalaliDate d{1405, 9, 4};
  EXPECT_EQ(format_jalali(d, Language::Persian, DateStyle::Long), "۴ آذر ۱۴۰۵");
  EXPECT_EQ(format_jalali(d, Language::Persian, DateStyle::Long, MonthNames::Dari), "۴ قوس ۱۴۰۵");
  EXPECT_EQ(format_jalali(d, Language::English, DateStyle::Long), "4 Azar 1405");
  EXPECT_EQ(format_jalali(d, Language::English, DateStyle::Iso), "1405-09-04");
  EXPECT_EQ(format_jalali(d, Language::Persian, DateStyle::Iso), "1405-09-04");
  EXPECT_EQ(format_jalali(d, Language::Persian, DateStyle::Numeric), "۱۴۰۵/۰۹/۰۴");
  EXPECT_EQ(format_jalali(d, Language::English, DateStyle::Numeric), "1405/09/04");
}

TEST(Jalali, ParseIso) {
  EXPECT_EQ(parse_iso("1405-09-04").value(), (JalaliDate{1405, 9, 4}));
  EXPECT_EQ(parse_iso("۱۴۰۳-۱۲-۳۰").value(), (JalaliDate{1403, 12, 30}));
  EXPECT_FALSE(parse_iso("1404-12-30").ok());
  EXPECT_FALSE(parse_iso("1405-9-4").ok());
  EXPECT_FALSE(parse_iso("1405/09/04").ok());
  EXPECT_FALSE(parse_iso("14a5-09-04").ok());
}

}  // namespace
}  // namespace pk::jalali
