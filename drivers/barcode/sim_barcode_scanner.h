#pragma once
// The virtual twin of a barcode scanner, driven by inject():
//   SCAN <code>   the next read_code() returns <code> (everything after "SCAN ", spaces kept)
//   UNPLUG  PLUG  PLUG needs open() again
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "drivers/barcode/barcode_scanner.h"
#include "drivers/device_link.h"

namespace pk::barcode {

class SimBarcodeScanner final : public BarcodeScannerDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<SimBarcodeScanner>> create(
      std::string_view connection);  // "sim:"

  SimBarcodeScanner();
  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<std::optional<std::string>> read_code(std::chrono::milliseconds timeout) override;
  void close() override;

  [[nodiscard]] Result<void> inject(std::string_view command);

 private:
  DeviceInfo m_info;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  DeviceLink m_link;  // its connection changes only under m_mutex: read_code() waits on it
  std::deque<std::string> m_codes;
};

}  // namespace pk::barcode
