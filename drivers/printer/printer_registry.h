#pragma once
// The printer drivers the kiosk knows, and how one is chosen: by connection string from the
// configuration, or from the PK_PRINTER environment variable ("sim:/tmp/receipts" in demos).
#include <memory>
#include <string>

#include "drivers/device.h"
#include "drivers/printer/printer.h"

namespace pk {

using PrinterRegistry = DriverRegistry<PrinterDriver>;

[[nodiscard]] PrinterRegistry make_printer_registry();  // sim, tcp, usb
// PK_PRINTER when set, else `configured`.
[[nodiscard]] Result<std::unique_ptr<PrinterDriver>> create_printer(const PrinterRegistry& registry,
                                                                    const std::string& configured);

}  // namespace pk
