#include "domain/text_normalize.h"

#include <gtest/gtest.h>

#include "domain/utf8.h"

namespace pk {
namespace {

const std::string kZwnj = "\u200C";

TEST(NormalizeForStorage, MapsArabicLettersToPersian) {
  EXPECT_EQ(normalize_for_storage("علي"), "علی");
  EXPECT_EQ(normalize_for_storage("موسى"), "موسی");
  EXPECT_EQ(normalize_for_storage("كابل"), "کابل");
}

TEST(NormalizeForStorage, MapsPersianAndArabicDigitsToAscii) {
  EXPECT_EQ(normalize_for_storage("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  EXPECT_EQ(normalize_for_storage("٠١٢٣٤٥٦٧٨٩"), "0123456789");
}

TEST(NormalizeForStorage, CollapsesAndTrimsWhiteSpace) {
  EXPECT_EQ(normalize_for_storage("  محمد \t\n  رضا  "), "محمد رضا");
  EXPECT_EQ(normalize_for_storage("a\u00A0\u2003b"), "a b");
  EXPECT_EQ(normalize_for_storage(" \t "), "");
}

TEST(NormalizeForStorage, CleansZeroWidthNonJoiners) {
  EXPECT_EQ(normalize_for_storage("می" + kZwnj + "روم"), "می" + kZwnj + "روم");  // a real one stays
  EXPECT_EQ(normalize_for_storage("می" + kZwnj + kZwnj + "روم"), "می" + kZwnj + "روم");
  EXPECT_EQ(normalize_for_storage("می" + kZwnj + " روم"), "می روم");
  EXPECT_EQ(normalize_for_storage("می " + kZwnj + "روم"), "می روم");
  EXPECT_EQ(normalize_for_storage(kZwnj + "نام" + kZwnj), "نام");
}

TEST(NormalizeForStorage, IsIdempotent) {
  for (std::string s : {"  علي  ۱۲ " + kZwnj + " x", kZwnj + kZwnj + " ", "ك" + kZwnj + "\t" + kZwnj + "ي"}) {
    const std::string once = normalize_for_storage(s);
    EXPECT_EQ(normalize_for_storage(once), once);
  }
}

TEST(NormalizeForStorage, KeepsHarakatAndCase) { EXPECT_EQ(normalize_for_storage("مُحَمَّد ABC"), "مُحَمَّد ABC"); }

TEST(NormalizeForSearch, FoldsWhatPeopleTypeDifferently) {
  EXPECT_EQ(normalize_for_search("مُحَمَّد"), "محمد");
  EXPECT_EQ(normalize_for_search("دانش" + kZwnj + "آموزان"), "دانش اموزان");
  EXPECT_EQ(normalize_for_search("أحمد إمام آب"), "احمد امام اب");
  EXPECT_EQ(normalize_for_search("مدرسة"), "مدرسه");
  EXPECT_EQ(normalize_for_search("Passport ABC"), "passport abc");
  EXPECT_EQ(normalize_for_search("كارت  ملي ۱۲"), "کارت ملی 12");
  EXPECT_EQ(normalize_for_search("تـــابعیت"), "تابعیت");
}

TEST(NormalizeForSearch, EqualForEveryUsualSpelling) {
  const std::string expected = normalize_for_search("کارت آمایش");
  EXPECT_EQ(normalize_for_search("كارت آمايش"), expected);
  EXPECT_EQ(normalize_for_search(" کارت" + kZwnj + "امایش "), expected);
  EXPECT_EQ(normalize_for_search("کارت  اَمایش"), expected);
}

TEST(ToPersianDigits, ConvertsOnlyAsciiDigits) {
  EXPECT_EQ(to_persian_digits("1405-09-04"), "۱۴۰۵-۰۹-۰۴");
  EXPECT_EQ(to_persian_digits("کد 12"), "کد ۱۲");
  EXPECT_EQ(to_ascii_digits(to_persian_digits("0123456789")), "0123456789");
}

TEST(Normalize, IllFormedUtf8BecomesReplacementCharacter) {
  const std::string bad =
      "a\xFF"
      "b\xE2\x80";
  EXPECT_EQ(normalize_for_storage(bad), "a\uFFFDb\uFFFD");
  EXPECT_TRUE(utf8::is_valid(normalize_for_search(bad)));
  EXPECT_TRUE(utf8::is_valid(to_persian_digits(bad)));
}

TEST(DigitValue, KnowsAllThreeScripts) {
  EXPECT_EQ(digit_value(U'7'), 7);
  EXPECT_EQ(digit_value(0x06F7), 7);
  EXPECT_EQ(digit_value(0x0667), 7);
  EXPECT_EQ(digit_value(U'a'), -1);
}

}  // namespace
}  // namespace pk
