#pragma once
// An 8-bit coverage buffer that text layouts are drawn into before the whole strip is turned
// into printer dots at once, so that overlapping glyphs (marks over letters, a label and its
// value on one row) add up before the threshold rather than after.
#include <cstdint>
#include <vector>

#include "drivers/printer/raster_image.h"
#include "ui/text/text_engine.h"

namespace pk::receipts {

class CoverageCanvas {
public:
  CoverageCanvas(int width, int height);

  // (x, y) is where the layout's top-left lands; ink outside the canvas is clipped.
  void draw(const ui::TextEngine& engine, const ui::TextLayout& layout, int x, int y);

  // Dots where coverage >= threshold (0..255). Rows with no ink at the very bottom are kept:
  // the strip's height is the layout's line box, which is the spacing the reader expects.
  [[nodiscard]] RasterImage to_raster(int threshold) const;

  [[nodiscard]] int width() const { return m_width; }
  [[nodiscard]] int height() const { return m_height; }

private:
  int m_width;
  int m_height;
  std::vector<std::uint8_t> m_gray;
};

}  // namespace pk::receipts
