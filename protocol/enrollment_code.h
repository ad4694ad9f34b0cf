#pragma once
// One-time enrollment codes: what a technician reads off the centre's console (or a QR code)
// and types on the terminal. 15 random Crockford base32 characters (75 bits) and a Luhn mod 32
// check character, shown in groups of four: "7KQM-2H9T-XB4D-R0WC". The check character catches
// every single mistyped character and nearly every swap of two neighbours (all but 0 and Z,
// Luhn's blind spot), so a typo is reported as
// "mistyped" on the terminal before it ever reaches the centre. Crockford's alphabet has no
// I, L, O or U; reading is forgiving (lower case, I/L as 1, O as 0, spaces and dashes ignored).
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::enroll {

inline constexpr size_t kCodeLength = 16;  // characters, check character included

// A fresh code in canonical form (16 characters, no dashes).
[[nodiscard]] std::string new_enrollment_code();
// The canonical form of a typed code, or an Error that says it is mistyped (and why).
[[nodiscard]] Result<std::string> normalise_enrollment_code(std::string_view typed);
// "XXXX-XXXX-XXXX-XXXX" for a canonical code.
[[nodiscard]] std::string format_enrollment_code(std::string_view canonical);
// How far a code being typed has got, for a screen that says so live (the same reading and
// check character as normalise_enrollment_code).
enum class TypedCodeState { Empty, Incomplete, BadCharacter, TooLong, WrongCheck, Right };
struct TypedCode {
  TypedCodeState state = TypedCodeState::Empty;
  size_t characters = 0;  // code characters typed (dashes and spaces not counted)
  char bad = 0;           // the first character that is not a code character (BadCharacter)
};
[[nodiscard]] TypedCode check_typed_code(std::string_view typed);
// What is typed so far, read as the code's characters (upper case, I/L as 1, O as 0; anything
// else kept as typed) and grouped in fours with dashes, as the centre prints it.
[[nodiscard]] std::string group_typed_code(std::string_view typed);
// Hex SHA-256 of the canonical code: the centre keeps only this.
[[nodiscard]] std::string enrollment_code_hash(std::string_view canonical);

}  // namespace pk::enroll
