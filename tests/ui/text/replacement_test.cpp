// Nothing vanishes silently: ill-formed UTF-8, unassigned code points, controls and
// characters no font holds all show as U+FFFD, and nothing crashes.
#include "text_test_support.h"

namespace pk::ui::test {
namespace {

const FontPaths kFonts = FontPaths::debian_noto();

void expect_replacement_at(const TextLayout& layout, uint32_t index) {
  ASSERT_LT(index, layout.text.size());
  EXPECT_EQ(layout.text[index], U'\uFFFD');
  const std::vector<PositionedGlyph> glyphs = glyphs_of(layout, index);
  ASSERT_EQ(glyphs.size(), 1U);
  EXPECT_EQ(glyphs[0].glyph_id, nominal_glyph(kFonts.latin_regular, U'\uFFFD'));
  EXPECT_NE(glyphs[0].glyph_id, 0U);
  EXPECT_NE(glyphs[0].page, nullptr) << "U+FFFD must have ink";
}

TEST(Replacement, InvalidUtf8ShowsReplacementGlyph) {
  const TextLayout& layout = shared_engine().layout(
      "a\xFF"
      "b",
      TextStyle{});
  ASSERT_EQ(layout.text.size(), 3U);
  expect_replacement_at(layout, 1);
  EXPECT_EQ(layout.byte_offsets[2], 2U);
}

TEST(Replacement, TruncatedSequenceInsidePersianShowsReplacement) {
  // "سلام" with the second byte of its last letter cut off.
  const std::string broken = std::string("سلا") + "\xD9";
  const TextLayout& layout = shared_engine().layout(broken, TextStyle{});
  ASSERT_EQ(layout.text.size(), 4U);
  expect_replacement_at(layout, 3);
  EXPECT_TRUE(layout.rtl);
}

TEST(Replacement, UnassignedAndControlAndUncoveredCharacters) {
  // U+0378 is unassigned, U+0001 a control, U+4E2D (CJK) is in neither font.
  const TextLayout& layout = shared_engine().layout("x\u0378y\x01z中", TextStyle{});
  ASSERT_EQ(layout.text.size(), 6U);
  expect_replacement_at(layout, 1);
  expect_replacement_at(layout, 3);
  expect_replacement_at(layout, 5);
  EXPECT_EQ(layout.text[0], U'x');
}

TEST(Replacement, NoGlyphIsNotdef) {
  const TextLayout& layout =
      shared_engine().layout("\xC0\x80 \xED\xA0\x80 \xF4\x90\x80\x80 \uFFFF سلام \U0010FFFD", TextStyle{});
  ASSERT_FALSE(layout.glyphs.empty());
  for (const PositionedGlyph& glyph : layout.glyphs) {
    EXPECT_NE(glyph.glyph_id, 0U) << "notdef at cluster " << glyph.cluster;
  }
}

}  // namespace
}  // namespace pk::ui::test
