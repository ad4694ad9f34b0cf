#pragma once
// The virtual twin of a sheet-fed document scanner. Pages are generated (page_synth.h), so
// tests, demos and benchmarks see realistic stacks without hardware, deterministically from
// the seed. Paper and faults are scripted with inject():
//   LOAD <n> [sheet]...  put n sheets in the feeder; sheets are text, photo, blank,
//                        qr:<payload>, code128:<payload>, with an optional flip: prefix,
//                        used in turn (cycling) for the n sheets; default text
//   EMPTY                take every sheet out of the feeder
//   JAM                  the next sheet jams; JAM AFTER <n>: it jams after n more sheets
//   COVER_OPEN  COVER_CLOSE
//   CLEAR                the operator cleared the jam (the jammed sheet is back on the stack)
//   UNPLUG  PLUG         PLUG needs open() again, like a real device
// The flatbed scans the first loaded sheet (or an empty glass); duplex gives each sheet a
// blank back.
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "drivers/device_link.h"
#include "drivers/scanner/page_synth.h"
#include "drivers/scanner/scanner.h"

namespace pk::scanner {

class SimScanner final : public ScannerDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  // "sim:" or "sim:seed=42"
  [[nodiscard]] static Result<std::unique_ptr<SimScanner>> create(std::string_view connection);

  explicit SimScanner(std::uint64_t seed);

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<void> start(const ScanSettings& settings) override;
  [[nodiscard]] Result<std::optional<Page>> next_page() override;
  void cancel() override;
  [[nodiscard]] ScannerStatus status() const override;

  [[nodiscard]] Result<void> inject(std::string_view command);
  [[nodiscard]] int sheets_in_feeder() const;

 private:
  [[nodiscard]] Result<void> apply(std::string_view command);        // m_mutex held
  [[nodiscard]] Error fail(ScannerStatus why, std::string message);  // m_mutex held; ends the batch

  DeviceInfo m_info;
  std::uint64_t m_seed;
  mutable std::mutex m_mutex;
  DeviceLink m_link;  // its connection changes only under m_mutex, with the batch's state
  ScannerStatus m_last_status = ScannerStatus::Ready;
  std::deque<SheetSpec> m_feeder;
  bool m_jammed = false;
  bool m_cover_open = false;
  std::optional<int> m_jam_after;  // sheets still to feed before the scripted jam
  bool m_active = false;
  bool m_back_pending = false;  // duplex: the current sheet's back comes next
  bool m_flatbed_done = false;
  ScanSettings m_settings;
  int m_sequence = 0;
  std::uint64_t m_pages_made = 0;  // seeds each page, so a stack never repeats a page
  std::atomic<bool> m_cancelled{false};
};

}  // namespace pk::scanner
