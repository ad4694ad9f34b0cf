#include "drivers/device.h"

#include <cstdio>

namespace pk {

std::string udev_rules(std::span<const DriverMetadata* const> drivers, std::string_view group) {
  std::string rules = "# Generated from the drivers' USB id tables; do not edit by hand.\n";
  for (const DriverMetadata* driver : drivers) {
    for (const UsbId& id : driver->usb_ids) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "SUBSYSTEM==\"usb\", ATTRS{idVendor}==\"%04x\", ATTRS{idProduct}==\"%04x\", "
                    "MODE=\"0660\", GROUP=\"%.*s\"  # %.*s\n",
                    id.vendor, id.product, static_cast<int>(group.size()), group.data(),
                    static_cast<int>(driver->name.size()), driver->name.data());
      rules += line;
    }
  }
  // Printers outside the tables still announce USB printer class 7 on an interface.
  rules += "SUBSYSTEM==\"usb\", ENV{ID_USB_INTERFACES}==\"*:0701??:*\", MODE=\"0660\", GROUP=\"" +
           std::string(group) + "\"  # any USB printer-class device\n";
  return rules;
}

}  // namespace pk
