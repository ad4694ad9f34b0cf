#include "imaging/page_ops.h"

#include <algorithm>
#include <array>

namespace pk::imaging {

bool is_blank(const Page& page) {
  if (page.width <= 0 || page.height <= 0 || page.pixels.size() < page.expected_size()) return true;
  const int block = std::max(1, page.dpi / 50);
  const int border = std::max(1, page.dpi * 5 / 254);
  const int cols = (page.width - 2 * border) / block;
  const int rows = (page.height - 2 * border) / block;
  if (cols <= 0 || rows <= 0) return true;
  // Block averages: ink shows as a dark block, single-pixel noise averages away.
  std::vector<std::uint8_t> small(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
  std::array<int, 256> histogram{};
  for (int by = 0; by < rows; ++by) {
    for (int bx = 0; bx < cols; ++bx) {
      int sum = 0;
      for (int y = 0; y < block; ++y) {
        const std::size_t row =
            static_cast<std::size_t>(border + by * block + y) * static_cast<std::size_t>(page.width);
        for (int x = 0; x < block; ++x)
          sum += luma(page, row + static_cast<std::size_t>(border + bx * block + x));
      }
      const auto mean = static_cast<std::uint8_t>(sum / (block * block));
      small[static_cast<std::size_t>(by) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(bx)] =
          mean;
      ++histogram[mean];
    }
  }
  // The paper's own level: the 90th percentile (most of a page is paper, even a full one).
  const std::size_t total = small.size();
  std::size_t seen = 0;
  int paper = 255;
  for (int v = 0; v < 256; ++v) {
    seen += static_cast<std::size_t>(histogram[static_cast<std::size_t>(v)]);
    if (seen * 10 >= total * 9) {
      paper = v;
      break;
    }
  }
  // Ink is well below the paper (show-through is 10-20 levels below; print is 100+).
  const int ink_level = paper - 48;
  std::size_t ink = 0;
  for (int v = 0; v < std::max(0, ink_level); ++v)
    ink += static_cast<std::size_t>(histogram[static_cast<std::size_t>(v)]);
  // One short line of text at 50 dpi is a few hundred dark blocks; dust is a handful.
  return ink < std::max<std::size_t>(24, total / 4000);
}

Page make_thumbnail(const Page& page, int max_side) {
  const int longer = std::max(page.width, page.height);
  if (max_side <= 0 || longer <= max_side) return page;
  Page thumb;
  thumb.channels = page.channels;
  thumb.dpi = std::max(1, page.dpi * max_side / longer);
  thumb.sequence = page.sequence;
  thumb.width = std::max(1, static_cast<int>(static_cast<long long>(page.width) * max_side / longer));
  thumb.height = std::max(1, static_cast<int>(static_cast<long long>(page.height) * max_side / longer));
  thumb.pixels.resize(thumb.expected_size());
  const int c = page.channels;
  for (int ty = 0; ty < thumb.height; ++ty) {
    const int y0 = static_cast<int>(static_cast<long long>(ty) * page.height / thumb.height);
    const int y1 =
        std::max(y0 + 1, static_cast<int>(static_cast<long long>(ty + 1) * page.height / thumb.height));
    for (int tx = 0; tx < thumb.width; ++tx) {
      const int x0 = static_cast<int>(static_cast<long long>(tx) * page.width / thumb.width);
      const int x1 =
          std::max(x0 + 1, static_cast<int>(static_cast<long long>(tx + 1) * page.width / thumb.width));
      for (int ch = 0; ch < c; ++ch) {
        long sum = 0;
        for (int y = y0; y < y1; ++y) {
          const std::uint8_t* row = page.pixels.data() + (static_cast<std::size_t>(y) * page.width) * c;
          for (int x = x0; x < x1; ++x) sum += row[x * c + ch];
        }
        thumb.pixels[(static_cast<std::size_t>(ty) * thumb.width + tx) * c + ch] =
            static_cast<std::uint8_t>(sum / ((y1 - y0) * (x1 - x0)));
      }
    }
  }
  return thumb;
}

void rotate_180(Page& page) {
  if (page.channels == 1) {
    std::reverse(page.pixels.begin(), page.pixels.end());
    return;
  }
  // Reverse the order of pixels, keeping each pixel's channels in order.
  const std::size_t n = static_cast<std::size_t>(page.width) * page.height;
  const auto c = static_cast<std::size_t>(page.channels);
  for (std::size_t i = 0, j = n - 1; i < j; ++i, --j) {
    std::swap_ranges(page.pixels.begin() + static_cast<std::ptrdiff_t>(i * c),
                     page.pixels.begin() + static_cast<std::ptrdiff_t>(i * c + c),
                     page.pixels.begin() + static_cast<std::ptrdiff_t>(j * c));
  }
}

bool is_bilevel(const Page& page) {
  if (page.channels != 1) return false;
  return std::all_of(page.pixels.begin(), page.pixels.end(),
                     [](std::uint8_t v) { return v == 0 || v == 255; });
}

}  // namespace pk::imaging
