#pragma once
// How numbers, money and instants read on a receipt: Persian digits on Persian receipts
// (a citizen compares them with what the operator reads aloud), Jalali dates in both
// languages (the SLA counts in the solar calendar), Iran time.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/language.h"

namespace pk::receipts {

// ASCII digits in the receipt's digits: "0042" → "۰۰۴۲" in Persian, unchanged in English.
[[nodiscard]] std::string localized_digits(std::string_view ascii, Language language);
// "۵٬۰۰۰٬۰۰۰ ریال" / "5,000,000 rials"; the Persian thousands separator is U+066C.
[[nodiscard]] std::string format_rials(std::int64_t rials, Language language);
// "۱۸۰ روز" / "180 days" ("1 day").
// The catalog's handling time, in the words of the service card: working days, not "about".
[[nodiscard]] std::string format_working_days(int days, Language language);
// The terminal's number as printed and spoken: four digits, "۰۰۴۲".
[[nodiscard]] std::string format_terminal(int terminal_number, Language language);
// "۴ آذر ۱۴۰۵، ساعت ۱۴:۳۵" / "4 Azar 1405, 14:35", Iran time (domain/jalali.h).
[[nodiscard]] std::string format_date_time(std::int64_t unix_seconds, Language language);

}  // namespace pk::receipts
