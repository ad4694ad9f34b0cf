#pragma once
// The technician's test receipt: printed by device set-up to check a printer end to end (text
// in both directions, a QR code, a Code 128 barcode, the cutter). Its barcode carries a
// valid sample tracking code so that the barcode scanner's self-test can read the very
// receipt the printer just printed. It says plainly that it is a test and worth nothing.
#include <cstdint>
#include <string>

#include "domain/language.h"
#include "domain/result.h"
#include "receipts/receipt.h"

namespace pk::receipts {

struct TestReceiptData {
  Language language = Language::Persian;
  std::string terminal_id{};
  int terminal_number = 0;
  std::string printer_name{};  // DeviceInfo::name of the printer under test
  std::int64_t printed_unix = 0;
  std::string sample_code{};  // 14 ASCII digits (sample_tracking_digits())
};

// A valid failure-report-kind code with sequence 0, which no terminal ever issues (sequences
// start at 1): a status check of it finds nothing, and nobody mistakes it for a real one.
[[nodiscard]] std::string sample_tracking_digits(int terminal_number);

// Refuses a sample code that is not 14 ASCII digits.
[[nodiscard]] Result<Receipt> test_receipt(const TestReceiptData& data);

}  // namespace pk::receipts
