#pragma once
// QR and Code 128 drawn with ZXing-C++'s writer, centred in a full-width strip with their
// quiet zone. Module sizes are picked from the paper width so that the same receipt scans on
// 58 mm and 80 mm paper (a module of 2 dots is 0.25 mm, the smallest that cheap scanners and
// phone cameras read off thermal paper reliably).
#include <string_view>

#include "domain/result.h"
#include "receipts/rendered_receipt.h"

namespace pk::receipts {

// Fails when the data cannot be encoded (too long for a QR code that fits the width).
[[nodiscard]] Result<CodeStrip> draw_qr(std::string_view data, int width_dots, int content_dots);
// Fails on data outside ASCII 32..126 or a barcode that does not fit content_dots.
[[nodiscard]] Result<CodeStrip> draw_code128(std::string_view data, int width_dots, int content_dots);

}  // namespace pk::receipts
