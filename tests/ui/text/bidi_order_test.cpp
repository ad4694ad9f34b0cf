// Visual order: the glyphs of a line, read left to right, follow the Unicode bidi
// algorithm for mixed Persian, English, numbers and brackets; reordering is per line.
#include <algorithm>

#include "text_test_support.h"

namespace pk::ui::test {
namespace {

TEST(BidiOrder, PersianWithNumberHandWorkedOrder) {
  // س0 ل1 ا2 م3 space4 1 5 2 6 3 7: the number keeps its own order at the left, the word
  // reads right to left, and لا is one glyph (cluster 1).
  const TextLayout& layout = shared_engine().layout("سلام 123", TextStyle{});
  EXPECT_TRUE(layout.rtl);
  EXPECT_EQ(visual_clusters(layout), (std::vector<uint32_t>{5, 6, 7, 4, 3, 1, 0}));
}

TEST(BidiOrder, EnglishParagraphWithPersianWordHandWorkedOrder) {
  // H0 i1 space2 س3 ل4 ا5 م6 !7 : a left-to-right paragraph, the "!" at its end.
  const TextLayout& layout = shared_engine().layout("Hi سلام!", TextStyle{});
  EXPECT_FALSE(layout.rtl);
  EXPECT_EQ(visual_clusters(layout), (std::vector<uint32_t>{0, 1, 2, 6, 4, 3, 7}));
}

TEST(BidiOrder, TrackingCodeSentence) {
  const std::string text = "کد رهگیری: 1 2345 678 ثبت شد (Saved)";
  const TextLayout& layout = shared_engine().layout(text, TextStyle{});
  ASSERT_TRUE(layout.rtl);
  ASSERT_EQ(layout.line_count(), 1);
  const std::u32string& t = layout.text;
  const auto pos = [&](char32_t cp, size_t nth = 0) {
    size_t index = t.find(cp);
    while (nth-- > 0) index = t.find(cp, index + 1);
    EXPECT_NE(index, std::u32string::npos);
    return visual_position(layout, static_cast<uint32_t>(index));
  };
  // Each number reads left to right...
  EXPECT_LT(pos(U'2'), pos(U'3'));
  EXPECT_LT(pos(U'3'), pos(U'4'));
  EXPECT_LT(pos(U'4'), pos(U'5'));
  EXPECT_LT(pos(U'6'), pos(U'7'));
  EXPECT_LT(pos(U'7'), pos(U'8'));
  // ...while the groups follow the sentence from right to left: 1, then 2345, then 678.
  EXPECT_LT(pos(U'8'), pos(U'2'));
  EXPECT_LT(pos(U'5'), pos(U'1'));
  // "کد" is the first word: at the right end, its letters right to left.
  const std::vector<uint32_t> clusters = visual_clusters(layout);
  EXPECT_EQ(clusters.back(), 0U);
  EXPECT_LT(visual_position(layout, 1), visual_position(layout, 0));
  // The colon follows رهگیری (ی at index 8), so it sits to its left, right of the numbers.
  EXPECT_LT(pos(U':'), visual_position(layout, 8));
  EXPECT_GT(pos(U':'), pos(U'1'));
  // "(Saved)" ends the sentence: at the left end, "Saved" left to right, inside brackets.
  EXPECT_LT(pos(U'S'), pos(U'a'));
  EXPECT_LT(pos(U'a'), pos(U'v'));
  EXPECT_LT(pos(U'v'), pos(U'e'));
  EXPECT_LT(pos(U'e'), pos(U'd'));
  EXPECT_EQ(pos(U')'), 0) << "the closing bracket is the leftmost glyph";
  EXPECT_LT(pos(U'd'), pos(U'('));
  EXPECT_LT(pos(U'('), pos(U'ش'));
  EXPECT_LT(pos(U'ش'), pos(U'ث'));
  EXPECT_LT(pos(U'ث'), pos(U'6'));
}

TEST(BidiOrder, AutoDirectionIsTheFirstStrongCharacter) {
  EXPECT_TRUE(shared_engine().layout("123 سلام abc", TextStyle{}).rtl);
  EXPECT_FALSE(shared_engine().layout("123 abc سلام", TextStyle{}).rtl);
  EXPECT_FALSE(shared_engine().layout("123", TextStyle{}).rtl);
  TextStyle forced;
  forced.direction = BaseDirection::RightToLeft;
  EXPECT_TRUE(shared_engine().layout("abc", forced).rtl);
  forced.direction = BaseDirection::LeftToRight;
  const TextLayout& ltr = shared_engine().layout("سلام abc", forced);
  EXPECT_FALSE(ltr.rtl);
  // In a left-to-right paragraph the Persian word comes first from the left. (With a
  // number instead of "abc" it would not: rule N1 binds a number to the Persian word.)
  EXPECT_EQ(visual_clusters(ltr), (std::vector<uint32_t>{3, 1, 0, 4, 5, 6, 7}));
}

// Staff's notes: any Persian letter makes the paragraph right to left, even after a Latin
// word; Persian digits alone (a number in an English note) do not.
TEST(BidiOrder, DirectionByScriptLooksForArabicScriptLetters) {
  EXPECT_EQ(direction_by_script("Bring the original passport."), BaseDirection::LeftToRight);
  EXPECT_EQ(direction_by_script("USB چاپگر خراب بود"), BaseDirection::RightToLeft);
  EXPECT_EQ(direction_by_script("اصل گذرنامه را بیاورید."), BaseDirection::RightToLeft);
  EXPECT_EQ(direction_by_script("Credit: ۵۰۰٬۰۰۰ rials"), BaseDirection::LeftToRight);
  EXPECT_EQ(direction_by_script(""), BaseDirection::LeftToRight);
}

TEST(BidiOrder, EachWrappedLineIsReorderedOnItsOwn) {
  // سلام0-3 sp4 hello5-9 sp10 دنیا11-14 sp15 world16-20. Two words a line: each line has
  // its Persian word on the right and the English word on the left. Reordering the whole
  // paragraph first and cutting it afterwards would mix the words up between lines.
  TextStyle style;
  const float first = shared_engine().layout("سلام hello", style).natural_width;
  const float second = shared_engine().layout("دنیا world", style).natural_width;
  style.max_width = std::max(first, second) + 4;
  const TextLayout& layout = shared_engine().layout("سلام hello دنیا world", style);
  ASSERT_EQ(layout.line_count(), 2);
  EXPECT_EQ(layout.lines[0].first_char, 0U);
  EXPECT_EQ(layout.lines[1].first_char, 11U);
  EXPECT_LT(visual_position(layout, 5, 0), visual_position(layout, 0, 0));
  EXPECT_LT(visual_position(layout, 16, 1), visual_position(layout, 11, 1));
  for (size_t line = 0; line < 2; ++line) {
    for (uint32_t cluster : visual_clusters(layout, line)) {
      EXPECT_GE(cluster, layout.lines[line].first_char);
      EXPECT_LT(cluster, layout.lines[line].end_char);
    }
  }
}

}  // namespace
}  // namespace pk::ui::test
