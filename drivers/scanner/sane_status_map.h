#pragma once
// What a SANE status means for the operator. IO_ERROR is what a scanner pulled off USB (or a
// network scanner that went away) gives, so it maps to Unplugged.
#include <sane/sane.h>

#include "drivers/scanner/scanner.h"

namespace pk::scanner {

[[nodiscard]] ScannerStatus map_sane_status(SANE_Status status);
// The kind of the error a failed SANE call gives: the scanner's status where it has one, else
// what SANE said (access denied, an option or format the backend does not support).
[[nodiscard]] ErrorKind sane_error_kind(SANE_Status status);

}  // namespace pk::scanner
