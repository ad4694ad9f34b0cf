#pragma once
// Checks of the identifiers a citizen types or a card reader yields. Each validator accepts
// what people really type (Persian or Arabic-Indic digits, spaces, dashes) and returns the
// normalised value the rest of the system stores, or an error code with words for it.
#include <string>
#include <string_view>

#include "domain/language.h"
#include "domain/validated.h"

namespace pk::identity {

// The documents a person identifies with. Most who come to the office are foreign nationals:
// they hold an Amayesh (refugee) card, a FIDA number or a passport; Iranians a national code.
enum class IdKind { NationalCode, Fida, AmayeshCard, Passport, Mobile };

// The identity documents a person may choose, in the order the screens offer them.
inline constexpr IdKind kIdDocuments[] = {IdKind::AmayeshCard, IdKind::Fida, IdKind::Passport,
                                          IdKind::NationalCode};

enum class IdentityError {
  Empty,          // nothing was typed
  NotDigits,      // letters or symbols where only digits belong
  WrongLength,    // too few or too many characters for this kind of number
  AllSameDigits,  // 1111111111 and the like pass the check digit but are never issued
  BadCheckDigit,  // a digit is mistyped: the national code's last digit does not match
  BadCharacters,  // a passport number holds something other than Latin letters and digits
  NotMobile,      // an Iranian number that is not a mobile number (09…), e.g. a landline
  // A number that is neither Iranian nor written with its country code (+93…).
  CountryCodeMissing,
  AfghanMobile,         // +93 but not 9 digits starting with 7
  PakistaniMobile,      // +92 but not 10 digits starting with 3
  IraqiMobile,          // +964 but not 10 digits starting with 7
  InternationalLength,  // another country's number that is not 8 to 15 digits in all (E.164)
};

using IdentityCheck = Validated<std::string, IdentityError>;

// Iranian national code (کد ملی): 10 digits, the last a mod-11 check digit. 8 or 9 digits are
// accepted and padded with leading zeros (older cards and forms drop them). → "0012345679"
[[nodiscard]] IdentityCheck validate_national_code(std::string_view text);

// FIDA number (کد فیدا, also called the foreign national's unique id, کد یکتای اتباع): 12
// digits, the foreign national's counterpart of the national code. No check-digit algorithm
// for it is published, so only the shape is checked.
[[nodiscard]] IdentityCheck validate_fida_number(std::string_view text);

// The number printed on an Amayesh card (کارت آمایش, the refugee card). Its format is not
// published (cards of different rounds print numbers of different lengths), so the check is
// conservative: digits only, 6 to 14 of them, not all the same. Tighten when the Bureau for
// Foreign Nationals publishes the format.
[[nodiscard]] IdentityCheck validate_amayesh_number(std::string_view text);

// Passport number (ICAO 9303): 6 to 9 characters A–Z, 0–9, upper-cased; spaces ignored.
[[nodiscard]] IdentityCheck validate_passport_number(std::string_view text);

// The number of a document of `kind` (not Mobile): the validator above for that kind.
[[nodiscard]] IdentityCheck validate_document_number(IdKind kind, std::string_view text);

// A mobile number, Iranian or not. An Iranian one in any usual form (0912…, 912…, +98 912…,
// 0098 912…) → "09121234567", as it has always been stored. Another country's number is
// written with + (or 00) and its country code and stored in E.164 form, "+93701234567":
// Afghanistan (+93, 9 digits starting with 7), Pakistan (+92, 10 digits starting with 3) and
// Iraq (+964, 10 digits starting with 7) are checked by their own rules, any other country
// by E.164's length alone (8 to 15 digits with the country code).
[[nodiscard]] IdentityCheck validate_mobile(std::string_view text);

// Short words for someone who reads little: what is wrong and what to do.
[[nodiscard]] std::string_view describe(IdentityError error, Language language);
// The same, naming the kind of number ("The national code must have 10 digits.").
[[nodiscard]] std::string describe(IdentityError error, IdKind kind, Language language);

}  // namespace pk::identity
