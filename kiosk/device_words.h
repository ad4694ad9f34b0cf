#pragma once
// How the kiosk words a device's state for a citizen (Persian) or an operator (English). The
// drivers report states (PrinterStatus, ScannerStatus, CardState, the passport chip's
// ReadFailure) and keep only an English line for the technician's log; what a person at the screen reads is
// worded here, beside the other tables.
#include <string_view>

#include "domain/language.h"
#include "drivers/cardreader/apps/icao/read_failure.h"
#include "drivers/cardreader/card_reader.h"
#include "drivers/printer/printer.h"
#include "drivers/scanner/scanner.h"

namespace pk::kiosk {

[[nodiscard]] std::string_view device_words(PrinterStatus status, Language language);
[[nodiscard]] std::string_view device_words(scanner::ScannerStatus status, Language language);
[[nodiscard]] std::string_view device_words(cardreader::CardState state, Language language);
// What the citizen does next after reading a passport's chip (None: it was read).
[[nodiscard]] std::string_view device_words(cardreader::icao::ReadFailure failure, Language language);

}  // namespace pk::kiosk
