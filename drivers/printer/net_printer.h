#pragma once
// A printer on the network speaking raw ESC/POS on TCP port 9100 ("JetDirect" style).
// Every wait is bounded: connect, each write and each status read have their own timeout,
// and errors name the printer and the time waited:
// "printer at 10.0.0.5:9100 did not answer within 2 s".
// Status is read back on the same socket with DLE EOT 1..4.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "drivers/printer/escpos.h"
#include "drivers/printer/printer.h"

namespace pk {

struct NetPrinterConfig {
  std::string host;  // numeric address or name
  std::uint16_t port = 9100;
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds write_timeout{5000};  // for each chunk the printer must take
  std::chrono::milliseconds read_timeout{2000};   // for each status byte
  int paper_width_dots = kDots80mm;
  escpos::EncodeOptions encode;
};

class NetPrinter final : public PrinterDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  // "tcp:10.0.0.5" or "tcp:10.0.0.5:9100"
  [[nodiscard]] static Result<std::unique_ptr<NetPrinter>> create(std::string_view connection);

  explicit NetPrinter(NetPrinterConfig config);
  ~NetPrinter() override;

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  // A network printer has no plug events; loss shows as status errors.
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<PrinterStatus> status() override;
  [[nodiscard]] Result<void> print(const PrintJob& job, Cut cut) override;
  [[nodiscard]] int paper_width_dots() const override { return m_config.paper_width_dots; }

  // Sends raw bytes (already encoded); used by print() and by tools.
  [[nodiscard]] Result<void> send(std::span<const std::uint8_t> bytes);

 private:
  [[nodiscard]] Result<void> connect_locked();
  [[nodiscard]] Result<void> send_locked(std::span<const std::uint8_t> bytes);
  [[nodiscard]] Result<std::uint8_t> query_locked(escpos::StatusQuery query);
  // Closes the socket, keeps the message.
  [[nodiscard]] Error fail_locked(ErrorKind kind, std::string message);
  void close_locked();
  [[nodiscard]] std::string where() const;

  NetPrinterConfig m_config;
  DeviceInfo m_info;
  mutable std::mutex m_mutex;
  int m_fd = -1;
  std::string m_last_error;
};

}  // namespace pk
