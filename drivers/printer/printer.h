#pragma once
// The printer device class: what the kiosk relies on from any receipt printer, whatever the
// backend (USB, network, simulated). A driver only transports and reports; keeping a job until
// the printer confirms it is PrintQueue's job (print_queue.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/raster_image.h"
#include "domain/language.h"
#include "domain/result.h"
#include "drivers/device.h"

namespace pk {

enum class PrinterStatus : std::uint8_t { Online, PaperOut, PaperNearEnd, CoverOpen, Error, Offline };
enum class Cut : std::uint8_t { None, Partial, Full };

// A message for the citizen (Persian) or the operator (English) about a status.
// One English line for the technician's log and error messages. What a citizen or an operator
// reads is worded by the kiosk's tables (kiosk/device_words.h), not here.
[[nodiscard]] std::string_view describe(PrinterStatus status);
[[nodiscard]] std::string_view to_string(PrinterStatus status);
// Online and PaperNearEnd can print; everything else cannot.
// The kind of the error a printer in this status gives a job (device setup decides on it).
[[nodiscard]] constexpr ErrorKind error_kind_of(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::PaperOut:
      return ErrorKind::NoMedia;
    case PrinterStatus::Offline:
      return ErrorKind::NotFound;
    case PrinterStatus::Online:
    case PrinterStatus::PaperNearEnd:
      return ErrorKind::Unspecified;
    case PrinterStatus::CoverOpen:
    case PrinterStatus::Error:
      break;
  }
  return ErrorKind::DeviceFault;
}

[[nodiscard]] constexpr bool can_print(PrinterStatus status) {
  return status == PrinterStatus::Online || status == PrinterStatus::PaperNearEnd;
}

enum class QrErrorCorrection : std::uint8_t { L, M, Q, H };

// Where the printer places a native code on the paper line (ESC a). Printers start at Left;
// receipts centre their codes.
enum class Justify : std::uint8_t { Left, Center };

// Printed by the printer's own QR generator (GS ( k).
struct QrCode {
  std::string data;     // bytes as stored; a tracking code is ASCII
  int module_dots = 6;  // 1..16
  QrErrorCorrection correction = QrErrorCorrection::M;
  Justify justify = Justify::Center;
  friend bool operator==(const QrCode&, const QrCode&) = default;
};

// Printed by the printer's own Code 128 generator (GS k 73). ASCII 32..126 only.
struct Code128 {
  std::string data;
  int module_dots = 2;   // GS w, 2..6
  int height_dots = 80;  // GS h, 1..255
  Justify justify = Justify::Center;
  friend bool operator==(const Code128&, const Code128&) = default;
};

// Blank paper, in dots.
struct Feed {
  int dots = 0;
  friend bool operator==(const Feed&, const Feed&) = default;
};

using PrintElement = std::variant<RasterImage, QrCode, Code128, Feed>;

// One receipt: elements printed top to bottom. The layout (text, logo) arrives as ready
// RasterImage elements; codes may be native elements when the model supports them.
struct PrintJob {
  std::vector<PrintElement> elements;
};

class PrinterDriver : public Device {
 public:
  // Connects / claims the device. Safe to call again after a failure or an unplug.
  [[nodiscard]] virtual Result<void> open() = 0;
  // Asks the printer now (real-time status); an error means it could not be asked at all.
  [[nodiscard]] virtual Result<PrinterStatus> status() = 0;
  // Sends the whole job followed by `cut`. Success means every byte was accepted by the
  // printer, not that the paper came out: ask status() afterwards.
  [[nodiscard]] virtual Result<void> print(const PrintJob& job, Cut cut) = 0;
  [[nodiscard]] virtual int paper_width_dots() const = 0;
};

}  // namespace pk
