#pragma once
// Caret geometry on a laid-out line, for editable text fields: where a caret between two
// graphemes is drawn, which position a touch at x means, where Left and Right move it, and
// which rectangles a selection covers. All of it reads the shaped, bidi-reordered glyphs of
// a TextLayout (their HarfBuzz clusters and run levels), so it agrees with what is drawn.
//
// Positions are code point indices into TextLayout::text (0..size), always at grapheme
// boundaries (see graphemes.h). Only the first line of a layout is used: fields are one line.
#include <cstdint>
#include <vector>

#include "ui/text/text_layout.h"

namespace pk::ui {

class CaretMap {
 public:
  explicit CaretMap(const TextLayout& layout);

  // x of the caret at `position` (relative to the layout's left edge): the leading edge of
  // the grapheme that starts there (its right side in a right-to-left run), or the trailing
  // edge of the last grapheme at the end of the text.
  [[nodiscard]] float x_of(uint32_t position) const;
  // The grapheme boundary whose caret is closest to x.
  [[nodiscard]] uint32_t hit_test(float x) const;
  // One step on screen: direction -1 = left, +1 = right, whatever the text's direction.
  [[nodiscard]] uint32_t move_visual(uint32_t position, int direction) const;
  // The selection [a, b) (either order) as x ranges, one per visually contiguous piece,
  // left to right.
  struct Span {
    float left = 0;
    float right = 0;
  };
  [[nodiscard]] std::vector<Span> selection(uint32_t a, uint32_t b) const;

  [[nodiscard]] const std::vector<uint32_t>& boundaries() const { return m_boundaries; }
  [[nodiscard]] uint32_t end() const { return m_size; }

 private:
  struct Edges {
    float lead = 0;  // where the character starts in reading direction
    float trail = 0;
  };
  std::vector<Edges> m_chars;          // per code point of the line
  std::vector<uint32_t> m_boundaries;  // grapheme boundaries, 0 and size included
  uint32_t m_size = 0;
  float m_empty_x = 0;
};

}  // namespace pk::ui
