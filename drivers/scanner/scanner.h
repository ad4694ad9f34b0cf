#pragma once
// The document-scanner device class: what the kiosk and the counter terminal rely on from any
// scanner, whatever the backend (SANE, simulated). A driver delivers raw pages one by one;
// compressing, hashing and checking them is the page pipeline's job (imaging/page_pipeline.h),
// which runs on worker threads so that no caller's UI thread ever waits on a page.
//
// Threading: one thread drives a scanner (open, start, next_page); cancel() and status() may
// be called from any other thread while next_page() is blocked.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/language.h"  // pk::Language, the one the whole terminal speaks
#include "domain/result.h"
#include "drivers/device.h"
#include "imaging/page.h"

namespace pk::scanner {

using pk::Language;

enum class Source : std::uint8_t { Flatbed, Adf, AdfDuplex };
enum class ColorMode : std::uint8_t { Color, Gray, BlackWhite };

struct ScanSettings {
  Source source = Source::Flatbed;
  ColorMode mode = ColorMode::Gray;
  int dpi = 200;
};

// A scanner delivers raw frames as imaging pages; turning them into pages for the store is
// imaging's job (imaging/page_pipeline.h).
using imaging::Page;

enum class ScannerStatus : std::uint8_t { Ready, NoDocuments, Jammed, CoverOpen, Busy, Unplugged, Error };

// The kind of the error a scanner in this status gives (device setup decides on it).
[[nodiscard]] constexpr ErrorKind error_kind_of(ScannerStatus status) {
  switch (status) {
    case ScannerStatus::NoDocuments:
      return ErrorKind::NoMedia;
    case ScannerStatus::Jammed:
    case ScannerStatus::CoverOpen:
      return ErrorKind::DeviceFault;
    case ScannerStatus::Busy:
      return ErrorKind::Busy;
    case ScannerStatus::Unplugged:
      return ErrorKind::NotFound;
    case ScannerStatus::Ready:
    case ScannerStatus::Error:
      break;
  }
  return ErrorKind::Unspecified;
}

// One English line for the technician's log and error messages. What a citizen or an operator
// reads is worded by the kiosk's tables (kiosk/device_words.h), not here.
[[nodiscard]] std::string_view describe(ScannerStatus status);
[[nodiscard]] std::string_view to_string(ScannerStatus status);

class ScannerDriver : public Device {
 public:
  // Connects to the device. Safe to call again after a failure or an unplug.
  [[nodiscard]] virtual Result<void> open() = 0;
  // Applies the settings and begins a batch. An empty feeder here is an error (NoDocuments):
  // the operator has to load paper before scanning.
  [[nodiscard]] virtual Result<void> start(const ScanSettings& settings) = 0;
  // The next page of the batch; std::nullopt when the feeder is empty (flatbed: after one
  // page) or after cancel(). An error ends the batch; the pages delivered before it stay valid
  // and status() says why it stopped.
  [[nodiscard]] virtual Result<std::optional<Page>> next_page() = 0;
  // Stops the batch as soon as the device allows; callable from any thread.
  virtual void cancel() = 0;
  // After an error: why. Ready otherwise.
  [[nodiscard]] virtual ScannerStatus status() const = 0;
};

}  // namespace pk::scanner
