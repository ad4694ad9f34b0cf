#include "receipts/receipt_print_job.h"

#include <algorithm>

namespace pk::receipts {
namespace {

void append_raster(PrintJob& job, const RasterImage& image) {
  if (!job.elements.empty()) {
    if (auto* last = std::get_if<RasterImage>(&job.elements.back())) {
      last->append_rows(image);
      return;
    }
  }
  job.elements.emplace_back(image);
}

// The drawing's blank rows above and below the code: the quiet zone a native element needs
// as paper feed, so both paths leave the same space around the code.
int quiet_rows(const CodeStrip& code) {
  const RasterImage& d = code.drawing;
  for (int y = 0; y < d.height(); ++y) {
    const std::uint8_t* row = d.row(y);
    if (std::any_of(row, row + d.stride(), [](std::uint8_t b) { return b != 0; })) return y;
  }
  return d.height() / 2;
}

}  // namespace

PrintJob build_print_job(const RenderedReceipt& receipt, Features features) {
  PrintJob job;
  for (const Strip& strip : receipt.strips) {
    if (const auto* image = std::get_if<RasterImage>(&strip)) {
      append_raster(job, *image);
      continue;
    }
    const auto& code = std::get<CodeStrip>(strip);
    const bool native =
        code.kind == CodeKind::Qr ? features.has(Feature::NativeQr) : features.has(Feature::NativeCode128);
    if (!native) {
      append_raster(job, code.drawing);
      continue;
    }
    const int quiet = quiet_rows(code);
    job.elements.emplace_back(Feed{quiet});
    if (code.kind == CodeKind::Qr) {
      job.elements.emplace_back(QrCode{code.data, std::clamp(code.module_dots, 1, 16), QrErrorCorrection::M});
    } else {
      job.elements.emplace_back(
          Code128{code.data, std::clamp(code.module_dots, 2, 6), std::clamp(code.bar_height_dots, 1, 255)});
    }
    job.elements.emplace_back(Feed{quiet});
  }
  return job;
}

}  // namespace pk::receipts
