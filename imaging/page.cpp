#include "imaging/page.h"

namespace pk::imaging {

std::vector<std::uint8_t> to_rgba(const Page& page) {
  const std::size_t n = page.pixel_count();
  std::vector<std::uint8_t> rgba(n * 4);
  if (page.pixels.size() < page.expected_size()) return rgba;  // a broken page: a transparent picture
  const bool grey = page.channels == 1;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &page.pixels[i * static_cast<std::size_t>(page.channels)];
    rgba[i * 4 + 0] = p[0];
    rgba[i * 4 + 1] = grey ? p[0] : p[1];
    rgba[i * 4 + 2] = grey ? p[0] : p[2];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

}  // namespace pk::imaging
