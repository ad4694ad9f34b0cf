#include "receipts/receipt_format.h"
#include "receipts/receipt_words.h"

#include <cstdio>

#include "domain/jalali.h"
#include "domain/text_normalize.h"

namespace pk::receipts {

std::string localized_digits(std::string_view ascii, Language language) {
  return uses_persian_digits(language) ? to_persian_digits(ascii) : std::string(ascii);
}

std::string format_rials(std::int64_t rials, Language language) {
  const bool negative = rials < 0;
  // Work on the magnitude as unsigned so INT64_MIN does not overflow.
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(rials) : static_cast<std::uint64_t>(rials);
  const std::string separator = uses_persian_digits(language) ? "\u066C" : ",";
  std::string digits = std::to_string(magnitude);
  // The sign goes in first: inserting it afterwards trips GCC 12's -Wrestrict false positive.
  std::string grouped = negative ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return localized_digits(grouped, language) + " " + std::string(words::kRials.in(language));
}

std::string format_working_days(int days, Language language) {
  const std::string number = localized_digits(std::to_string(days), language);
  // English says "1 working day"; Persian and Dari keep the singular after a number; Pashto
  // says "کاري ورځې" after more than one.
  return number + " " + std::string((days == 1 ? words::kWorkingDay : words::kWorkingDays).in(language));
}

std::string format_terminal(int terminal_number, Language language) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", terminal_number);
  return localized_digits(buffer, language);
}

std::string format_date_time(std::int64_t unix_seconds, Language language) {
  const std::string date =
      jalali::format_jalali(jalali::from_unix(unix_seconds), language, jalali::DateStyle::Long);
  constexpr std::int64_t kDay = 86'400;
  std::int64_t seconds_of_day = (unix_seconds + jalali::kIranUtcOffsetSeconds) % kDay;
  if (seconds_of_day < 0) seconds_of_day += kDay;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(seconds_of_day / 3600),
                static_cast<int>(seconds_of_day % 3600 / 60));
  return date + std::string(words::kAtClock.in(language)) + localized_digits(clock, language);
}

}  // namespace pk::receipts
