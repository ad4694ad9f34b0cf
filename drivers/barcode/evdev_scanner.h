#pragma once
// A USB HID keyboard-wedge barcode scanner read from its evdev node with an exclusive grab
// (EVIOCGRAB): while the terminal holds it, the scanned digits go to us only and never type
// into whichever screen field has focus. Connection: "evdev:/dev/input/by-id/usb-...-event-kbd"
// (the by-id path survives replugging into another port).
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/barcode/barcode_scanner.h"
#include "drivers/barcode/key_wedge_decoder.h"
#include "drivers/device_link.h"

namespace pk::barcode {

class EvdevScanner final : public BarcodeScannerDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<EvdevScanner>> create(std::string_view connection);
  // Keyboard-like USB input devices now attached (by-id links ending in "-event-kbd"): every
  // wedge scanner is one, and so is a real keyboard, so the technician picks. A folder that
  // does not exist (no USB input device at all) gives an empty list, not an error.
  [[nodiscard]] static Result<std::vector<DeviceInfo>> discover(
      const std::filesystem::path& by_id = "/dev/input/by-id");

  explicit EvdevScanner(std::string path);
  ~EvdevScanner() override;

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<std::optional<std::string>> read_code(std::chrono::milliseconds timeout) override;
  void close() override;

 private:
  std::string m_path;
  DeviceInfo m_info;
  KeyWedgeDecoder m_decoder;
  DeviceLink m_link;
  int m_fd = -1;
};

}  // namespace pk::barcode
