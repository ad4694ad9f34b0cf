// Line breaking: lines fit the width, nothing is lost, hard breaks are kept, max_lines cuts
// with an ellipsis, and alignment puts Start at the right edge of a Persian paragraph.
#include <set>

#include "text_test_support.h"

namespace pk::ui::test {
namespace {

const std::string kParagraph =
    "اعطای تابعیت، موضوع ماده واحده تعیین تکلیف فرزندان حاصل از ازدواج مردان خارجی با زنان ایرانی؛ مدارک لازم: کارت آمایش، گذرنامه (Passport) و ۲ قطعه عکس. هزینه: 1,250,000 ریال. برای پیگیری به دفتر پیشخوان مراجعه کنید و کد رهگیری را نگه دارید.";

std::set<uint32_t> clusters_of(const TextLayout& layout) {
  std::set<uint32_t> clusters;
  for (const PositionedGlyph& glyph : layout.glyphs) clusters.insert(glyph.cluster);
  return clusters;
}

TEST(Wrap, EveryLineFitsAndNoCharacterIsLost) {
  const TextLayout unwrapped = shared_engine().layout(kParagraph, TextStyle{});
  ASSERT_EQ(unwrapped.line_count(), 1);
  int previous_lines = 1;
  for (float width : {600.0F, 420.0F, 333.0F, 200.0F, 120.0F}) {
    TextStyle style;
    style.max_width = width;
    const TextLayout& layout = shared_engine().layout(kParagraph, style);
    EXPECT_GE(layout.line_count(), previous_lines) << width;
    previous_lines = layout.line_count();
    uint32_t expected_start = 0;
    for (const TextLine& line : layout.lines) {
      EXPECT_EQ(line.first_char, expected_start) << "lines must tile the text";
      expected_start = line.end_char;
      EXPECT_LE(line.width, width) << "line at char " << line.first_char << " with width " << width;
      EXPECT_GE(line.left, 0.0F);
      EXPECT_LE(line.left + line.width, width + 0.5F);
    }
    EXPECT_EQ(expected_start, layout.text.size());
    EXPECT_EQ(clusters_of(layout), clusters_of(unwrapped))
        << "a wrapped layout lost or invented a cluster at " << width;
    EXPECT_FLOAT_EQ(layout.size.y, static_cast<float>(layout.line_count()) * layout.line_height);
    EXPECT_LE(layout.natural_width, width);
  }
  EXPECT_GE(previous_lines, 8);
}

TEST(Wrap, WordWiderThanTheLineIsSplitBetweenClusters) {
  TextStyle style;
  style.max_width = 60;
  const TextLayout& layout = shared_engine().layout("اعطایتابعیتموضوعماده", style);
  EXPECT_GT(layout.line_count(), 2);
  for (const TextLine& line : layout.lines) EXPECT_LE(line.width, style.max_width);
  EXPECT_EQ(clusters_of(layout).size(),
            clusters_of(shared_engine().layout("اعطایتابعیتموضوعماده", {})).size());
}

TEST(Wrap, HardLineBreaksStartNewLines) {
  const TextLayout& layout = shared_engine().layout("سطر اول\nسطر دوم\r\nسوم", TextStyle{});
  ASSERT_EQ(layout.line_count(), 3);
  EXPECT_EQ(layout.text[layout.lines[0].end_char - 1], U'\n');
  for (const PositionedGlyph& glyph : layout.glyphs) {
    EXPECT_NE(glyph.glyph_id, 0U) << "a line break was drawn as .notdef";
  }
}

TEST(Wrap, MaxLinesEndsTheLastLineWithAnEllipsis) {
  TextStyle style;
  style.max_width = 300;
  style.max_lines = 2;
  const TextLayout& layout = shared_engine().layout(kParagraph, style);
  ASSERT_EQ(layout.line_count(), 2);
  EXPECT_TRUE(layout.truncated);
  ASSERT_EQ(layout.text.back(), U'\u2026');
  const auto ellipsis = static_cast<uint32_t>(layout.text.size() - 1);
  const std::vector<PositionedGlyph> glyphs = glyphs_of(layout, ellipsis);
  ASSERT_EQ(glyphs.size(), 1U);
  EXPECT_NE(glyphs[0].glyph_id, 0U);
  EXPECT_NE(glyphs[0].page, nullptr);
  EXPECT_EQ(layout.lines[1].end_char, layout.text.size());
  EXPECT_LE(layout.lines[1].width, style.max_width);
  // The paragraph is right to left, so the ellipsis ends the line at its left.
  EXPECT_EQ(visual_position(layout, ellipsis, 1), 0);
  // What is kept is the text's beginning, unchanged.
  const std::u32string kept = layout.text.substr(0, layout.text.size() - 1);
  EXPECT_EQ(shared_engine().layout(kParagraph, TextStyle{}).text.substr(0, kept.size()), kept);
  EXPECT_EQ(layout.byte_offsets.back(), kParagraph.size());
}

TEST(Wrap, MaxLinesWithoutWidthCutsAtHardBreaks) {
  TextStyle style;
  style.max_lines = 2;
  const TextLayout& layout = shared_engine().layout("one\ntwo\nthree", style);
  ASSERT_EQ(layout.line_count(), 2);
  EXPECT_TRUE(layout.truncated);
  EXPECT_EQ(layout.text, U"one\ntwo\u2026");
}

TEST(Wrap, TextThatFitsIsNotTruncated) {
  TextStyle style;
  style.max_width = 600;
  style.max_lines = 3;
  const TextLayout& layout = shared_engine().layout("ثبت شد", style);
  EXPECT_EQ(layout.line_count(), 1);
  EXPECT_FALSE(layout.truncated);
}

TEST(Wrap, AlignmentFollowsTheParagraphDirection) {
  TextStyle style;
  style.max_width = 400;
  const auto line = [&](const char* text, TextAlign align) {
    style.align = align;
    return shared_engine().layout(text, style).lines.at(0);
  };
  const TextLine rtl_start = line("ثبت شد", TextAlign::Start);
  EXPECT_NEAR(rtl_start.left + rtl_start.width, 400, 1.0);
  EXPECT_NEAR(line("ثبت شد", TextAlign::End).left, 0, 1.0);
  const TextLine centered = line("ثبت شد", TextAlign::Center);
  EXPECT_NEAR(centered.left, (400 - centered.width) / 2, 1.0);
  EXPECT_NEAR(line("Saved", TextAlign::Start).left, 0, 1.0);
  const TextLine ltr_end = line("Saved", TextAlign::End);
  EXPECT_NEAR(ltr_end.left + ltr_end.width, 400, 1.0);
}

TEST(Wrap, MeasureMatchesLayout) {
  const ImVec2 one = shared_engine().measure("ثبت شد", TextStyle{});
  EXPECT_GT(one.x, 10);
  EXPECT_GT(one.y, 20);
  TextStyle style;
  style.size_px = 48;
  const ImVec2 big = shared_engine().measure("ثبت شد", style);
  EXPECT_NEAR(big.x, one.x * 2, 2.0);
  EXPECT_NEAR(big.y, one.y * 2, 2.0);
  const ImVec2 empty = shared_engine().measure("", TextStyle{});
  EXPECT_EQ(empty.x, 0);
  EXPECT_EQ(empty.y, one.y) << "an empty string still takes one line, as in ImGui";
}

}  // namespace
}  // namespace pk::ui::test
