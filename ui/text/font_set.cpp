#include "ui/text/font_set.h"

#include <algorithm>
#include <string>
#include <utility>

namespace pk::ui {

FontPaths FontPaths::debian_noto() {
  const std::string dir = "/usr/share/fonts/truetype/noto/";
  return FontPaths{dir + "NotoSansArabicUI-Regular.ttf", dir + "NotoSansArabicUI-Bold.ttf",
                   dir + "NotoSans-Regular.ttf", dir + "NotoSans-Bold.ttf"};
}

FontSlot slot_for(FontFamily family, Weight weight) {
  const bool bold = weight == Weight::Bold;
  if (family == FontFamily::Persian) return bold ? FontSlot::PersianBold : FontSlot::PersianRegular;
  return bold ? FontSlot::LatinBold : FontSlot::LatinRegular;
}

FontFamily family_of(FontSlot slot) {
  return slot == FontSlot::PersianRegular || slot == FontSlot::PersianBold ? FontFamily::Persian
                                                                           : FontFamily::Latin;
}

Result<std::unique_ptr<FontSet>> FontSet::load(const FontPaths& paths) {
  std::unique_ptr<FontSet> set(new FontSet());
  if (FT_Init_FreeType(&set->m_library) != 0) {
    return make_error("text engine: FreeType could not be initialised");
  }
  const std::array<const std::string*, kFontSlotCount> files{&paths.persian_regular, &paths.persian_bold,
                                                             &paths.latin_regular, &paths.latin_bold};
  for (size_t i = 0; i < kFontSlotCount; ++i) {
    const std::string& file = *files[i];
    Face& face = set->m_faces[i];
    if (FT_New_Face(set->m_library, file.c_str(), 0, &face.ft_face) != 0) {
      face.ft_face = nullptr;
      return make_error("text engine: cannot open font file '" + file +
                        "' (missing or not a font; Debian packages fonts-noto-ui-core, fonts-noto-core)");
    }
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
    if (blob == nullptr) return make_error("text engine: cannot read font file '" + file + "'");
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    face.hb_font = hb_font_create(hb_face);
    face.upem = static_cast<float>(hb_face_get_upem(hb_face));
    const unsigned glyphs = hb_face_get_glyph_count(hb_face);
    hb_face_destroy(hb_face);
    if (glyphs == 0) return make_error("text engine: font file '" + file + "' has no glyphs");
    hb_font_extents_t extents{};
    hb_font_get_h_extents(face.hb_font, &extents);
    face.ascender = static_cast<float>(extents.ascender);
    face.descender = static_cast<float>(-extents.descender);
  }
  return Result<std::unique_ptr<FontSet>>(std::move(set));
}

FontSet::~FontSet() {
  for (Face& face : m_faces) {
    if (face.hb_font != nullptr) hb_font_destroy(face.hb_font);
    if (face.ft_face != nullptr) FT_Done_Face(face.ft_face);
  }
  if (m_library != nullptr) FT_Done_FreeType(m_library);
}

bool FontSet::has_glyph(FontSlot slot, char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font(slot), cp, &glyph) && glyph != 0;
}

float FontSet::ascent(FontSlot slot, float size_px) const {
  const Face& face = m_faces[index(slot)];
  return face.ascender * size_px / face.upem;
}

float FontSet::descent(FontSlot slot, float size_px) const {
  const Face& face = m_faces[index(slot)];
  return face.descender * size_px / face.upem;
}

}  // namespace pk::ui
