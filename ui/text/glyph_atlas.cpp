#include "ui/text/glyph_atlas.h"

#include <algorithm>

namespace pk::ui {
namespace {

constexpr uint32_t kEmptyPixel = 0x00FFFFFFu;
constexpr int kPadding = 1;  // empty pixels around each bitmap so bilinear sampling
                             // never picks up a neighbour

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
  if (!allocate(width, height, result.page, result.x, result.y)) return result;
  result.width = width;
  result.height = height;
  for (int row = 0; row < height; ++row) {
    const unsigned char* src = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
    uint32_t* dst = result.page->rgba.data() + static_cast<size_t>(result.y + row) * kPageSize + result.x;
    for (int col = 0; col < width; ++col) {
      dst[col] = (static_cast<uint32_t>(src[col]) << 24) | 0x00FFFFFFu;
    }
  }
  result.page->dirty = true;
  return result;
}

bool GlyphAtlas::allocate(int width, int height, AtlasPage*& page, int& x, int& y) {
  const int w = width + kPadding;
  const int h = height + kPadding;
  if (w + kPadding > kPageSize || h + kPadding > kPageSize) return false;
  if (m_pages_in_use > 0 && m_shelf_x + w > kPageSize) {  // next shelf
    m_shelf_y += m_shelf_height;
    m_shelf_x = kPadding;
    m_shelf_height = 0;
  }
  if (m_pages_in_use == 0 || m_shelf_y + h > kPageSize) {  // next page: a recycled one or a new one
    if (m_pages_in_use == m_pages.size()) {
      auto fresh = std::make_unique<AtlasPage>();
      fresh->width = kPageSize;
      fresh->height = kPageSize;
      // Transparent white, so that filtering at a glyph's edge fades alpha only.
      fresh->rgba.assign(static_cast<size_t>(kPageSize) * kPageSize, kEmptyPixel);
      m_pages.push_back(std::move(fresh));
    }
    ++m_pages_in_use;
    m_shelf_x = kPadding;
    m_shelf_y = kPadding;
    m_shelf_height = 0;
  }
  page = m_pages[m_pages_in_use - 1].get();
  x = m_shelf_x;
  y = m_shelf_y;
  m_shelf_x += w;
  if (h > m_shelf_height) m_shelf_height = h;
  return true;
}

void GlyphAtlas::reset() {
  m_glyphs.clear();
  for (const auto& page : m_pages) {
    std::fill(page->rgba.begin(), page->rgba.end(), kEmptyPixel);
    page->dirty = true;
  }
  m_pages_in_use = 0;
}

}  // namespace pk::ui
