#pragma once
// What a thermal printer puts on paper for a decoded ESC/POS stream: raster images as sent,
// native QR / Code 128 drawn by ZXing-C++ at the module size the stream set, feeds as blank
// paper. Elements start at the left margin, as on a printer left in its default justification.
#include <string>
#include <vector>

#include "domain/result.h"
#include "drivers/printer/escpos_decoder.h"

namespace pk {

[[nodiscard]] Result<RasterImage> render_code(const QrCode& qr);
[[nodiscard]] Result<RasterImage> render_code(const Code128& code);

struct Paper {
  RasterImage image;
  std::vector<std::string> problems;  // elements that could not be drawn
};

[[nodiscard]] Paper render_paper(const escpos::DecodedStream& stream, int paper_width_dots);

}  // namespace pk
