#include "receipts/coverage_canvas.h"

#include <algorithm>

namespace pk::receipts {

CoverageCanvas::CoverageCanvas(int width, int height)
    : m_width(std::max(width, 0)),
      m_height(std::max(height, 0)),
      m_gray(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height), 0) {}

void CoverageCanvas::draw(const ui::TextEngine& engine, const ui::TextLayout& layout, int x, int y) {
  engine.rasterize(layout, x, y, m_gray.data(), m_width, m_width, m_height);
}

void CoverageCanvas::add_dots(int threshold, RasterImage& image) const {
  if (image.width() != m_width || image.height() != m_height) return;
  const int limit = std::clamp(threshold, 1, 255);
  for (int y = 0; y < m_height; ++y) {
    const std::uint8_t* row = m_gray.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_width);
    for (int x = 0; x < m_width; ++x) {
      if (row[x] >= limit) image.set_dot(x, y, true);
    }
  }
}

}  // namespace pk::receipts
