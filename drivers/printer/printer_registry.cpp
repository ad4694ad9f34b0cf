#include "drivers/printer/printer_registry.h"

#include <cstdlib>

#include "drivers/printer/net_printer.h"
#include "drivers/printer/sim_printer.h"
#include "drivers/printer/usb_printer.h"

namespace pk {

PrinterRegistry make_printer_registry() {
  PrinterRegistry registry;
  registry.add<SimPrinter>();
  registry.add<NetPrinter>();
  registry.add<UsbPrinter>();
  return registry;
}

Result<std::unique_ptr<PrinterDriver>> create_printer(const PrinterRegistry& registry,
                                                      const std::string& configured) {
  const char* from_env = std::getenv("PK_PRINTER");
  return registry.create(from_env != nullptr && *from_env != '\0' ? std::string(from_env) : configured);
}

}  // namespace pk
