#pragma once
// An 8-bit coverage buffer that a text layout is drawn into before it becomes printer dots,
// so that overlapping glyphs (marks over letters, joined letters) add up before the threshold
// rather than after.
#include <cstdint>
#include <vector>

#include "base/raster_image.h"
#include "ui/text/text_engine.h"

namespace pk::receipts {

class CoverageCanvas {
 public:
  CoverageCanvas(int width, int height);

  // (x, y) is where the layout's top-left lands; ink outside the canvas is clipped.
  void draw(const ui::TextEngine& engine, const ui::TextLayout& layout, int x, int y);

  // Sets a dot in `image` (the canvas's size; otherwise nothing happens) wherever coverage
  // >= threshold (0..255). Adding rather than returning an image lets a row whose layouts
  // need different thresholds (a bold label next to a regular value) be built canvas by canvas.
  void add_dots(int threshold, RasterImage& image) const;

  [[nodiscard]] int width() const { return m_width; }
  [[nodiscard]] int height() const { return m_height; }

 private:
  int m_width;
  int m_height;
  std::vector<std::uint8_t> m_gray;
};

}  // namespace pk::receipts
