#pragma once
// Reading a rendered receipt back the way a person or a scanner would: where the ink is, and
// what ZXing decodes from the dots. Language-free on purpose (see rendered_receipt.h), so the
// print-job and simulated-printer tests can include it next to drivers/printer/printer.h.
#include <string>
#include <vector>

#include "base/raster_image.h"

namespace pk::test {

struct InkBounds {
  int left = -1;   // first column with ink, -1 when the rows are blank
  int right = -1;  // last column with ink
  int top = -1;
  int bottom = -1;
  [[nodiscard]] bool blank() const { return left < 0; }
};

// Ink inside rows [first_row, end_row); end_row -1 means to the bottom.
[[nodiscard]] InkBounds ink_bounds(const RasterImage& image, int first_row = 0, int end_row = -1);

struct Decoded {
  std::string format;  // "QRCode", "Code128"
  std::string text;
};

// Every QR code and Code 128 barcode ZXing finds on the paper.
[[nodiscard]] std::vector<Decoded> decode_codes(const RasterImage& image);
// The texts of codes of one format, e.g. decoded_texts(image, "QRCode").
[[nodiscard]] std::vector<std::string> decoded_texts(const RasterImage& image, const std::string& format);

}  // namespace pk::test
