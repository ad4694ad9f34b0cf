#include "centre/staff/qr_svg.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace pk::centre {

Result<std::string> qr_svg(std::string_view text) {
  ZXing::BitMatrix bits;
  try {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    bits = writer.encode(std::string(text), 0, 0);
  } catch (const std::exception& e) {
    return make_error(std::string("QR code: ") + e.what());
  }
  constexpr int kQuiet = 4;
  const int size = bits.width() + 2 * kQuiet;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" shape-rendering=\"crispEdges\"><rect width=\"" +
                    std::to_string(size) + "\" height=\"" + std::to_string(size) +
                    "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < bits.height(); ++y)
    for (int x = 0; x < bits.width(); ++x)
      if (bits.get(x, y))
        svg += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
  svg += "\"/></svg>";
  return svg;
}

}  // namespace pk::centre
