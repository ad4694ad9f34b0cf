// A USB printer's descriptors (drivers/printer/usb_descriptors.h) as libusb hands them over,
// built from arbitrary bytes: up to 4 interfaces of up to 3 alternate settings of up to 6
// endpoints. No crash, no read past a descriptor's own arrays, and the interface chosen is one
// the device offered, with a bulk OUT endpoint it has.
#include <libusb.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "drivers/printer/usb_descriptors.h"

namespace {

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
  uint8_t next() { return m_at < m_size ? m_data[m_at++] : 0; }

 private:
  const uint8_t* m_data;
  size_t m_size;
  size_t m_at = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in(data, size);
  const bool vendor_specific_ok = in.next() % 2 == 1;
  libusb_config_descriptor config{};
  config.bNumInterfaces = in.next() % 5;
  // Exact-size arrays, so that ASan catches any read past what the counts say.
  std::vector<libusb_interface> interfaces(config.bNumInterfaces);
  std::vector<std::vector<libusb_interface_descriptor>> alts(config.bNumInterfaces);
  std::vector<std::vector<std::vector<libusb_endpoint_descriptor>>> endpoints(config.bNumInterfaces);
  for (size_t i = 0; i < interfaces.size(); ++i) {
    alts[i].resize(in.next() % 4);
    endpoints[i].resize(alts[i].size());
    for (size_t a = 0; a < alts[i].size(); ++a) {
      libusb_interface_descriptor& alt = alts[i][a];
      alt.bInterfaceNumber = in.next();
      alt.bAlternateSetting = in.next();
      alt.bInterfaceClass = in.next();
      alt.bInterfaceProtocol = in.next();
      alt.bNumEndpoints = in.next() % 7;
      endpoints[i][a].resize(alt.bNumEndpoints);
      for (libusb_endpoint_descriptor& ep : endpoints[i][a]) {
        ep.bEndpointAddress = in.next();
        ep.bmAttributes = in.next();
      }
      alt.endpoint = endpoints[i][a].data();
    }
    interfaces[i].altsetting = alts[i].data();
    interfaces[i].num_altsetting = static_cast<int>(alts[i].size());
  }
  config.interface = interfaces.data();

  const auto found = pk::find_printer_interface(config, vendor_specific_ok);
  if (!found) return 0;
  if (found->endpoint_out == 0 || (found->endpoint_out & LIBUSB_ENDPOINT_DIR_MASK) != LIBUSB_ENDPOINT_OUT)
    std::abort();
  bool offered = false;
  for (const auto& its_alts : alts)
    for (const libusb_interface_descriptor& alt : its_alts)
      offered = offered || (alt.bInterfaceNumber == found->interface_number &&
                            alt.bAlternateSetting == found->alt_setting &&
                            (alt.bInterfaceClass == pk::kUsbClassPrinter ||
                             (vendor_specific_ok && alt.bInterfaceClass == LIBUSB_CLASS_VENDOR_SPEC)));
  if (!offered) std::abort();
  return 0;
}
