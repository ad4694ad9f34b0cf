// Caret geometry on shaped, reordered lines (ui/text/caret.h) and grapheme boundaries
// (ui/text/graphemes.h), checked against HarfBuzz's own shaping of the same font.
#include "ui/text/caret.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "text_test_support.h"
#include "ui/text/graphemes.h"

namespace pk::ui::test {
namespace {

constexpr float kSize = 32;

const TextLayout& line_of(const char* utf8, BaseDirection direction = BaseDirection::RightToLeft) {
  return shared_engine().layout(utf8, TextStyle{.size_px = kSize, .direction = direction});
}

TEST(Graphemes, APersianLetterWithItsMarkIsOneAndZwnjStandsAlone) {
  // ب + kasra, then م ی ZWNJ ر
  EXPECT_EQ(grapheme_boundaries(U"\u0628\u0650\u0645\u06CC\u200C\u0631"),
            (std::vector<uint32_t>{0, 2, 3, 4, 5, 6}));
  // shadda + fatha on one letter: three code points, one grapheme
  EXPECT_EQ(grapheme_boundaries(U"\u0634\u0651\u064E"), (std::vector<uint32_t>{0, 3}));
  EXPECT_EQ(grapheme_boundaries(U"a\r\nb"), (std::vector<uint32_t>{0, 1, 3, 4}));
  // Two flags are two pairs of regional indicators; a ZWJ family is one grapheme.
  EXPECT_EQ(grapheme_boundaries(U"\U0001F1EE\U0001F1F7\U0001F1E6\U0001F1EB"),
            (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(grapheme_boundaries(U"\U0001F468\u200D\U0001F469\u200D\U0001F467"),
            (std::vector<uint32_t>{0, 5}));
  EXPECT_EQ(grapheme_boundaries(U""), (std::vector<uint32_t>{0}));
  EXPECT_EQ(grapheme_byte_boundaries("\u0628\u0650x"), (std::vector<size_t>{0, 4, 5}));
}

TEST(Caret, PersianCaretStopsAreHarfBuzzClusterAdvancesFromTheRight) {
  const char* word = "پیشخوان";  // seven letters, no ligature
  const TextLayout& layout = line_of(word);
  const CaretMap map(layout);
  const std::string font = FontPaths::debian_noto().persian_regular;
  const std::vector<RefGlyph> ref = reference_shape(font, word);
  ASSERT_EQ(ref.size(), 7U);
  const float scale = kSize / static_cast<float>(units_per_em(font));
  const TextLine& line = layout.lines[0];
  EXPECT_NEAR(map.x_of(0), line.left + line.width, 0.01);  // the start is the right edge
  EXPECT_NEAR(map.x_of(7), line.left, 0.01);
  for (uint32_t k = 0; k < 7; ++k)  // HarfBuzz lists the glyphs left to right: the last letter first
    EXPECT_NEAR(map.x_of(k) - map.x_of(k + 1), static_cast<float>(ref[6 - k].advance) * scale, 0.01) << k;
}

TEST(Caret, LamAlefLigatureIsSharedBetweenItsTwoLetters) {
  const TextLayout& layout = line_of("لا");
  const CaretMap map(layout);
  ASSERT_EQ(map.boundaries(), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_GT(map.x_of(0), map.x_of(1));
  EXPECT_GT(map.x_of(1), map.x_of(2));
  EXPECT_NEAR(map.x_of(0) - map.x_of(1), map.x_of(1) - map.x_of(2), 0.01);
}

// "سلام 123 abc" in a right-to-left field: سلام on the right, then 123 and abc reading left
// to right inside it.
TEST(Caret, MixedDirectionPositionsFollowEachRunsDirection) {
  const TextLayout& layout = line_of("سلام 123 abc");
  const CaretMap map(layout);
  for (uint32_t k = 0; k < 4; ++k) EXPECT_GT(map.x_of(k), map.x_of(k + 1)) << k;  // Persian: leftwards
  EXPECT_LT(map.x_of(5), map.x_of(6));                                            // digits: rightwards
  EXPECT_LT(map.x_of(6), map.x_of(7));
  EXPECT_LT(map.x_of(9), map.x_of(10));  // Latin: rightwards
  EXPECT_LT(map.x_of(10), map.x_of(11));
  // The digits sit left of the Persian word, the Latin word left of the digits.
  EXPECT_LT(map.x_of(7), map.x_of(4));
  EXPECT_LT(map.x_of(11), map.x_of(5));
  // Every caret stop hit-tests back to itself.
  std::set<float> xs;
  for (uint32_t b : map.boundaries()) {
    if (!xs.insert(map.x_of(b)).second) continue;
    EXPECT_EQ(map.hit_test(map.x_of(b) + 0.3F), b) << b;
  }
  // A touch beyond either end lands on the nearest end of the line.
  EXPECT_EQ(map.hit_test(layout.lines[0].left + layout.lines[0].width + 50), 0U);
}

TEST(Caret, ArrowsMoveOnScreenAcrossADirectionBoundary) {
  const TextLayout& layout = line_of("سلام 123");
  const CaretMap map(layout);
  // From the rightmost stop, Left walks every distinct stop to the leftmost, x falling each time.
  uint32_t at = map.hit_test(1e6F);
  std::vector<float> seen{map.x_of(at)};
  for (int step = 0; step < 20; ++step) {
    const uint32_t next = map.move_visual(at, -1);
    if (next == at) break;
    EXPECT_LT(map.x_of(next), seen.back());
    seen.push_back(map.x_of(next));
    at = next;
  }
  std::set<float> distinct;
  for (uint32_t b : map.boundaries()) distinct.insert(map.x_of(b));
  EXPECT_EQ(seen.size(), distinct.size());
  // Crossing from the Persian word into the digits: from before the space (position 4, at the
  // space's right edge) Left lands on the right edge of "123", which is the end of the text
  // (8); Left again goes between 2 and 3 (7): the digits are walked in their own order.
  EXPECT_EQ(map.move_visual(4, -1), 8U);
  EXPECT_EQ(map.move_visual(8, -1), 7U);
  EXPECT_EQ(map.move_visual(7, +1), 8U);
  EXPECT_EQ(map.move_visual(8, +1), 4U);
  // The digits' start (5) is the left end of the line: Left stays, Right goes between 1 and 2.
  EXPECT_EQ(map.move_visual(5, -1), 5U);
  EXPECT_EQ(map.move_visual(5, +1), 6U);
  // Right from the rightmost stop stays put.
  EXPECT_EQ(map.move_visual(0, +1), 0U);
}

TEST(Caret, SelectionAcrossRunsIsOneRectanglePerVisualPiece) {
  // Logical [2, 6) = "ام" + space + "1": on screen the "1" is the left end of "123",
  // separated from the space by "23", so two rectangles.
  const TextLayout& layout = line_of("سلام 123");
  const CaretMap map(layout);
  const std::vector<CaretMap::Span> spans = map.selection(6, 2);
  ASSERT_EQ(spans.size(), 2U);
  EXPECT_LT(spans[0].right, spans[1].left);
  EXPECT_NEAR(spans[0].left, map.x_of(5), 0.01);  // the "1"
  EXPECT_NEAR(spans[0].right, map.x_of(6), 0.01);
  EXPECT_NEAR(spans[1].right, map.x_of(2), 0.01);  // up to where ا starts
  // Within one run it is one rectangle between the two carets.
  const std::vector<CaretMap::Span> within = map.selection(1, 3);
  ASSERT_EQ(within.size(), 1U);
  EXPECT_NEAR(within[0].left, map.x_of(3), 0.01);
  EXPECT_NEAR(within[0].right, map.x_of(1), 0.01);
  EXPECT_TRUE(map.selection(3, 3).empty());
}

}  // namespace
}  // namespace pk::ui::test
