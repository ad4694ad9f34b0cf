#define ZX_USE_UTF8 1
#include "drivers/printer/paper_render.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <exception>

namespace pk {
namespace {

// Blank paper under a code, so a scanner (and ZXing) finds its quiet zone.
constexpr int kQuietDots = 16;

RasterImage scaled(const ZXing::BitMatrix& bits, int module, int height_override) {
  const int rows = height_override > 0 ? height_override : bits.height() * module;
  RasterImage image(bits.width() * module + 2 * kQuietDots, rows);
  for (int y = 0; y < rows; ++y) {
    const int source_y = height_override > 0 ? 0 : y / module;
    for (int x = 0; x < bits.width() * module; ++x) {
      if (bits.get(x / module, source_y)) image.set_dot(x + kQuietDots, y, true);
    }
  }
  return image;
}

int zxing_ecc_level(QrErrorCorrection level) {
  // ZXing-C++'s writer takes 0..8 and maps pairs onto L, M, Q, H.
  return 1 + 2 * static_cast<int>(level);
}

void paste(RasterImage& paper, const RasterImage& piece, int left = 0) {
  const int top = paper.height();
  paper.append_rows(RasterImage(paper.width(), piece.height()));
  const int width = std::min(paper.width() - left, piece.width());
  for (int y = 0; y < piece.height(); ++y) {
    for (int x = 0; x < width; ++x) {
      if (piece.dot(x, y)) paper.set_dot(left + x, top + y, true);
    }
  }
}

}  // namespace

Result<RasterImage> render_code(const QrCode& qr) {
  try {
    const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                          .setMargin(0)
                          .setEncoding(ZXing::CharacterSet::UTF8)
                          .setEccLevel(zxing_ecc_level(qr.correction))
                          .encode(qr.data, 0, 0);
    return scaled(bits, std::clamp(qr.module_dots, 1, 16), 0);
  } catch (const std::exception& e) {
    return make_error("QR code of " + std::to_string(qr.data.size()) + " bytes cannot be drawn: " + e.what());
  }
}

Result<RasterImage> render_code(const Code128& code) {
  try {
    const auto bits =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(code.data, 0, 1);
    return scaled(bits, std::clamp(code.module_dots, 1, 6), std::max(code.height_dots, 1));
  } catch (const std::exception& e) {
    return make_error("Code 128 \"" + code.data + "\" cannot be drawn: " + e.what());
  }
}

Paper render_paper(const escpos::DecodedStream& stream, int paper_width_dots) {
  Paper paper{RasterImage(paper_width_dots, 0), {}};
  for (const PrintElement& element : stream.elements) {
    if (const auto* image = std::get_if<RasterImage>(&element)) {
      if (image->width() > paper_width_dots) {
        paper.problems.push_back("raster of " + std::to_string(image->width()) +
                                 " dots is wider than the paper (" + std::to_string(paper_width_dots) +
                                 "); clipped");
      }
      paste(paper.image, *image);
    } else if (const auto* feed = std::get_if<Feed>(&element)) {
      // A receipt never feeds more than a few centimetres; a runaway stream would make a
      // gigabyte image, so long feeds are drawn short and reported.
      constexpr int kMaxDrawnFeed = 2000;
      if (feed->dots > kMaxDrawnFeed) {
        paper.problems.push_back("feed of " + std::to_string(feed->dots) + " dots drawn as " +
                                 std::to_string(kMaxDrawnFeed));
      }
      paper.image.append_rows(RasterImage(paper_width_dots, std::min(feed->dots, kMaxDrawnFeed)));
    } else {
      auto drawn = std::holds_alternative<QrCode>(element) ? render_code(std::get<QrCode>(element))
                                                           : render_code(std::get<Code128>(element));
      if (!drawn) {
        paper.problems.push_back(drawn.error().message);
        continue;
      }
      const Justify justify = std::holds_alternative<QrCode>(element) ? std::get<QrCode>(element).justify
                                                                      : std::get<Code128>(element).justify;
      const int left = justify == Justify::Center ? std::max(0, (paper_width_dots - drawn->width()) / 2) : 0;
      paste(paper.image, RasterImage(paper_width_dots, kQuietDots));
      paste(paper.image, *drawn, left);
      paste(paper.image, RasterImage(paper_width_dots, kQuietDots));
    }
  }
  return paper;
}

}  // namespace pk
