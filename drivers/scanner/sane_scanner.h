#pragma once
// A scanner reached through SANE (any backend SANE has: USB, network, eSCL, and the `test`
// backend the tests use). Connection strings: "sane:<SANE device name>", e.g. "sane:test:0" or
// "sane:genesys:libusb:001:005"; "sane:" alone takes the first scanner SANE finds.
#include <sane/sane.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "drivers/device_link.h"
#include "drivers/scanner/sane_runtime.h"
#include "drivers/scanner/scanner.h"

namespace pk::scanner {

class SaneScanner final : public ScannerDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<SaneScanner>> create(std::string_view connection);

  explicit SaneScanner(std::string device_name);
  ~SaneScanner() override;

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  // SANE has no hot-plug events; an unplug shows as an I/O error on the next scan.
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<void> start(const ScanSettings& settings) override;
  [[nodiscard]] Result<std::optional<Page>> next_page() override;
  void cancel() override;
  [[nodiscard]] ScannerStatus status() const override;

  // A device-specific option by its SANE name ("test-picture", "brightness"); after open(),
  // between batches. For technicians' settings and for tests.
  [[nodiscard]] Result<void> set_option(std::string_view name, std::string_view value);
  // The resolution the device accepted at the last start().
  [[nodiscard]] int actual_dpi() const { return m_dpi; }

 private:
  [[nodiscard]] Error fail(SANE_Status status, std::string_view during);  // ends the batch
  [[nodiscard]] Result<Page> read_page();
  void close_handle();
  void cancel_device(SANE_Handle handle);  // sane_cancel() under m_cancel_mutex

  std::string m_device_name;
  DeviceInfo m_info;
  std::shared_ptr<SaneRuntime> m_runtime;
  std::atomic<SANE_Handle> m_handle{nullptr};
  mutable std::mutex m_state_mutex;  // m_status, and the link's changes that go with it
  ScannerStatus m_status = ScannerStatus::Ready;
  DeviceLink m_link;  // its hotplug callback stays unset: SANE cannot tell
  std::atomic<bool> m_cancelled{false};
  // True while next_page() is inside sane_read(): only then does cancel() call sane_cancel()
  // from the other thread. A cancel during sane_start() (which the SANE test backend does not
  // survive under load) is seen by next_page() itself right after it.
  std::atomic<bool> m_reading{false};
  // sane_cancel() may come from the canceller's thread and the reader's at once (a cancel that
  // lands as the page ends). Backends stop and reap their reader in sane_cancel(), and SANE
  // does not promise that two at once are safe.
  std::mutex m_cancel_mutex;
  bool m_active = false;
  bool m_frame_started = false;  // sane_start succeeded for a page not yet read
  bool m_threshold = false;      // BlackWhite on a device without a bilevel mode
  Source m_source = Source::Flatbed;
  int m_dpi = 0;
  int m_sequence = 0;
};

}  // namespace pk::scanner
