#pragma once
// Reading a USB printer's shape from its descriptors: which interface is the printer, which
// bulk endpoints carry data. Pure functions over libusb's descriptor structs, so they are
// tested with hand-built descriptors and no device.
#include <libusb.h>

#include <cstdint>
#include <optional>
#include <span>

#include "drivers/device.h"

namespace pk {

inline constexpr std::uint8_t kUsbClassPrinter = 7;

struct UsbPrinterInterface {
  int interface_number = 0;
  int alt_setting = 0;
  int protocol = 0;               // 1 unidirectional, 2 bidirectional, 3 IEEE 1284.4
  std::uint8_t endpoint_out = 0;  // bulk OUT, always present
  std::uint8_t endpoint_in = 0;   // bulk IN, 0 when the printer cannot answer status
};

// The printer interface of a configuration: class 7 preferred (bidirectional first), else,
// when `vendor_specific_ok` (the device is in a driver's id table), a vendor-specific
// interface with a bulk OUT endpoint, as many cheap ESC/POS printers have.
[[nodiscard]] std::optional<UsbPrinterInterface> find_printer_interface(
    const libusb_config_descriptor& config, bool vendor_specific_ok);

[[nodiscard]] bool in_table(std::span<const UsbId> table, UsbId id);

}  // namespace pk
