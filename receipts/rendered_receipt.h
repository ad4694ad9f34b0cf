#pragma once
// A receipt after layout: full-width raster strips, and the codes kept as data next to their
// raster drawing, so that the print job can use the printer's own QR / Code 128 generator
// when it has one (receipt_print_job.h) or the drawing when it has not.
//
// Deliberately free of domain/language.h: drivers/printer/printer.h declares its own
// pk::Language, so a file that includes both does not compile. Keeping this type language-free
// lets the print-job builder include printer.h.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/raster_image.h"

namespace pk::receipts {

enum class CodeKind : std::uint8_t { Qr, Code128 };

// A code at its place on the receipt. `drawing` is a full-width strip (quiet zone included)
// with the code centred; `module_dots` is the module width used for it, which a native
// element should reuse so both paths print codes of the same size.
struct CodeStrip {
  CodeKind kind = CodeKind::Qr;
  std::string data;
  int module_dots = 0;
  int bar_height_dots = 0;  // Code 128 only
  RasterImage drawing;
};

using Strip = std::variant<RasterImage, CodeStrip>;

struct RenderedReceipt {
  int width_dots = 0;
  std::vector<Strip> strips;  // top to bottom, every one width_dots wide

  // All strips stacked, codes as their drawings: what the paper will look like.
  [[nodiscard]] RasterImage flatten() const;
  [[nodiscard]] int height_dots() const;
};

}  // namespace pk::receipts
