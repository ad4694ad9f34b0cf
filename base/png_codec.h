#pragma once
// The one libpng wrapper: PNG bytes in memory, both ways. Every PNG the terminal and the centre
// write or read goes through here: a scanned 1-bit page (imaging/page_codec.h), the simulated
// printer's paper and the centre's enrollment QR code (base/png_io.h), the kiosk's screenshots
// (ui/png_writer.h). Files are the callers' (base/atomic_file.h, base/read_file.h).
//
// libpng reports errors by longjmp; here they become a Result, and nothing is printed.
#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"

namespace pk::png {

enum class PixelFormat : std::uint8_t {
  Gray1,  // 8 pixels a byte, the first in the high bit, rows padded to a byte; 1 is white
  Gray8,
  Rgba8,
};

// width x height pixels in `format`, rows top to bottom without padding (Gray1: each row
// whole bytes). dpi > 0 is written as the pHYs chunk (a scanned page's resolution).
struct ImageView {
  int width = 0;
  int height = 0;
  PixelFormat format = PixelFormat::Gray8;
  std::span<const std::uint8_t> pixels;
  int dpi = 0;
};

// Fast for what the kiosk writes while it runs (screenshots); Small for what is stored or sent.
enum class Compression : std::uint8_t { Fast, Small };

[[nodiscard]] Result<std::vector<std::uint8_t>> encode(const ImageView& image, Compression compression);

// Any PNG, as 8-bit gray (channels 1) or RGB (channels 3): bit depths expanded, 16 bits
// stripped, a palette expanded, alpha dropped. A header larger than any paper or page (a side
// over 20,000 pixels, or over 100 million pixels) is refused before anything is allocated.
struct DecodedImage {
  int width = 0;
  int height = 0;
  int channels = 1;
  std::vector<std::uint8_t> pixels;
};
[[nodiscard]] Result<DecodedImage> decode(std::span<const std::uint8_t> bytes);

}  // namespace pk::png
