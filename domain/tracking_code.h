#pragma once
// Tracking codes (کد رهگیری), made offline on each terminal and unique across all of them.
//
// Layout, 14 decimal digits:  K TTTT SSSSSSS CC
//   K        kind: 1 = application, 2 = failure report
//   TTTT     terminal number 0001..9999, assigned by the centre at enrollment
//   SSSSSSS  the terminal's own sequence 0..9,999,999 (its offline store keeps the counter)
//   CC       ISO 7064 MOD 97-10 check digits over the first 12 digits: every single mistyped
//            digit and every swap of two neighbouring digits is detected.
// Uniqueness needs no network: two terminals differ in TTTT, one terminal never repeats S.
//
// Shown as four groups "1234-5678-9012-34" (Persian digits in Persian). Groups of four are
// how people in Iran already read card numbers aloud. The separator is a hyphen, not a space:
// in right-to-left text the bidi algorithm would lay out space-separated digit groups from
// right to left (reversing their order), whereas a hyphen between digits keeps one run.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/language.h"
#include "domain/result.h"
#include "domain/validated.h"

namespace pk {

enum class TrackingKind { Application = 1, FailureReport = 2 };

inline constexpr int kMaxTerminalNumber = 9999;
inline constexpr int64_t kMaxTrackingSequence = 9'999'999;
inline constexpr std::size_t kTrackingCodeDigits = 14;

class TrackingCode {
 public:
  [[nodiscard]] TrackingKind kind() const { return m_kind; }
  [[nodiscard]] int terminal_number() const { return m_terminal; }
  [[nodiscard]] int64_t sequence() const { return m_sequence; }
  // The 14 ASCII digits, no separators: what barcodes carry and the centre stores.
  // On a temporary it returns a copy, so `auto& d = make(...).value().digits()` cannot dangle.
  [[nodiscard]] const std::string& digits() const& { return m_digits; }
  [[nodiscard]] std::string digits() && { return std::move(m_digits); }

  friend bool operator==(const TrackingCode& a, const TrackingCode& b) { return a.m_digits == b.m_digits; }

 private:
  friend Result<TrackingCode> make_tracking_code(TrackingKind, int, int64_t);
  TrackingCode(TrackingKind kind, int terminal, int64_t sequence, std::string digits)
      : m_kind(kind), m_terminal(terminal), m_sequence(sequence), m_digits(std::move(digits)) {}

  TrackingKind m_kind;
  int m_terminal;
  int64_t m_sequence;
  std::string m_digits;
};

// Refuses an unknown kind, a terminal number outside 1..9999, a sequence outside 0..9,999,999.
[[nodiscard]] Result<TrackingCode> make_tracking_code(TrackingKind kind, int terminal_number,
                                                      int64_t sequence);

// "1234-5678-9012-34", with Persian digits ("۱۲۳۴-۵۶۷۸-۹۰۱۲-۳۴") for Persian.
[[nodiscard]] std::string format(const TrackingCode& code, Language language);

enum class TrackingCodeError {
  Empty,
  NotDigits,       // something other than digits, spaces and dashes
  WrongLength,     // not 14 digits: a digit was left out or added
  BadCheckDigits,  // 14 digits, but one was mistyped or two were swapped
  UnknownKind,     // check digits fine, but the first digit is not a kind we issue
  BadTerminal,     // check digits fine, but terminal number 0000
};

[[nodiscard]] std::string_view describe(TrackingCodeError error, Language language);

// Accepts ASCII, Persian and Arabic-Indic digits with spaces and dashes anywhere.
[[nodiscard]] Validated<TrackingCode, TrackingCodeError> check_tracking_code(std::string_view text);

// The same as a Result whose message is describe(error, English), for logs and tools.
[[nodiscard]] Result<TrackingCode> parse_tracking_code(std::string_view text);

// The two ISO 7064 MOD 97-10 check digits (as a number 2..98) for a string of ASCII digits.
[[nodiscard]] int mod97_check_digits(std::string_view digits);

}  // namespace pk
