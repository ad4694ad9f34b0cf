#pragma once
// Numbers as people read them: Persian digits and the Persian thousands separator (٬) in
// Persian, ASCII digits and commas in English.
#include <cstdint>
#include <string>

#include "domain/catalog.h"

namespace pk::kiosk {

[[nodiscard]] std::string format_number(int64_t value, catalog::Language language);
[[nodiscard]] std::string format_amount_rials(int64_t rials, catalog::Language language);
// A decimal with `decimals` places: "12.5" / "۱۲٫۵" (the Persian decimal separator ٫).
[[nodiscard]] std::string format_decimal(double value, int decimals, catalog::Language language);
// A fraction as a percentage: 0.9984 → "99.84%" / "۹۹٫۸۴٪".
[[nodiscard]] std::string format_percent(double fraction, int decimals, catalog::Language language);

// Between the parts of a one-line title or footer. Not a middle dot: beside a Persian digit
// "·" reads as the digit zero ("۱ ·" looks like ۱۰).
inline constexpr const char* kSeparator = " | ";

}  // namespace pk::kiosk
