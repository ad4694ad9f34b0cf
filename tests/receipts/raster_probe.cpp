#define ZX_USE_UTF8 1
#include "tests/receipts/raster_probe.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstdint>

namespace pk::test {

InkBounds ink_bounds(const RasterImage& image, int first_row, int end_row) {
  InkBounds bounds;
  const int end = end_row < 0 ? image.height() : std::min(end_row, image.height());
  for (int y = std::max(first_row, 0); y < end; ++y) {
    for (int x = 0; x < image.width(); ++x) {
      if (!image.dot(x, y)) continue;
      if (bounds.blank()) {
        bounds = {x, x, y, y};
        continue;
      }
      bounds.left = std::min(bounds.left, x);
      bounds.right = std::max(bounds.right, x);
      bounds.bottom = y;
    }
  }
  return bounds;
}

std::vector<Decoded> decode_codes(const RasterImage& image) {
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(image.width()) *
                                 static_cast<std::size_t>(image.height()));
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      gray[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width()) +
           static_cast<std::size_t>(x)] = image.dot(x, y) ? 0 : 255;
    }
  }
  const ZXing::ImageView view(gray.data(), image.width(), image.height(), ZXing::ImageFormat::Lum);
  std::vector<Decoded> found;
  // QR codes: every one on the paper.
  ZXing::DecodeHints qr_hints;
  qr_hints.setFormats(ZXing::BarcodeFormat::QRCode);
  for (const auto& result : ZXing::ReadBarcodes(view, qr_hints)) {
    if (result.isValid()) found.push_back({"QRCode", result.text()});
  }
  // Code 128: ZXing-C++ 1.4 (Debian 12) asserts in Result::operator== when ReadBarcodes merges
  // the scan lines tryHarder finds on a linear code, and without tryHarder it only scans the
  // middle of a long receipt. So: one code per band of rows, in bands that overlap by half,
  // and a code seen in two neighbouring bands counted once.
  ZXing::DecodeHints bar_hints;
  bar_hints.setFormats(ZXing::BarcodeFormat::Code128);
  bar_hints.setTryHarder(true);
  constexpr int kBand = 160;
  int last_band_with_code = -2;
  for (int band = 0; band * kBand / 2 < image.height(); ++band) {
    const int top = band * kBand / 2;
    const int rows = std::min(kBand, image.height() - top);
    const ZXing::ImageView slice(
        gray.data() + static_cast<std::size_t>(top) * static_cast<std::size_t>(image.width()), image.width(),
        rows, ZXing::ImageFormat::Lum);
    const auto result = ZXing::ReadBarcode(slice, bar_hints);
    if (!result.isValid()) continue;
    if (band != last_band_with_code + 1 || found.empty() || found.back().text != result.text()) {
      found.push_back({"Code128", result.text()});
    }
    last_band_with_code = band;
  }
  return found;
}

std::vector<std::string> decoded_texts(const RasterImage& image, const std::string& format) {
  std::vector<std::string> texts;
  for (const Decoded& d : decode_codes(image)) {
    if (d.format == format) texts.push_back(d.text);
  }
  return texts;
}

}  // namespace pk::test
