#pragma once
// A receipt printer on USB through libusb. Found by USB printer class 7 on an interface, or
// by the vendor/product table for printers that announce a vendor-specific class. The model
// comes from the IEEE 1284 device id; bulk endpoints come from the descriptors; the kernel's
// usblp driver is detached while we hold the interface and given back on close. Every
// transfer has a timeout. Hot-plug uses libusb's hotplug API when the platform has it.
#include <libusb.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "drivers/device_link.h"
#include "drivers/printer/escpos.h"
#include "drivers/printer/printer.h"
#include "drivers/printer/usb_descriptors.h"

namespace pk {

struct UsbPrinterConfig {
  std::optional<UsbId> id;  // empty: the first printer found
  std::chrono::milliseconds transfer_timeout{5000};
  std::chrono::milliseconds status_timeout{1000};
  int paper_width_dots = kDots80mm;
  escpos::EncodeOptions encode;
};

class UsbPrinter final : public PrinterDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  // "usb" (first printer) or "usb:04b8:0e15"
  [[nodiscard]] static Result<std::unique_ptr<UsbPrinter>> create(std::string_view connection);
  // Printers on the bus now. A machine without a USB bus (a container, a CI runner) has none:
  // an empty list, not an error. Errors are reserved for a bus that is there but unreadable.
  [[nodiscard]] static Result<std::vector<DeviceInfo>> discover();

  explicit UsbPrinter(UsbPrinterConfig config);
  ~UsbPrinter() override;

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;
  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<PrinterStatus> status() override;
  [[nodiscard]] Result<void> print(const PrintJob& job, Cut cut) override;
  [[nodiscard]] int paper_width_dots() const override { return m_config.paper_width_dots; }

 private:
  [[nodiscard]] Result<void> ensure_context();
  [[nodiscard]] Result<void> write_locked(std::span<const std::uint8_t> bytes);
  // The kind comes from libusb_error when it is not 0, from kind otherwise.
  [[nodiscard]] Error fail_locked(std::string message, int libusb_error,
                                  ErrorKind kind = ErrorKind::Unspecified);
  void close_locked();
  void stop_events();
  static int LIBUSB_CALL on_hotplug_event(libusb_context* ctx, libusb_device* device,
                                          libusb_hotplug_event event, void* self);

  UsbPrinterConfig m_config;
  DeviceInfo m_info;
  mutable std::mutex m_mutex;
  libusb_context* m_context = nullptr;
  libusb_device_handle* m_handle = nullptr;
  UsbPrinterInterface m_interface;
  bool m_detached_kernel_driver = false;
  DeviceLink m_link;  // changed only under m_mutex; its own mutex is never held around libusb calls
  std::atomic<libusb_device*> m_open_device{nullptr};  // the device of m_handle, for the hotplug thread
  std::atomic<bool> m_device_left{false};              // hotplug saw m_open_device leave
  libusb_hotplug_callback_handle m_hotplug_handle = 0;
  bool m_hotplug_registered = false;
  std::atomic<bool> m_stop_events{false};
  std::thread m_events;
};

}  // namespace pk
