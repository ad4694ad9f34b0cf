#pragma once
// Checks of the identifiers a citizen types or a card reader yields. Each validator accepts
// what people really type (Persian or Arabic-Indic digits, spaces, dashes) and returns the
// normalised value the rest of the system stores, or an error code with words for it.
#include <string>
#include <string_view>

#include "domain/language.h"
#include "domain/validated.h"

namespace pk::identity {

enum class IdKind { NationalCode, ForeignNationalId, Passport, Mobile };

enum class IdentityError {
  Empty,          // nothing was typed
  NotDigits,      // letters or symbols where only digits belong
  WrongLength,    // too few or too many characters for this kind of number
  AllSameDigits,  // 1111111111 and the like pass the check digit but are never issued
  BadCheckDigit,  // a digit is mistyped: the national code's last digit does not match
  BadCharacters,  // a passport number holds something other than Latin letters and digits
  NotMobile,      // a phone number that is not an Iranian mobile number (09…)
};

using IdentityCheck = Validated<std::string, IdentityError>;

// Iranian national code (کد ملی): 10 digits, the last a mod-11 check digit. 8 or 9 digits are
// accepted and padded with leading zeros (older cards and forms drop them). → "0012345679"
[[nodiscard]] IdentityCheck validate_national_code(std::string_view text);

// Foreign national's unique id (کد یکتای اتباع): 12 digits. No public check-digit algorithm
// exists for it, so only the shape is checked.
[[nodiscard]] IdentityCheck validate_foreign_national_id(std::string_view text);

// Passport number (ICAO 9303): 6 to 9 characters A–Z, 0–9, upper-cased; spaces ignored.
[[nodiscard]] IdentityCheck validate_passport_number(std::string_view text);

// Iranian mobile number in any usual form (0912…, 912…, +98 912…, 0098 912…) → "09121234567".
[[nodiscard]] IdentityCheck validate_mobile(std::string_view text);

// Short words for someone who reads little: what is wrong and what to do.
[[nodiscard]] std::string_view describe(IdentityError error, Language language);
// The same, naming the kind of number ("The national code must have 10 digits.").
[[nodiscard]] std::string describe(IdentityError error, IdKind kind, Language language);

}  // namespace pk::identity
