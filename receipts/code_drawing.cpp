#define ZX_USE_UTF8 1
#include "receipts/code_drawing.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <exception>
#include <string>

namespace pk::receipts {
namespace {

// ZXing-C++ 1.4 takes 0..8 and maps pairs onto L, M, Q, H; 3 is M, what the native
// element asks for too (printer.h QrCode default).
constexpr int kQrEccM = 3;
constexpr int kQrQuietModules = 4;        // ISO/IEC 18004
constexpr int kCode128QuietModules = 10;  // ISO/IEC 15417
constexpr int kMaxQrModuleDots = 8;       // beyond ~1 mm a module only wastes paper
constexpr int kMaxBarModuleDots = 3;
constexpr int kBarHeightDots = 88;  // 11 mm: a hand scanner's line finds it at a slant

// Draws `bits` centred in a strip `width` wide; each module is `module` dots square, or a
// column `bar_height` tall when the matrix is a single row (a linear barcode).
RasterImage place(const ZXing::BitMatrix& bits, int width, int module, int quiet_modules, int bar_height) {
  const bool linear = bits.height() == 1;
  const int code_width = bits.width() * module;
  const int code_height = linear ? bar_height : bits.height() * module;
  const int quiet = quiet_modules * module;
  RasterImage strip(width, code_height + 2 * (linear ? module * 4 : quiet));
  const int left = (width - code_width) / 2;
  const int top = (strip.height() - code_height) / 2;
  for (int y = 0; y < code_height; ++y) {
    const int source_y = linear ? 0 : y / module;
    for (int x = 0; x < code_width; ++x) {
      if (bits.get(x / module, source_y)) strip.set_dot(left + x, top + y, true);
    }
  }
  return strip;
}

}  // namespace

Result<CodeStrip> draw_qr(std::string_view data, int width_dots, int content_dots) {
  ZXing::BitMatrix bits;
  try {
    bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
               .setMargin(0)
               .setEncoding(ZXing::CharacterSet::UTF8)
               .setEccLevel(kQrEccM)
               .encode(std::string(data), 0, 0);
  } catch (const std::exception& e) {
    return make_error("QR code of " + std::to_string(data.size()) + " bytes cannot be encoded: " + e.what());
  }
  // Half the content width at most: big enough to scan from a hand-held phone, small enough
  // to leave the tracking code printed above it the most prominent thing on the paper.
  const int modules = bits.width() + 2 * kQrQuietModules;
  const int module = std::min(kMaxQrModuleDots, (content_dots / 2) / std::max(modules, 1));
  if (module < 2) {
    return make_error("QR code of " + std::to_string(data.size()) + " bytes is too big for " +
                      std::to_string(content_dots) + " dots");
  }
  CodeStrip strip{CodeKind::Qr, std::string(data), module, 0,
                  place(bits, width_dots, module, kQrQuietModules, 0)};
  return strip;
}

Result<CodeStrip> draw_code128(std::string_view data, int width_dots, int content_dots) {
  for (char c : data) {
    if (c < 32 || c > 126)
      return make_error("Code 128 data must be ASCII 32..126: \"" + std::string(data) + "\"");
  }
  ZXing::BitMatrix bits;
  try {
    bits =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(std::string(data), 0, 1);
  } catch (const std::exception& e) {
    return make_error("Code 128 \"" + std::string(data) + "\" cannot be encoded: " + e.what());
  }
  // The quiet zone may reach into the side margins: the margins are blank paper too.
  const int modules = bits.width() + 2 * kCode128QuietModules;
  const int module = std::min(kMaxBarModuleDots, width_dots / std::max(modules, 1));
  if (module < 2 || bits.width() * module > content_dots) {
    return make_error("Code 128 \"" + std::string(data) + "\" is too wide for " +
                      std::to_string(content_dots) + " dots");
  }
  CodeStrip strip{CodeKind::Code128, std::string(data), module, kBarHeightDots,
                  place(bits, width_dots, module, kCode128QuietModules, kBarHeightDots)};
  return strip;
}

}  // namespace pk::receipts
