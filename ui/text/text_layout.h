#pragma once
// The result of laying out one string: positioned glyph quads grouped in lines, ready to
// be drawn with ImGui (TextEngine::draw) or blitted into a coverage image
// (TextEngine::rasterize). A TextLayout is plain data and holds no pointer into the engine
// other than the atlas pages of its glyphs, which live as long as the engine.
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pk::ui {

// A glyph atlas page: CPU-side RGBA32 pixels (white, alpha = coverage) that the renderer
// uploads as a texture when `dirty` is set, and then clears `dirty`. Pages are never moved
// or freed while the engine lives, so an AtlasPage* is a stable texture id.
struct AtlasPage {
  int width = 0;
  int height = 0;
  std::vector<uint32_t> rgba;  // row-major, width * height, 0xAABBGGRR (IM_COL32 order)
  bool dirty = true;
};

// Which of the four faces a glyph comes from (the index into FontPaths' order).
enum class FontSlot : uint8_t { PersianRegular, PersianBold, LatinRegular, LatinBold };

struct PositionedGlyph {
  uint32_t glyph_id = 0;  // glyph index in its face
  FontSlot font = FontSlot::LatinRegular;
  uint32_t cluster = 0;  // logical index into TextLayout::text of the first code point
                         // this glyph renders (HarfBuzz cluster)
  float pen_x = 0;       // glyph origin, relative to the layout's left edge
  float advance = 0;
  uint8_t level = 0;  // bidi embedding level of its run: odd = right to left (caret placement)
  // Quad relative to the layout's top-left corner; x0 == x1 for glyphs with no ink (space).
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
  AtlasPage* page = nullptr;  // nullptr when the glyph has no ink
};

struct TextLine {
  uint32_t first_char = 0;  // logical code point range [first_char, end_char) of the line
  uint32_t end_char = 0;
  uint32_t first_glyph = 0;  // glyphs [first_glyph, first_glyph + glyph_count) of
  uint32_t glyph_count = 0;  // TextLayout::glyphs, in visual (left-to-right) order
  float left = 0;            // x of the line's content, after alignment
  float width = 0;           // content width, trailing white space excluded
  float baseline = 0;        // y of the baseline, relative to the layout's top
};

struct TextLayout {
  std::u32string text;                  // the code points laid out: the input after U+FFFD
                                        // replacement, plus "…" when truncated
  std::vector<uint32_t> byte_offsets;   // text[i] starts at byte byte_offsets[i] of the input
                                        // (the ellipsis maps to the input's size)
  std::vector<PositionedGlyph> glyphs;  // all lines, line after line
  std::vector<TextLine> lines;
  ImVec2 size{0, 0};        // the box: max_width (or natural_width when not wrapping)
                            // by line_count * line_height
  float natural_width = 0;  // widest line's content width
  float line_height = 0;
  float ascent = 0;
  bool rtl = false;        // resolved paragraph direction
  bool truncated = false;  // max_lines cut the text and an ellipsis was added

  [[nodiscard]] int line_count() const { return static_cast<int>(lines.size()); }
};

}  // namespace pk::ui
