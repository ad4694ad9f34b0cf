#include "drivers/scanner/scanner_registry.h"

#include <cstdlib>

#include "drivers/scanner/sane_scanner.h"
#include "drivers/scanner/sim_scanner.h"

namespace pk::scanner {

ScannerRegistry make_scanner_registry() {
  ScannerRegistry registry;
  registry.add<SimScanner>();
  registry.add<SaneScanner>();
  return registry;
}

Result<std::unique_ptr<ScannerDriver>> create_scanner(const ScannerRegistry& registry,
                                                      const std::string& configured) {
  const char* from_env = std::getenv("PK_SCANNER");
  return registry.create(from_env != nullptr && *from_env != '\0' ? std::string(from_env) : configured);
}

}  // namespace pk::scanner
