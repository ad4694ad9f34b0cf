#pragma once
// The four faces, opened once: a HarfBuzz font for shaping (kept at the face's own units
// per em, so shaping results are exact and scaled to pixels by the caller) and a FreeType
// face for rasterising.
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <array>
#include <memory>

#include "domain/result.h"
#include "ui/text/text_layout.h"
#include "ui/text/text_style.h"

namespace pk::ui {

inline constexpr size_t kFontSlotCount = 4;

class FontSet {
 public:
  [[nodiscard]] static Result<std::unique_ptr<FontSet>> load(const FontPaths& paths);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  [[nodiscard]] hb_font_t* hb_font(FontSlot slot) const { return m_faces[index(slot)].hb_font; }
  [[nodiscard]] FT_Face ft_face(FontSlot slot) const { return m_faces[index(slot)].ft_face; }
  [[nodiscard]] float units_per_em(FontSlot slot) const { return m_faces[index(slot)].upem; }
  [[nodiscard]] bool has_glyph(FontSlot slot, char32_t cp) const;

  // Ascent and descent (both positive, in pixels) of a face at a pixel size, from the
  // font's horizontal header, so that lines have the same height whatever they contain.
  [[nodiscard]] float ascent(FontSlot slot, float size_px) const;
  [[nodiscard]] float descent(FontSlot slot, float size_px) const;

 private:
  struct Face {
    hb_font_t* hb_font = nullptr;
    FT_Face ft_face = nullptr;
    float upem = 1000;
    float ascender = 0;   // font units
    float descender = 0;  // font units, positive
  };
  FontSet() = default;
  static size_t index(FontSlot slot) { return static_cast<size_t>(slot); }

  FT_Library m_library = nullptr;
  std::array<Face, kFontSlotCount> m_faces{};
};

// The face a character of the given family and weight is shaped with.
enum class FontFamily : uint8_t { Persian, Latin };
[[nodiscard]] FontSlot slot_for(FontFamily family, Weight weight);
[[nodiscard]] FontFamily family_of(FontSlot slot);

}  // namespace pk::ui
