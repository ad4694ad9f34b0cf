#include "imaging/page_codes.h"

// text() returns UTF-8 (not std::wstring) with this defined; ZXing 2.x makes it the default.
#define ZX_USE_UTF8 1
#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <array>

namespace pk::imaging {
namespace {

// ZXing 1.4 misses codes on faded, bright pages (ink at 180 on paper at 250), though it reads
// the same page darkened. Pages whose darkest ink is that light are stretched to the full
// range first; colour pages become gray on the way. Others are read as they are (no copy).
std::vector<std::uint8_t> normalised_gray(const imaging::Page& page) {
  const std::size_t n = static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.height);
  std::array<std::size_t, 256> histogram{};
  for (std::size_t i = 0; i < n; i += 7) ++histogram[static_cast<std::size_t>(luma(page, i))];
  std::size_t samples = 0;
  for (auto count : histogram) samples += count;
  int low = 0;
  for (std::size_t seen = 0;
       low < 255 && (seen += histogram[static_cast<std::size_t>(low)]) * 1000 < samples * 2; ++low) {
  }
  int high = 255;
  for (std::size_t seen = 0;
       high > 0 && (seen += histogram[static_cast<std::size_t>(high)]) * 1000 < samples * 2; --high) {
  }
  if (page.channels == 1 && low < 100) return {};
  std::vector<std::uint8_t> gray(n);
  const int range = std::max(1, high - low);
  for (std::size_t i = 0; i < n; ++i)
    gray[i] = static_cast<std::uint8_t>(std::clamp((luma(page, i) - low) * 255 / range, 0, 255));
  return gray;
}

}  // namespace

std::vector<PageCode> find_codes(const imaging::Page& page) {
  std::vector<PageCode> found;
  if (page.width <= 0 || page.height <= 0 || page.pixels.size() < page.expected_size()) return found;
  const std::vector<std::uint8_t> gray = normalised_gray(page);
  const ZXing::ImageView image =
      gray.empty() ? ZXing::ImageView(page.pixels.data(), page.width, page.height, ZXing::ImageFormat::Lum)
                   : ZXing::ImageView(gray.data(), page.width, page.height, ZXing::ImageFormat::Lum);
  // Two reads, because ZXing 1.4 (Debian 12) asserts when it merges a linear code's error
  // result with a code of the same text already found (Result::operator== handles only one
  // scan line): a crafted or smudged Code 128 would abort the counter. Its linear readers
  // report a damaged code only as a failed checksum anyway, while a QR code's finder patterns
  // say "a code is here" even when its data cannot be read, so errors are asked of QR alone.
  std::vector<ZXing::Result> results;
  for (const ZXing::BarcodeFormat format : {ZXing::BarcodeFormat::QRCode, ZXing::BarcodeFormat::Code128}) {
    ZXing::DecodeHints hints;
    hints.setFormats(format);
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    hints.setTryDownscale(true);
    hints.setReturnErrors(format == ZXing::BarcodeFormat::QRCode);
    hints.setMaxNumberOfSymbols(8);
    for (ZXing::Result& result : ZXing::ReadBarcodes(image, hints)) results.push_back(std::move(result));
  }
  for (const ZXing::Result& result : results) {
    PageCode code;
    code.format = result.format() == ZXing::BarcodeFormat::QRCode    ? CodeFormat::Qr
                  : result.format() == ZXing::BarcodeFormat::Code128 ? CodeFormat::Code128
                                                                     : CodeFormat::Other;
    code.orientation_degrees = result.orientation();
    if (result.isValid()) {
      code.text = result.text();
    } else {
      code.readability = CodeReadability::Unreadable;
      code.problem = ToString(result.error());
    }
    found.push_back(std::move(code));
  }
  return found;
}

}  // namespace pk::imaging
