#include "drivers/printer/usb_descriptors.h"

#include <algorithm>

namespace pk {
namespace {

std::optional<UsbPrinterInterface> endpoints_of(const libusb_interface_descriptor& alt) {
  UsbPrinterInterface found;
  found.interface_number = alt.bInterfaceNumber;
  found.alt_setting = alt.bAlternateSetting;
  found.protocol = alt.bInterfaceProtocol;
  for (int e = 0; e < alt.bNumEndpoints; ++e) {
    const libusb_endpoint_descriptor& ep = alt.endpoint[e];
    if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
    const bool in = (ep.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
    std::uint8_t& slot = in ? found.endpoint_in : found.endpoint_out;
    if (slot == 0) slot = ep.bEndpointAddress;
  }
  if (found.endpoint_out == 0) return std::nullopt;
  return found;
}

int rank(const UsbPrinterInterface& candidate, int interface_class) {
  // Bidirectional printer class first (status readback), then any printer class, then vendor.
  int score = interface_class == kUsbClassPrinter ? 10 : 0;
  if (candidate.protocol == 2) score += 5;
  if (candidate.endpoint_in != 0) score += 2;
  return score;
}

}  // namespace

std::optional<UsbPrinterInterface> find_printer_interface(const libusb_config_descriptor& config,
                                                          bool vendor_specific_ok) {
  std::optional<UsbPrinterInterface> best;
  int best_rank = -1;
  for (int i = 0; i < config.bNumInterfaces; ++i) {
    const libusb_interface& iface = config.interface[i];
    for (int a = 0; a < iface.num_altsetting; ++a) {
      const libusb_interface_descriptor& alt = iface.altsetting[a];
      const bool printer = alt.bInterfaceClass == kUsbClassPrinter;
      const bool vendor = alt.bInterfaceClass == LIBUSB_CLASS_VENDOR_SPEC && vendor_specific_ok;
      if (!printer && !vendor) continue;
      auto candidate = endpoints_of(alt);
      if (!candidate) continue;
      const int r = rank(*candidate, alt.bInterfaceClass);
      if (r > best_rank) {
        best = candidate;
        best_rank = r;
      }
    }
  }
  return best;
}

bool in_table(std::span<const UsbId> table, UsbId id) {
  return std::find(table.begin(), table.end(), id) != table.end();
}

}  // namespace pk
