#pragma once
// The virtual twin of a receipt printer. It keeps every byte it is sent (job-NNNN.bin) and
// draws what a thermal printer would print (job-NNNN.png), so tests and demos see receipts
// without hardware. Failures are scripted with inject() or a control file:
//   PAPER_OUT  PAPER_NEAR_END  PAPER_OK  COVER_OPEN  COVER_CLOSE  ERROR  ERROR_CLEAR
//   UNPLUG  PLUG
// and "<command> AFTER <n>": the command strikes once n more bytes of a job have been printed
// (what a roll running out halfway through a receipt looks like). A job cut short leaves
// job-NNNN-interrupted.bin / .png with what came out before it stopped.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/device_link.h"
#include "drivers/printer/escpos.h"
#include "drivers/printer/printer.h"

namespace pk {

struct SimPrinterConfig {
  std::filesystem::path output_dir;
  int paper_width_dots = kDots80mm;
  escpos::EncodeOptions encode;
  // When set, lines of commands written to this file are applied (and the file removed) at
  // the next status() or print(): how a technician or a demo script drives a running kiosk.
  std::filesystem::path control_file;
};

class SimPrinter final : public PrinterDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  // "sim:/var/tmp/printer" or "sim:/var/tmp/printer?width=384"
  [[nodiscard]] static Result<std::unique_ptr<SimPrinter>> create(std::string_view connection);

  explicit SimPrinter(SimPrinterConfig config);

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<PrinterStatus> status() override;
  [[nodiscard]] Result<void> print(const PrintJob& job, Cut cut) override;
  [[nodiscard]] int paper_width_dots() const override { return m_config.paper_width_dots; }

  [[nodiscard]] Result<void> inject(std::string_view command);
  [[nodiscard]] int jobs_completed() const;
  [[nodiscard]] int jobs_interrupted() const;
  // job-NNNN.png of the last complete job; empty before the first.
  [[nodiscard]] std::filesystem::path last_receipt_png() const;

 private:
  enum class PaperLevel : std::uint8_t { Ok, NearEnd, Out };
  struct Pending {
    std::string command;
    std::size_t after_bytes;
  };

  [[nodiscard]] Result<void> apply(std::string_view command);                           // m_mutex held
  void poll_control_file();                                                             // m_mutex not held
  [[nodiscard]] PrinterStatus current() const;                                          // m_mutex held
  [[nodiscard]] Result<void> save(std::span<const std::uint8_t> bytes, bool complete);  // m_mutex held

  SimPrinterConfig m_config;
  DeviceInfo m_info;
  mutable std::mutex m_mutex;
  DeviceLink m_link;  // changed only under m_mutex, with the paper, cover and job state
  PaperLevel m_paper = PaperLevel::Ok;
  bool m_cover_open = false;
  bool m_error = false;
  std::optional<Pending> m_pending;
  int m_job_number = 0;
  int m_completed = 0;
  int m_interrupted = 0;
  std::filesystem::path m_last_png;
};

}  // namespace pk
