#include <string>

#include "base/png_codec.h"
#include "imaging/page_codec.h"

namespace pk::imaging {

// A black-and-white page as a 1-bit gray PNG with its resolution: lossless, about as small as a
// JPEG of the gray page for text, and readable by any browser at the centre.
Result<std::vector<std::uint8_t>> encode_bilevel_png(const Page& page) {
  if (page.width <= 0 || page.height <= 0 || page.channels != 1 ||
      page.pixels.size() < page.expected_size()) {
    return make_error("cannot encode page " + std::to_string(page.sequence) +
                      " as bilevel PNG: needs one channel");
  }
  const std::size_t row_bytes = (static_cast<std::size_t>(page.width) + 7) / 8;
  std::vector<std::uint8_t> packed(row_bytes * static_cast<std::size_t>(page.height), 0);
  for (int y = 0; y < page.height; ++y) {
    const std::uint8_t* in =
        page.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(page.width);
    std::uint8_t* out = packed.data() + static_cast<std::size_t>(y) * row_bytes;
    for (int x = 0; x < page.width; ++x) {
      if (in[x] >= 128) out[x / 8] |= static_cast<std::uint8_t>(0x80 >> (x % 8));  // 1 is white
    }
  }
  auto bytes = png::encode({.width = page.width,
                            .height = page.height,
                            .format = png::PixelFormat::Gray1,
                            .pixels = packed,
                            .dpi = page.dpi},
                           png::Compression::Small);
  if (!bytes)
    return make_error(bytes.error().kind,
                      "page " + std::to_string(page.sequence) + ": " + bytes.error().message);
  return bytes;
}

Result<Page> decode_png(std::span<const std::uint8_t> bytes) {
  auto image = png::decode(bytes);
  if (!image) return image.error();
  Page page;
  page.width = image->width;
  page.height = image->height;
  page.channels = image->channels;
  page.pixels = std::move(image->pixels);
  return page;
}

}  // namespace pk::imaging
