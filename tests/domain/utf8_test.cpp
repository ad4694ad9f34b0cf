#include "domain/utf8.h"

#include <gtest/gtest.h>

namespace pk::utf8 {
namespace {

TEST(Utf8, DecodesEveryLength) {
  EXPECT_EQ(decode("a"), U"a");
  EXPECT_EQ(decode("\xD9\x8A"), U"\u064A");      // ي
  EXPECT_EQ(decode("\xE2\x80\x8C"), U"\u200C");  // ZWNJ
  EXPECT_EQ(decode("\xF0\x9F\x98\x80"), U"\U0001F600");
}

TEST(Utf8, EncodeIsTheInverseOfDecodeForValidText) {
  const std::string text = "سلام \xE2\x80\x8C world \xF0\x9F\x98\x80 ۱۲۳";
  EXPECT_TRUE(is_valid(text));
  EXPECT_EQ(encode(decode(text)), text);
}

TEST(Utf8, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(decode("\x80"), U"\uFFFD");                                // stray continuation
  EXPECT_EQ(decode("\xC0\xAF"), U"\uFFFD\uFFFD");                      // overlong '/'
  EXPECT_EQ(decode("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");            // surrogate D800
  EXPECT_EQ(decode("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  EXPECT_EQ(decode("\xE2\x80"), U"\uFFFD");                            // truncated: one maximal subpart
  EXPECT_EQ(decode("\xE2\x80"
                   "a"),
            U"\uFFFDa");  // the next character survives
  EXPECT_EQ(decode("\xF0\x9F\x98"
                   "b"),
            U"\uFFFDb");
  EXPECT_EQ(decode("\xFF"), U"\uFFFD");
}

TEST(Utf8, IsValidRejectsEveryKindOfBadSequence) {
  for (const char* bad :
       {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80", "\xF0\x9F\x98", "\xFE"}) {
    EXPECT_FALSE(is_valid(bad)) << "input length " << std::string(bad).size();
  }
  EXPECT_TRUE(is_valid("\xEF\xBF\xBD"));  // a real U+FFFD is valid text
  EXPECT_TRUE(is_valid(""));
}

TEST(Utf8, AppendReplacesValuesThatAreNotCharacters) {
  std::string out;
  append(out, 0xD800);
  append(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, SanitizeProducesValidText) {
  const std::string s = sanitize("ok\xC3\x28\xA0\xA1");
  EXPECT_TRUE(is_valid(s));
  EXPECT_EQ(decode(s), U"ok\uFFFD(\uFFFD\uFFFD");
}

}  // namespace
}  // namespace pk::utf8
