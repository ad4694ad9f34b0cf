#pragma once
// HarfBuzz shaping of one item (or part of one), with the rest of the paragraph passed as
// context so that a word split across lines or runs still joins as it would unsplit.
#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/text/font_set.h"

namespace pk::ui {

struct ShapedGlyph {
  uint32_t glyph_id = 0;
  uint32_t cluster = 0;  // index into the paragraph text
  float advance = 0;     // pixels
  float x_offset = 0;
  float y_offset = 0;  // pixels, up is positive (HarfBuzz's convention)
};

enum class RunDirection { LeftToRight, RightToLeft };

class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes text[start, end) with the face `font` at `size_px`; glyphs come out in visual
  // (left-to-right) order for both directions. Line separators and tabs in `text` must
  // already have been turned into spaces by the caller.
  [[nodiscard]] std::vector<ShapedGlyph> shape(const std::u32string& text, uint32_t start, uint32_t end,
                                               const FontSet& fonts, FontSlot font, float size_px,
                                               RunDirection direction, hb_script_t script);

 private:
  hb_buffer_t* m_buffer;
  hb_language_t m_persian;
  hb_language_t m_english;
};

}  // namespace pk::ui
