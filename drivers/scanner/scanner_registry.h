#pragma once
// The scanner drivers the terminal knows, and how one is chosen: by connection string from
// the configuration, or from the PK_SCANNER environment variable ("sim:seed=7" in demos).
#include <memory>
#include <string>

#include "drivers/device.h"
#include "drivers/scanner/scanner.h"

namespace pk::scanner {

using ScannerRegistry = DriverRegistry<ScannerDriver>;

[[nodiscard]] ScannerRegistry make_scanner_registry();  // sim, sane
// PK_SCANNER when set, else `configured`.
[[nodiscard]] Result<std::unique_ptr<ScannerDriver>> create_scanner(const ScannerRegistry& registry,
                                                                    const std::string& configured);

}  // namespace pk::scanner
