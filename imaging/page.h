#pragma once
// A page as pixels: what a scanner delivers (drivers/scanner hands over raw frames of this
// type) and what the rest of imaging/ works on. The pixel helpers every step shares live here
// once: the luminance of a pixel, and grey or RGB to RGBA for a texture on screen.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pk::imaging {

// 8 bits per channel, channels = 1 (gray) or 3 (RGB), rows top to bottom, no padding.
// A black-and-white scan is a gray page whose pixels are only 0 and 255.
struct Page {
  int width = 0;
  int height = 0;
  int channels = 1;
  int dpi = 200;
  int sequence = 0;  // 1, 2, 3... within a batch, in the order the scanner delivered them
  std::vector<std::uint8_t> pixels;

  [[nodiscard]] std::size_t pixel_count() const {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  }
  [[nodiscard]] std::size_t expected_size() const {
    return pixel_count() * static_cast<std::size_t>(channels);
  }
};

// Luminance of pixel i: the gray value, or RGB weighted the usual 0.3/0.59/0.11.
[[nodiscard]] inline int luma(const Page& page, std::size_t i) {
  if (page.channels == 1) return page.pixels[i];
  const std::uint8_t* p = &page.pixels[i * 3];
  return (77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8;
}

// The page as RGBA8 (opaque), for a texture: a thumbnail on the review screen, a preview at
// the kiosk.
[[nodiscard]] std::vector<std::uint8_t> to_rgba(const Page& page);

}  // namespace pk::imaging
