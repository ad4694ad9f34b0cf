// The two ways a layout leaves the engine: ImGui draw commands for the screen, and a
// coverage image for receipts and tests. Both read the same atlas bitmaps, so what a test
// sees in the image is what the kiosk draws.
#include <algorithm>

#include "ui/text/text_engine.h"

namespace pk::ui {

void TextEngine::draw(ImDrawList* draw_list, ImVec2 top_left, const TextLayout& layout, ImU32 color) const {
  if (draw_list == nullptr) return;
  AtlasPage* bound = nullptr;
  for (const PositionedGlyph& glyph : layout.glyphs) {
    if (glyph.page == nullptr) continue;
    if (glyph.page != bound) {
      if (bound != nullptr) draw_list->PopTextureID();
      draw_list->PushTextureID(static_cast<ImTextureID>(glyph.page));
      bound = glyph.page;
    }
    draw_list->PrimReserve(6, 4);
    draw_list->PrimRectUV(ImVec2(top_left.x + glyph.x0, top_left.y + glyph.y0),
                          ImVec2(top_left.x + glyph.x1, top_left.y + glyph.y1), ImVec2(glyph.u0, glyph.v0),
                          ImVec2(glyph.u1, glyph.v1), color);
  }
  if (bound != nullptr) draw_list->PopTextureID();
}

void TextEngine::rasterize(const TextLayout& layout, int x, int y, uint8_t* gray, int stride, int width,
                           int height) const {
  if (gray == nullptr || width <= 0 || height <= 0) return;
  for (const PositionedGlyph& glyph : layout.glyphs) {
    const AtlasPage* page = glyph.page;
    if (page == nullptr) continue;
    const int gx = x + static_cast<int>(glyph.x0);
    const int gy = y + static_cast<int>(glyph.y0);
    const int gw = static_cast<int>(glyph.x1 - glyph.x0);
    const int gh = static_cast<int>(glyph.y1 - glyph.y0);
    const int sx = static_cast<int>(glyph.u0 * static_cast<float>(page->width) + 0.5F);
    const int sy = static_cast<int>(glyph.v0 * static_cast<float>(page->height) + 0.5F);
    const int row_begin = std::max(0, -gy);
    const int row_end = std::min(gh, height - gy);
    const int col_begin = std::max(0, -gx);
    const int col_end = std::min(gw, width - gx);
    for (int row = row_begin; row < row_end; ++row) {
      const uint32_t* src =
          page->rgba.data() + static_cast<size_t>(sy + row) * static_cast<size_t>(page->width) + sx;
      uint8_t* dst = gray + static_cast<std::ptrdiff_t>(gy + row) * stride + gx;
      for (int col = col_begin; col < col_end; ++col) {
        // "Over" compositing of coverage: overlapping glyphs (marks on letters) add up
        // without wrapping past full ink.
        const unsigned alpha = src[col] >> 24;
        const unsigned old = dst[col];
        dst[col] = static_cast<uint8_t>(alpha + old - (alpha * old + 127) / 255);
      }
    }
  }
}

}  // namespace pk::ui
