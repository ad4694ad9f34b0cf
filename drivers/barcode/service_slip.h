#pragma once
// The service slip: what a kiosk prints for a service offered only at the counter. Its Code 128
// barcode, read by the counter's barcode scanner, opens a new application with that service
// chosen. Versioned like the cover sheet, so a later terminal can add fields:
//   PKSV1|<service number>
//   service number: 1..999, decimal, no leading zero
// Code 128 because the counter's hand scanner reads it as it reads the tracking code on every
// receipt, and its characters are all on a US keyboard (the scanner "types" them).
// The parser is strict: anything else is not a slip.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::barcode {

inline constexpr std::string_view kServiceSlipMagic = "PKSV";
inline constexpr int kServiceSlipVersion = 1;
inline constexpr int kServiceSlipMaxService = 999;

[[nodiscard]] Result<int> parse_service_slip(std::string_view payload);
[[nodiscard]] Result<std::string> format_service_slip(int service_number);

}  // namespace pk::barcode
