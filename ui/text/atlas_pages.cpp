#include "ui/text/atlas_pages.h"

#include <algorithm>

namespace pk::ui {
namespace {

// Transparent white, so that filtering at a bitmap's edge fades alpha only.
constexpr uint32_t kEmptyPixel = 0x00FFFFFFu;

}  // namespace

AtlasPages::Spot AtlasPages::allocate(int width, int height) {
  const int w = width + kPadding;
  const int h = height + kPadding;
  if (w + kPadding > kPageSize || h + kPadding > kPageSize) return {};
  if (m_pages_in_use > 0 && m_shelf_x + w > kPageSize) {  // next shelf
    m_shelf_y += m_shelf_height;
    m_shelf_x = kPadding;
    m_shelf_height = 0;
  }
  if (m_pages_in_use == 0 || m_shelf_y + h > kPageSize) {  // next page: a kept one or a new one
    if (m_pages_in_use == m_pages.size()) {
      auto fresh = std::make_unique<AtlasPage>();
      fresh->width = kPageSize;
      fresh->height = kPageSize;
      fresh->rgba.assign(static_cast<size_t>(kPageSize) * kPageSize, kEmptyPixel);
      m_pages.push_back(std::move(fresh));
    }
    ++m_pages_in_use;
    m_shelf_x = kPadding;
    m_shelf_y = kPadding;
    m_shelf_height = 0;
  }
  const Spot spot{m_pages[m_pages_in_use - 1].get(), m_shelf_x, m_shelf_y};
  m_shelf_x += w;
  m_shelf_height = std::max(m_shelf_height, h);
  return spot;
}

void AtlasPages::put_coverage(const Spot& spot, int width, int height, const uint8_t* coverage,
                              std::ptrdiff_t pitch) {
  for (int row = 0; row < height; ++row) {
    const uint8_t* src = coverage + static_cast<std::ptrdiff_t>(row) * pitch;
    uint32_t* dst = spot.page->rgba.data() + static_cast<size_t>(spot.y + row) * kPageSize + spot.x;
    for (int col = 0; col < width; ++col) dst[col] = (static_cast<uint32_t>(src[col]) << 24) | kEmptyPixel;
  }
  spot.page->dirty = true;
}

void AtlasPages::clear() {
  for (const auto& page : m_pages) {
    std::fill(page->rgba.begin(), page->rgba.end(), kEmptyPixel);
    page->dirty = true;
  }
  m_pages_in_use = 0;
}

}  // namespace pk::ui
