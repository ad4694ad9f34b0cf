#pragma once
// Glyph bitmaps rasterised with FreeType (grayscale anti-aliasing, light hinting) into
// atlas pages (ui/text/atlas_pages.h: shelves on 1024x1024 RGBA pages, white with alpha =
// coverage, shared with the pictogram atlas); glyphs are cached by (face, glyph id, pixel
// size). Nothing is evicted one glyph at a time: reset() empties the whole atlas (the engine
// does it between frames when it has grown past a limit) and later glyphs reuse the same
// pages, so page pointers held by the renderer stay valid for the engine's life.
#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "ui/text/atlas_pages.h"
#include "ui/text/font_set.h"
#include "ui/text/text_layout.h"

namespace pk::ui {

struct AtlasGlyph {
  AtlasPage* page = nullptr;  // nullptr: no ink (space) or too large for a page
  int x = 0, y = 0;           // top-left of the bitmap in the page
  int width = 0, height = 0;
  int left = 0;  // bitmap's left edge relative to the pen position
  int top = 0;   // bitmap's top edge above the baseline
};

class GlyphAtlas {
 public:
  static constexpr int kPageSize = AtlasPages::kPageSize;

  explicit GlyphAtlas(const FontSet& fonts) : m_fonts(fonts) {}

  // size_64 is the pixel size in 1/64 pixel.
  [[nodiscard]] const AtlasGlyph& glyph(FontSlot font, uint32_t glyph_id, int size_64);

  [[nodiscard]] const std::vector<std::unique_ptr<AtlasPage>>& pages() const { return m_pages.pages(); }
  [[nodiscard]] size_t glyph_count() const { return m_glyphs.size(); }
  [[nodiscard]] size_t pages_in_use() const { return m_pages.pages_in_use(); }

  // Forgets every glyph and clears every page (marked dirty); the pages are kept and
  // refilled from the first. Every layout built before is invalid afterwards.
  void reset();

 private:
  [[nodiscard]] AtlasGlyph rasterize(FontSlot font, uint32_t glyph_id, int size_64);

  const FontSet& m_fonts;
  std::unordered_map<uint64_t, AtlasGlyph> m_glyphs;
  AtlasPages m_pages;
  std::array<int, kFontSlotCount> m_face_size{};  // size last set on each FreeType face
};

}  // namespace pk::ui
