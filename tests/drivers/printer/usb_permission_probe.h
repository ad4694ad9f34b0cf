#pragma once
// Opens the USB printer as a user who may not open its device node, the way the kiosk user
// does on a machine without the udev rule: the node gets mode 000 and a child process opens
// it without the capabilities (CAP_DAC_OVERRIDE...) with which root (CI) opens any file.
#include <filesystem>
#include <string>

#include "domain/result.h"

namespace pk::test {

// The message UsbPrinter::open() gave, or an error when it unexpectedly succeeded or the child
// could not run. The umockdev testbed must already hold the printer at `devnode` (a path in
// the testbed's root directory).
[[nodiscard]] Result<std::string> open_without_permission(const std::filesystem::path& devnode);

}  // namespace pk::test
