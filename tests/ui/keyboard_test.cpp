#include "ui/keyboard.h"

#include <gtest/gtest.h>

using pk::ui::erase_last_grapheme;

TEST(EraseLastGrapheme, RemovesOneLetter) {
  std::string text = "سلام";
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "سلا");
  text = "ab";
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "a");
}

TEST(EraseLastGrapheme, RemovesALetterWithItsMarksTogether) {
  std::string text = "کتابً";  // tanwin fathatan on the last alef
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "کتا");
  text = "شدّه";  // shadda sits on د, not on the last letter
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "شدّ");
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "ش");
}

TEST(EraseLastGrapheme, ZwnjIsItsOwnKeystroke) {
  std::string text = "می\u200C";
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "می");
}

TEST(EraseLastGrapheme, EmptyStaysEmpty) {
  std::string text;
  EXPECT_FALSE(erase_last_grapheme(text));
  EXPECT_TRUE(text.empty());
}

TEST(EraseLastGrapheme, InvalidUtf8NeverCrashes) {
  std::string text = "ab\xE2\x82";  // a truncated three-byte sequence counts as one U+FFFD
  ASSERT_TRUE(erase_last_grapheme(text));
  EXPECT_EQ(text, "ab");
}
