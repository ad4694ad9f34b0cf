#pragma once
// The barcode-scanner device class: handheld or counter scanners that read a receipt's
// tracking code or a cover sheet and hand over the text. Most are USB HID keyboards
// ("keyboard wedge", evdev_scanner.h); the simulated one is for tests and demos.
#include <chrono>
#include <optional>
#include <string>

#include "domain/result.h"
#include "drivers/device.h"

namespace pk::barcode {

class BarcodeScannerDriver : public Device {
 public:
  // Connects and takes the device for itself. Safe to call again after an unplug.
  [[nodiscard]] virtual Result<void> open() = 0;
  // The next code scanned, waiting at most `timeout`; std::nullopt when none came in time.
  // Call from a driver thread, not the UI thread.
  [[nodiscard]] virtual Result<std::optional<std::string>> read_code(std::chrono::milliseconds timeout) = 0;
  virtual void close() = 0;
};

using BarcodeScannerRegistry = DriverRegistry<BarcodeScannerDriver>;
[[nodiscard]] BarcodeScannerRegistry make_barcode_scanner_registry();  // sim, evdev

}  // namespace pk::barcode
