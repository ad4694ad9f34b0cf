// Unicode segmentation from ICU (ui/text/icu_segmentation.h): grapheme clusters for editing and
// line-break opportunities for wrapping, on the cases a Persian kiosk meets. The first group are
// cases the hand-written grapheme rules got wrong before ICU (their answer is in each comment).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text_test_support.h"
#include "ui/text/graphemes.h"
#include "ui/text/icu_segmentation.h"
#include "ui/text/utf8_decode.h"

namespace pk::ui::test {
namespace {

using Bounds = std::vector<uint32_t>;

TEST(Graphemes, ZwjSequenceWithAPictographOutsideTheEmojiBlocksIsOne) {
  // 🐈‍⬛ black cat: U+2B1B is Extended_Pictographic but not in the emoji blocks (old: 0 2 3).
  EXPECT_EQ(grapheme_boundaries(U"\U0001F408\u200D\u2B1B"), (Bounds{0, 3}));
  // 👨🏽‍👩‍👧 a family with a skin tone on its first member.
  EXPECT_EQ(grapheme_boundaries(U"\U0001F468\U0001F3FD\u200D\U0001F469\u200D\U0001F467"), (Bounds{0, 6}));
}

TEST(Graphemes, TagSequenceFlagIsOne) {
  // 🏴󠁧󠁢󠁥󠁮󠁧󠁿: a black flag and six tag characters (format characters, old: seven
  // graphemes).
  EXPECT_EQ(grapheme_boundaries(U"\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"),
            (Bounds{0, 7}));
}

TEST(Graphemes, ArabicNumberSignJoinsTheDigitItPrecedes) {
  // U+0600 ARABIC NUMBER SIGN and U+06DD END OF AYAH are prepended marks (old: one each).
  EXPECT_EQ(grapheme_boundaries(U"\u0600\u06F1\u06F2"), (Bounds{0, 2, 3}));
  EXPECT_EQ(grapheme_boundaries(U"\u06DD\u06F1\u06F2"), (Bounds{0, 2, 3}));
}

TEST(Graphemes, RegionalIndicatorsPairIntoFlagsAndAnOddOneStandsAlone) {
  // 🇮🇷🇦🇫 then a lone 🇮.
  EXPECT_EQ(grapheme_boundaries(U"\U0001F1EE\U0001F1F7\U0001F1E6\U0001F1EB\U0001F1EE"), (Bounds{0, 2, 4, 5}));
}

TEST(Graphemes, ZwnjStaysAGraphemeOfItsOwnWhereUax29WouldAttachIt) {
  // «می‌شود»: UAX #29 makes ZWNJ part of the ی before it; one Backspace must remove it alone.
  EXPECT_EQ(icu_grapheme_boundaries(U"\u0645\u06CC\u200C\u0634"), (Bounds{0, 1, 3, 4}));
  EXPECT_EQ(grapheme_boundaries(U"\u0645\u06CC\u200C\u0634"), (Bounds{0, 1, 2, 3, 4}));
  // A mark after a ZWNJ (a typing slip) is its own grapheme too, as before.
  EXPECT_EQ(grapheme_boundaries(U"\u0628\u200C\u064E"), (Bounds{0, 1, 2, 3}));
  EXPECT_EQ(grapheme_byte_boundaries("\u06CC\u200C"), (std::vector<size_t>{0, 2, 5}));
}

TEST(Graphemes, NonScalarValuesCountAsOneEach) {
  // A lone surrogate or a value past U+10FFFF is read as U+FFFD, one grapheme each.
  const std::u32string text{U'a', char32_t{0xD800}, char32_t{0x110000}, U'\u0301'};
  EXPECT_EQ(grapheme_boundaries(text), (Bounds{0, 1, 2, 4}));
}

// Code point indices after which a line may end, and where it must.
struct Opportunities {
  std::vector<uint32_t> allowed;
  std::vector<uint32_t> mandatory;
};
Opportunities opportunities(const std::string& utf8) {
  const std::u32string text = decode_utf8(utf8).text;
  Opportunities out;
  const std::vector<LineBreakAfter> verdicts = icu_line_breaks(text);
  EXPECT_EQ(verdicts.size(), text.size());
  for (uint32_t i = 0; i < verdicts.size(); ++i) {
    if (verdicts[i] == LineBreakAfter::Allowed) out.allowed.push_back(i + 1);
    if (verdicts[i] == LineBreakAfter::Mandatory) out.mandatory.push_back(i + 1);
  }
  return out;
}
// The positions just after each space, and the end of the text.
std::vector<uint32_t> after_spaces(const std::string& utf8) {
  const std::u32string text = decode_utf8(utf8).text;
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == U' ') out.push_back(i + 1);
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

TEST(LineBreaks, PersianPunctuationStaysWithItsWord) {
  // Guillemets, Arabic comma, semicolon and question mark never start or end a line apart from
  // the word they belong to: the only opportunities are after the spaces.
  const std::string text = "او گفت «سلام»، سپس رفت؛ چرا؟ «پایان»";
  EXPECT_EQ(opportunities(text).allowed, after_spaces(text));
  EXPECT_TRUE(opportunities(text).mandatory.empty());
}

TEST(LineBreaks, PersianNumbersWithTheirPunctuationAreNotSplit) {
  // Thousands and decimal separators, percent, a date, a range, a parenthesised digit, a sum.
  const std::string text = "۱۲۵٬۰۰۰ ریال، ۱۲٫۵٪ تخفیف ۱۴۰۳/۰۵/۱۲ ۱۲۳-۴۵۶ (۲) ٦٧٪ ۱۲،۳۴";
  EXPECT_EQ(opportunities(text).allowed, after_spaces(text));
}

TEST(LineBreaks, ZwnjJoinsAWordAcrossItsParts) {
  const std::string text = "کارت‌های اقامت می‌شود";
  EXPECT_EQ(opportunities(text).allowed, after_spaces(text));
}

TEST(LineBreaks, HardBreaksAreMandatoryAndCrLfIsOne) {
  const Opportunities found = opportunities("یک\nدو\r\nسه");
  EXPECT_EQ(found.mandatory, (std::vector<uint32_t>{3, 7}));
  EXPECT_EQ(found.allowed, (std::vector<uint32_t>{9}));
}

TEST(LineBreaks, FlagsAndEmojiSequencesAreNotSplit) {
  // libunibreak 1.1 stopped the process with a failed assertion on a regional indicator.
  const std::string text = "پرچم 🇮🇷🇦🇫 خانواده 👨‍👩‍👧 تمام";
  const std::u32string decoded = decode_utf8(text).text;
  const std::vector<uint32_t> allowed = opportunities(text).allowed;
  // Between the two flags a break is allowed; never inside one, nor inside the ZWJ family.
  EXPECT_EQ(allowed, (std::vector<uint32_t>{5, 7, 10, 18, 24, static_cast<uint32_t>(decoded.size())}));
}

TEST(LineBreaks, ALayoutWithFlagsWrapsAndKeepsEveryCharacter) {
  TextStyle style;
  style.max_width = 120;
  const std::string text = "پرچم 🇮🇷🇦🇫 خانواده 👨‍👩‍👧 تمام";
  const TextLayout& layout = shared_engine().layout(text, style);
  EXPECT_GE(layout.line_count(), 2);
  EXPECT_EQ(layout.lines.back().end_char, decode_utf8(text).text.size());
}

TEST(LineBreaks, EmptyTextHasNoOpportunities) { EXPECT_TRUE(icu_line_breaks(U"").empty()); }

}  // namespace
}  // namespace pk::ui::test
