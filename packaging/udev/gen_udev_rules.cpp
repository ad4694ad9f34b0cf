// pk_gen_udev_rules STATIC_RULES OUTPUT: writes the kiosk's udev rules file, the hand-written
// part (STATIC_RULES: scanners, barcode scanners, uaccess) followed by the lines generated from
// the drivers' USB id tables (drivers/device.h, udev_rules()), so a printer added to a driver's
// table is reachable by the kiosk user without anyone editing a rules file by hand. Run at
// build time; the package installs OUTPUT as /usr/lib/udev/rules.d/70-pishkhan.rules.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/device.h"
#include "drivers/printer/usb_printer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s STATIC_RULES OUTPUT\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string static_rules{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Printers go to group lp, the group Debian gives printers (usblp's /dev/usb/lp* too).
  const pk::DriverMetadata* printers[] = {&pk::UsbPrinter::metadata()};
  // Barcode scanners have no id table today (any HID keyboard); kept here so one added later
  // is picked up. Their rules would give the input group, which already owns event devices.
  const pk::DriverMetadata* barcode[] = {&pk::barcode::EvdevScanner::metadata()};
  std::ostringstream out;
  out << static_rules << "\n# --- generated from the drivers' USB id tables ---\n"
      << "ACTION==\"remove\", GOTO=\"pishkhan_generated_end\"\n"
      << pk::udev_rules(printers, "lp");
  if (!barcode[0]->usb_ids.empty()) out << pk::udev_rules(barcode, "input");
  out << "LABEL=\"pishkhan_generated_end\"\n";
  std::ofstream file(argv[2], std::ios::binary | std::ios::trunc);
  file << out.str();
  if (!file.flush()) {
    std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
