#include "drivers/barcode/barcode_scanner.h"
#include "drivers/barcode/evdev_scanner.h"
#include "drivers/barcode/sim_barcode_scanner.h"

namespace pk::barcode {

BarcodeScannerRegistry make_barcode_scanner_registry() {
  BarcodeScannerRegistry registry;
  registry.add<SimBarcodeScanner>();
  registry.add<EvdevScanner>();
  return registry;
}

}  // namespace pk::barcode
