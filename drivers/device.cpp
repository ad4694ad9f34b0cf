#include "drivers/device.h"

#include <cstdio>

namespace pk {

std::string udev_rules(std::span<const DriverMetadata* const> drivers, std::string_view group) {
  std::string rules = "# Generated from the drivers' USB id tables; do not edit by hand.\n";
  for (const DriverMetadata* driver : drivers) {
    for (const UsbId& id : driver->usb_ids) {
      char line[256];
      std::snprintf(line, sizeof line,
                    // udev takes '#' only at the start of a line: a comment after a rule
                    // makes udev ignore the whole rule ("Invalid key/value pair").
                    "# %.*s\nSUBSYSTEM==\"usb\", ATTRS{idVendor}==\"%04x\", ATTRS{idProduct}==\"%04x\", "
                    "MODE=\"0660\", GROUP=\"%.*s\"\n",
                    static_cast<int>(driver->name.size()), driver->name.data(), id.vendor, id.product,
                    static_cast<int>(group.size()), group.data());
      rules += line;
    }
  }
  // Printers outside the tables still announce USB printer class 7 on an interface.
  rules +=
      "# any USB printer-class device\nSUBSYSTEM==\"usb\", ENV{ID_USB_INTERFACES}==\"*:0701??:*\", "
      "MODE=\"0660\", GROUP=\"" +
      std::string(group) + "\"\n";
  return rules;
}

}  // namespace pk
