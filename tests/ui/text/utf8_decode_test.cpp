// UTF-8 decoding follows the "maximal subpart" rule: one U+FFFD per ill-formed piece.
#include <gtest/gtest.h>

#include "ui/text/utf8_decode.h"

namespace pk::ui {
namespace {

TEST(Utf8Decode, WellFormedText) {
  const DecodedText decoded = decode_utf8("a\u06A9\u20AC\U0001F600");
  EXPECT_EQ(decoded.text, U"a\u06A9\u20AC\U0001F600");
  EXPECT_EQ(decoded.byte_offsets, (std::vector<uint32_t>{0, 1, 3, 6}));
}

TEST(Utf8Decode, IllFormedSequences) {
  // Overlong "/" (2 bytes) -> 2 x FFFD; surrogate ED A0 80 -> 3 x FFFD (ED's second byte
  // is out of range, then two lone continuations); truncated E2 82 then "x" -> FFFD x.
  EXPECT_EQ(decode_utf8("\xC0\xAF").text, U"\uFFFD\uFFFD");
  EXPECT_EQ(decode_utf8("\xED\xA0\x80").text, U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decode_utf8("\xE2\x82x").text, U"\uFFFDx");
  EXPECT_EQ(decode_utf8("\xF4\x90\x80\x80").text, U"\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decode_utf8("\xF0\x9F\x98").text, U"\uFFFD");
  EXPECT_EQ(decode_utf8(std::string_view("a\0b", 3)).text, std::u32string(U"a\0b", 3));
}

}  // namespace
}  // namespace pk::ui
