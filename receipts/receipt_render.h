#pragma once
// Receipt → 1-bit raster of the printer's width. Text goes through the project's text engine
// (shaping, bidi, wrapping) into 8-bit coverage and is then thresholded: thermal heads print
// a dot or nothing, and a fixed threshold keeps strokes crisp where dithering would fray them.
#include <memory>

#include "base/raster_image.h"
#include "domain/result.h"
#include "receipts/receipt.h"
#include "receipts/rendered_receipt.h"
#include "ui/text/text_engine.h"

namespace pk::receipts {

struct RenderOptions {
  int width_dots = kDots80mm;  // 576 for 80 mm, 384 for 58 mm (203 dpi)
  int margin_dots = 16;        // each side; most heads print their full width, paper is wider
  // Coverage (0..255) from which a pixel becomes a dot. Around 40 %: lower smears counters
  // shut (ه، ص) on a hot head, higher drops the thin joins and dots of Persian letters.
  int ink_threshold = 100;
  // Bold strokes are thick enough to survive a stricter threshold, and need it: at 40 % the
  // two or three dots of پ چ ث ش fuse into one blob in bold.
  int bold_ink_threshold = 150;
};

class ReceiptRenderer {
 public:
  // Opens the Debian Noto faces (ui/text FontPaths::debian_noto()).
  [[nodiscard]] static Result<std::unique_ptr<ReceiptRenderer>> create();
  // Borrows an engine that outlives the renderer (the kiosk's own).
  explicit ReceiptRenderer(ui::TextEngine& engine) : m_engine(&engine) {}

  // Fails on a width below 128 dots, margins that leave less than 96 dots, or a code that
  // cannot be encoded (non-ASCII Code 128 data, QR data too long).
  [[nodiscard]] Result<RenderedReceipt> render(const Receipt& receipt, const RenderOptions& options);
  // render(...).flatten().
  [[nodiscard]] Result<RasterImage> render_raster(const Receipt& receipt, const RenderOptions& options);

 private:
  explicit ReceiptRenderer(std::unique_ptr<ui::TextEngine> owned);

  std::unique_ptr<ui::TextEngine> m_owned;
  ui::TextEngine* m_engine = nullptr;
};

}  // namespace pk::receipts
