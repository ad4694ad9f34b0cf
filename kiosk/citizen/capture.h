#pragma once
// One page from the scanner for the citizen flow, through the same steps as every page at the
// counter (imaging::process_page, what each PagePipeline worker runs): blank detection, codes
// and the orientation they show (turned before encoding), encoding, the SHA-256 of the bytes
// and a preview for the screen. A blank scan is refused as "no document on the glass". The raw
// pixels are wiped; the clear page stays in memory only until it is sealed at submit
// (kiosk/submission.cpp).
#include <cstdint>

#include "domain/result.h"
#include "drivers/scanner/scanner.h"
#include "kiosk/citizen/citizen_state.h"

namespace pk::kiosk {

Result<CapturedPage> capture_page(scanner::ScannerDriver& scanner, uint64_t preview_id, Language language);

}  // namespace pk::kiosk
