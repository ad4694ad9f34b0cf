// Shaping: the glyphs the engine places are the ones HarfBuzz picks for the real fonts,
// with Persian joining, the lam-alef ligature, marks and ZWNJ done right.
#include <set>

#include "text_test_support.h"

namespace pk::ui::test {
namespace {

const FontPaths kFonts = FontPaths::debian_noto();

std::vector<uint32_t> glyph_ids(const TextLayout& layout) {
  std::vector<uint32_t> ids;
  for (const PositionedGlyph& glyph : layout.glyphs) ids.push_back(glyph.glyph_id);
  return ids;
}

TEST(Shaping, JoinedFormsDifferFromIsolatedForms) {
  const TextLayout& layout = shared_engine().layout("ببب", TextStyle{});
  ASSERT_EQ(layout.glyphs.size(), 3U);
  const std::vector<RefGlyph> isolated = reference_shape(kFonts.persian_regular, "ب");
  ASSERT_EQ(isolated.size(), 1U);
  std::set<uint32_t> forms;
  for (const PositionedGlyph& glyph : layout.glyphs) {
    EXPECT_NE(glyph.glyph_id, isolated[0].glyph_id) << "a joined beh was drawn in its isolated form";
    EXPECT_EQ(glyph.font, FontSlot::PersianRegular);
    forms.insert(glyph.glyph_id);
  }
  EXPECT_EQ(forms.size(), 3U) << "initial, medial and final forms should be three glyphs";
}

TEST(Shaping, MatchesHarfBuzzReferenceForPersianSentence) {
  const std::string sentence = "تمدید و تعویض مدارک اقامتی اتباع خارجی";
  TextStyle style;
  style.size_px = 32;
  const TextLayout& layout = shared_engine().layout(sentence, style);
  const std::vector<RefGlyph> reference = reference_shape(kFonts.persian_regular, sentence);
  ASSERT_EQ(layout.glyphs.size(), reference.size());
  const float scale = style.size_px / static_cast<float>(units_per_em(kFonts.persian_regular));
  float expected_width = 0;
  for (size_t i = 0; i < reference.size(); ++i) {
    EXPECT_EQ(layout.glyphs[i].glyph_id, reference[i].glyph_id) << "glyph " << i;
    EXPECT_FLOAT_EQ(layout.glyphs[i].advance, static_cast<float>(reference[i].advance) * scale)
        << "glyph " << i;
    expected_width += static_cast<float>(reference[i].advance) * scale;
  }
  EXPECT_NEAR(layout.natural_width, expected_width, 0.01);
}

TEST(Shaping, LamAlefIsOneGlyph) {
  const TextLayout& layout = shared_engine().layout("لا", TextStyle{});
  ASSERT_EQ(layout.glyphs.size(), 1U);
  EXPECT_EQ(layout.glyphs[0].cluster, 0U);
  EXPECT_NE(layout.glyphs[0].glyph_id, reference_shape(kFonts.persian_regular, "ل")[0].glyph_id);
  EXPECT_NE(layout.glyphs[0].glyph_id, reference_shape(kFonts.persian_regular, "ا")[0].glyph_id);
  EXPECT_NE(layout.glyphs[0].page, nullptr) << "the ligature must have ink";
}

TEST(Shaping, ZwnjBreaksJoining) {
  // "می‌خواهم" (with ZWNJ after ی) and "میخواهم": the yeh must be final (or isolated) in
  // the first and medial in the second.
  const std::string with_zwnj = "می\u200cخواهم";
  const std::string without = "میخواهم";
  const TextLayout& a = shared_engine().layout(with_zwnj, TextStyle{});
  const TextLayout& b = shared_engine().layout(without, TextStyle{});
  const std::vector<PositionedGlyph> yeh_a = glyphs_of(a, 1);
  const std::vector<PositionedGlyph> yeh_b = glyphs_of(b, 1);
  ASSERT_EQ(yeh_a.size(), 1U);
  ASSERT_EQ(yeh_b.size(), 1U);
  EXPECT_NE(yeh_a[0].glyph_id, yeh_b[0].glyph_id);
  // The kheh after the ZWNJ starts a new joining group: initial form, not medial.
  const std::vector<PositionedGlyph> kheh_a = glyphs_of(a, 3);
  const std::vector<PositionedGlyph> kheh_b = glyphs_of(b, 2);
  ASSERT_EQ(kheh_a.size(), 1U);
  ASSERT_EQ(kheh_b.size(), 1U);
  EXPECT_NE(kheh_a[0].glyph_id, kheh_b[0].glyph_id);
  // The ZWNJ itself is kept (so the text is not altered) but has no ink and no width.
  for (const PositionedGlyph& zwnj : glyphs_of(a, 2)) {
    EXPECT_EQ(zwnj.page, nullptr);
    EXPECT_EQ(zwnj.advance, 0.0F);
  }
  // And both agree glyph for glyph with HarfBuzz's reference.
  for (const std::string* text : {&with_zwnj, &without}) {
    std::vector<uint32_t> reference;
    for (const RefGlyph& glyph : reference_shape(kFonts.persian_regular, *text))
      reference.push_back(glyph.glyph_id);
    EXPECT_EQ(glyph_ids(shared_engine().layout(*text, TextStyle{})), reference);
  }
}

TEST(Shaping, MixedSentenceRunsMatchTheirReferenceShaping) {
  // Each direction/face run of a mixed sentence is shaped as HarfBuzz shapes that run.
  const TextLayout& layout = shared_engine().layout("کد رهگیری: 1 2345 678 ثبت شد (Saved)", TextStyle{});
  const auto ids_in = [&](uint32_t first, uint32_t end) {
    std::vector<uint32_t> ids;
    for (const PositionedGlyph& glyph : layout.glyphs) {
      if (glyph.cluster >= first && glyph.cluster < end) ids.push_back(glyph.glyph_id);
    }
    return ids;
  };
  const auto reference_ids = [](const std::string& font, const std::string& text) {
    std::vector<uint32_t> ids;
    for (const RefGlyph& glyph : reference_shape(font, text)) ids.push_back(glyph.glyph_id);
    return ids;
  };
  // کد0 1 sp2 رهگیری3-8 :9 sp10 | 1 = 11 ... | ثبت22-24 sp25 شد26-27 sp28 (29 Saved30-34 )35
  EXPECT_EQ(ids_in(0, 11), reference_ids(kFonts.persian_regular, "کد رهگیری: "));
  EXPECT_EQ(ids_in(22, 29), reference_ids(kFonts.persian_regular, "ثبت شد "));
  EXPECT_EQ(ids_in(30, 35), reference_ids(kFonts.latin_regular, "Saved"));
  EXPECT_EQ(ids_in(14, 15), (std::vector<uint32_t>{nominal_glyph(kFonts.persian_regular, U'3')}));
}

TEST(Shaping, MarksStayOnTheirBase) {
  const TextLayout& layout = shared_engine().layout("بِ", TextStyle{});  // beh + kasra
  ASSERT_EQ(layout.glyphs.size(), 2U);
  for (const PositionedGlyph& glyph : layout.glyphs) EXPECT_EQ(glyph.cluster, 0U);
  const PositionedGlyph& beh = layout.glyphs[0].advance > 0 ? layout.glyphs[0] : layout.glyphs[1];
  const PositionedGlyph& kasra = layout.glyphs[0].advance > 0 ? layout.glyphs[1] : layout.glyphs[0];
  EXPECT_EQ(kasra.advance, 0.0F);
  ASSERT_NE(kasra.page, nullptr);
  EXPECT_GT(kasra.y1, beh.y1 - 1) << "the kasra sits below the beh";
  EXPECT_LT(kasra.x0, beh.x1);
  EXPECT_GT(kasra.x1, beh.x0);
}

TEST(Shaping, PersianDigitsComeFromTheArabicUiFont) {
  for (const char* text : {"۰۱۲۳۴۵۶۷۸۹", "Code ۱۲۳"}) {
    const TextLayout& layout = shared_engine().layout(text, TextStyle{});
    int digits = 0;
    for (const PositionedGlyph& glyph : layout.glyphs) {
      const char32_t cp = layout.text[glyph.cluster];
      if (cp >= U'\u06F0' && cp <= U'\u06F9') {
        ++digits;
        EXPECT_EQ(glyph.font, FontSlot::PersianRegular) << text;
        EXPECT_EQ(glyph.glyph_id, nominal_glyph(kFonts.persian_regular, cp));
      }
    }
    EXPECT_GT(digits, 0) << text;
  }
}

TEST(Shaping, LatinUsesNotoSansAndBoldUsesBoldFaces) {
  TextStyle bold;
  bold.weight = Weight::Bold;
  const TextLayout& latin = shared_engine().layout("Saved", TextStyle{});
  const TextLayout& latin_bold = shared_engine().layout("Saved", bold);
  const TextLayout& persian_bold = shared_engine().layout("ثبت", bold);
  for (const PositionedGlyph& glyph : latin.glyphs) EXPECT_EQ(glyph.font, FontSlot::LatinRegular);
  for (const PositionedGlyph& glyph : latin_bold.glyphs) EXPECT_EQ(glyph.font, FontSlot::LatinBold);
  for (const PositionedGlyph& glyph : persian_bold.glyphs) EXPECT_EQ(glyph.font, FontSlot::PersianBold);
  EXPECT_GT(latin_bold.natural_width, latin.natural_width);
}

TEST(Shaping, CharacterMissingFromPersianFontFallsBackToLatin) {
  // Noto Sans Arabic UI has no parentheses; inside Persian text they must still show.
  const TextLayout& layout = shared_engine().layout("(ثبت)", TextStyle{});
  const std::vector<PositionedGlyph> open = glyphs_of(layout, 0);
  ASSERT_EQ(open.size(), 1U);
  EXPECT_NE(open[0].glyph_id, 0U) << ".notdef drawn for a parenthesis";
  EXPECT_EQ(open[0].font, FontSlot::LatinRegular);
  // Right to left, "(" is mirrored: it is drawn with the glyph of ")".
  EXPECT_EQ(open[0].glyph_id, nominal_glyph(kFonts.latin_regular, U')'));
}

}  // namespace
}  // namespace pk::ui::test
