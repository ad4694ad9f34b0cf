#include "drivers/barcode/page_codes.h"

// text() returns UTF-8 (not std::wstring) with this defined; ZXing 2.x makes it the default.
#define ZX_USE_UTF8 1
#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>

namespace pk::barcode {

std::vector<PageCode> find_codes(const scanner::Page& page) {
  std::vector<PageCode> found;
  if (page.width <= 0 || page.height <= 0 || page.pixels.size() < page.expected_size()) return found;
  const ZXing::ImageView image(page.pixels.data(), page.width, page.height,
                               page.channels == 3 ? ZXing::ImageFormat::RGB : ZXing::ImageFormat::Lum);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128);
  hints.setTryRotate(true);
  hints.setTryHarder(true);
  hints.setTryDownscale(true);
  hints.setReturnErrors(true);
  hints.setMaxNumberOfSymbols(8);
  for (const ZXing::Result& result : ZXing::ReadBarcodes(image, hints)) {
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

}  // namespace pk::barcode
