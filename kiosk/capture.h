#pragma once
// One page from the scanner for the citizen flow: scanned, compressed to JPEG and reduced
// to a preview for the screen. The clear image never leaves memory here; sealing happens at
// submit (kiosk/submission.cpp).
#include <cstdint>

#include "domain/result.h"
#include "drivers/scanner/scanner.h"
#include "kiosk/citizen_state.h"

namespace pk::kiosk {

Result<CapturedPage> capture_page(scanner::ScannerDriver& scanner, uint64_t preview_id, Language language);

}  // namespace pk::kiosk
