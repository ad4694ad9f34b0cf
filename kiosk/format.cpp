#include "kiosk/format.h"

#include <cstdio>

#include "domain/text_normalize.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

std::string format_number(int64_t value, catalog::Language language) {
  const bool persian = uses_persian_digits(language);
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += persian ? "\u066C" : ",";
    grouped += digits[i];
  }
  if (value < 0) grouped.insert(0, persian ? "\u2212" : "-");
  return persian ? to_persian_digits(grouped) : grouped;
}

std::string format_decimal(double value, int decimals, catalog::Language language) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string out = text;
  if (!uses_persian_digits(language)) return out;
  if (const size_t dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, "\u066B");
  if (!out.empty() && out[0] == '-') out.replace(0, 1, "\u2212");
  return to_persian_digits(out);
}

std::string format_percent(double fraction, int decimals, catalog::Language language) {
  return format_decimal(fraction * 100, decimals, language) +
         (uses_persian_digits(language) ? "\u066A" : "%");
}

std::string format_amount_rials(int64_t rials, catalog::Language language) {
  if (rials == 0) return strings::kFree.in(language);
  return format_number(rials, language) + " " + strings::kRials.in(language);
}

}  // namespace pk::kiosk
