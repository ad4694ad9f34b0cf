#pragma once
// Turns an ESC/POS byte stream back into commands and into what a printer would print:
// raster bands reassembled into images, native QR / Code 128 elements, feeds and cuts.
// The simulated printer and the tests use it. It reads bytes from outside (a recorded stream,
// a fuzzer), so it never trusts a length: any input gives a result, never a crash, and it
// allocates no more than the input's size for images.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "drivers/printer/printer.h"

namespace pk::escpos {

enum class CommandKind : std::uint8_t {
  Init,            // ESC @
  Raster,          // GS v 0
  Feed,            // ESC J, ESC d, LF
  Cut,             // GS V
  QrSetting,       // GS ( k model / size / error correction
  QrStore,         // GS ( k fn 80
  QrPrint,         // GS ( k fn 81
  BarcodeSetting,  // GS h, GS w, GS H, GS f
  Barcode,         // GS k
  StatusRequest,   // DLE EOT n
  Setting,         // known commands that change no dots here (ESC a, ESC E, ESC 3, ...)
  Text,            // printable bytes printed in the printer's code page
  Unknown,
  Malformed,
};

struct Command {
  CommandKind kind = CommandKind::Unknown;
  std::size_t offset = 0;  // first byte in the stream
  std::size_t length = 0;
  std::string detail;  // "GS v 0 72x128", "DLE EOT 4", ...
};

struct DecodedStream {
  std::vector<Command> commands;
  // Consecutive raster bands of one width become one RasterImage element; text bytes are
  // not rendered (the kiosk sends text as raster) and show only as Text commands.
  std::vector<PrintElement> elements;
  std::vector<Cut> cuts;
  std::vector<std::string> problems;  // unknown or malformed commands, "offset 12: ..."
};

// Default ESC/POS line spacing (1/6 inch) at 203 dpi, used to turn ESC d / LF into dots.
inline constexpr int kDefaultLineDots = 34;
// Consecutive feeds add up to at most this many dots.
inline constexpr int kMaxFeedDots = 1 << 20;

[[nodiscard]] DecodedStream decode(std::span<const std::uint8_t> bytes);

// The text a Code 128 payload of GS k 73 encodes ("{C" digit pairs, "{B" ASCII, "{{" brace).
[[nodiscard]] Result<std::string> decode_code128_payload(std::span<const std::uint8_t> payload);

}  // namespace pk::escpos
