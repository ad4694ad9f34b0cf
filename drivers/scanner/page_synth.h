#pragma once
// Realistic pages for the simulated scanner and for tests and benchmarks: A4 sheets with
// text-like lines, a photo-like area, QR or Code 128 codes drawn by ZXing's writer, and the
// almost-blank backs a duplex scan gives (paper grain, faint show-through, a few specks of
// dust). Everything is deterministic: the same seed and sheet give the same pixels.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "drivers/scanner/scanner.h"

namespace pk::scanner {

enum class SheetContent : std::uint8_t { Text, Photo, Blank, Qr, Code128 };
enum class SheetOrientation : std::uint8_t { Upright, UpsideDown };

struct SheetSpec {
  SheetContent content = SheetContent::Text;
  std::string payload;  // the code's text for Qr and Code128
  SheetOrientation orientation = SheetOrientation::Upright;
  friend bool operator==(const SheetSpec&, const SheetSpec&) = default;
};

// "text", "photo", "blank", "qr:<payload>" (or "barcode:<payload>"), "code128:<payload>";
// a "flip:" prefix fed the sheet upside down. Payloads cannot hold spaces.
[[nodiscard]] Result<SheetSpec> parse_sheet_spec(std::string_view word);

inline constexpr int kA4WidthMm = 210;
inline constexpr int kA4HeightMm = 297;
[[nodiscard]] int mm_to_px(double mm, int dpi);

// The front of one sheet, at `dpi`, in `mode` (BlackWhite pages hold only 0 and 255).
[[nodiscard]] Page render_sheet(const SheetSpec& sheet, ColorMode mode, int dpi, std::uint64_t seed);
// The back of a printed sheet: blank paper as a duplex scanner sees it.
[[nodiscard]] Page render_blank_back(ColorMode mode, int dpi, std::uint64_t seed);

}  // namespace pk::scanner
