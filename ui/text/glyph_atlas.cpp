#include "ui/text/glyph_atlas.h"

namespace pk::ui {
namespace {

uint64_t key_of(FontSlot font, uint32_t glyph_id, int size_64) {
  return (static_cast<uint64_t>(font) << 56) | (static_cast<uint64_t>(static_cast<uint32_t>(size_64)) << 32) |
         glyph_id;
}

}  // namespace

const AtlasGlyph& GlyphAtlas::glyph(FontSlot font, uint32_t glyph_id, int size_64) {
  const uint64_t key = key_of(font, glyph_id, size_64);
  auto found = m_glyphs.find(key);
  if (found != m_glyphs.end()) return found->second;
  return m_glyphs.emplace(key, rasterize(font, glyph_id, size_64)).first->second;
}

AtlasGlyph GlyphAtlas::rasterize(FontSlot font, uint32_t glyph_id, int size_64) {
  AtlasGlyph result;
  FT_Face face = m_fonts.ft_face(font);
  int& current_size = m_face_size[static_cast<size_t>(font)];
  if (current_size != size_64) {
    // 72 dpi makes FreeType's points equal pixels, and 26.6 sizes allow fractional pixels.
    if (FT_Set_Char_Size(face, 0, size_64, 72, 72) != 0) return result;
    current_size = size_64;
  }
  if (FT_Load_Glyph(face, glyph_id, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) return result;
  if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) return result;
  const FT_Bitmap& bitmap = face->glyph->bitmap;
  result.left = face->glyph->bitmap_left;
  result.top = face->glyph->bitmap_top;
  const int width = static_cast<int>(bitmap.width);
  const int height = static_cast<int>(bitmap.rows);
  if (width == 0 || height == 0 || bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) return result;
  const AtlasPages::Spot spot = m_pages.allocate(width, height);
  if (!spot.page) return result;
  result.page = spot.page;
  result.x = spot.x;
  result.y = spot.y;
  result.width = width;
  result.height = height;
  AtlasPages::put_coverage(spot, width, height, bitmap.buffer, bitmap.pitch);
  return result;
}

void GlyphAtlas::reset() {
  m_glyphs.clear();
  m_pages.clear();
}

}  // namespace pk::ui
