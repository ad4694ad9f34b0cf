#pragma once
// Numbers as people read them: Persian digits and the Persian thousands separator (٬) in
// Persian, ASCII digits and commas in English.
#include <cstdint>
#include <string>

#include "domain/catalog.h"

namespace pk::kiosk {

[[nodiscard]] std::string format_number(int64_t value, catalog::Language language);
[[nodiscard]] std::string format_amount_rials(int64_t rials, catalog::Language language);

}  // namespace pk::kiosk
