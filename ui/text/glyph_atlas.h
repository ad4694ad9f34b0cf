#pragma once
// Glyph bitmaps rasterised with FreeType (grayscale anti-aliasing, light hinting) and
// packed on shelves into 1024x1024 RGBA pages, white with alpha = coverage, so the
// renderer can draw them tinted with any colour. A page is added when the last one is
// full; glyphs are cached by (face, glyph id, pixel size). Nothing is evicted one glyph at
// a time: reset() empties the whole atlas (the engine does it between frames when it has
// grown past a limit) and later glyphs reuse the same pages, so page pointers held by the
// renderer stay valid for the engine's life.
#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

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
  static constexpr int kPageSize = 1024;

  explicit GlyphAtlas(const FontSet& fonts) : m_fonts(fonts) {}

  // size_64 is the pixel size in 1/64 pixel.
  [[nodiscard]] const AtlasGlyph& glyph(FontSlot font, uint32_t glyph_id, int size_64);

  [[nodiscard]] const std::vector<std::unique_ptr<AtlasPage>>& pages() const { return m_pages; }
  [[nodiscard]] size_t glyph_count() const { return m_glyphs.size(); }
  [[nodiscard]] size_t pages_in_use() const { return m_pages_in_use; }

  // Forgets every glyph and clears every page (marked dirty); the pages are kept and
  // refilled from the first. Every layout built before is invalid afterwards.
  void reset();

 private:
  [[nodiscard]] AtlasGlyph rasterize(FontSlot font, uint32_t glyph_id, int size_64);
  // Finds room for a w x h bitmap; false when it cannot fit any page.
  [[nodiscard]] bool allocate(int width, int height, AtlasPage*& page, int& x, int& y);

  const FontSet& m_fonts;
  std::unordered_map<uint64_t, AtlasGlyph> m_glyphs;
  std::vector<std::unique_ptr<AtlasPage>> m_pages;
  size_t m_pages_in_use = 0;  // pages [0, m_pages_in_use) hold glyphs; the last one is filling
  int m_shelf_x = 0;          // packing cursor on the filling page
  int m_shelf_y = 0;
  int m_shelf_height = 0;
  std::array<int, kFontSlotCount> m_face_size{};  // size last set on each FreeType face
};

}  // namespace pk::ui
