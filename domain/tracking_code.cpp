#include "domain/tracking_code.h"

#include <cstdio>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk {
namespace {

constexpr std::size_t kPayloadDigits = 12;

int mod97(std::string_view digits) {
  int remainder = 0;
  for (char c : digits) remainder = (remainder * 10 + (c - '0')) % 97;
  return remainder;
}

bool is_separator(char32_t cp) {
  return cp == U' ' || cp == U'-' || cp == 0x00A0 || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 ||
         cp == 0x2013 || cp == 0x2014 || cp == 0x2212 || cp == 0x200C || cp == 0x200E || cp == 0x200F;
}

}  // namespace

int mod97_check_digits(std::string_view digits) {
  // ISO 7064 MOD 97-10: append two digits so that the whole number is 1 modulo 97.
  return 98 - (mod97(digits) * 100) % 97;
}

Result<TrackingCode> make_tracking_code(TrackingKind kind, int terminal_number, int64_t sequence) {
  if (kind != TrackingKind::Application && kind != TrackingKind::FailureReport) {
    return make_error("tracking code: unknown kind " + std::to_string(static_cast<int>(kind)));
  }
  if (terminal_number < 1 || terminal_number > kMaxTerminalNumber) {
    return make_error("tracking code: terminal number " + std::to_string(terminal_number) +
                      " is outside 1.." + std::to_string(kMaxTerminalNumber));
  }
  if (sequence < 0 || sequence > kMaxTrackingSequence) {
    return make_error("tracking code: sequence " + std::to_string(sequence) + " is outside 0.." +
                      std::to_string(kMaxTrackingSequence) + " (the terminal has used up its codes)");
  }
  // Ranges are checked above, so each field has exactly its width.
  std::string payload = std::to_string(static_cast<int>(kind));
  const std::string terminal = std::to_string(terminal_number);
  const std::string seq = std::to_string(sequence);
  payload += std::string(4 - terminal.size(), '0') + terminal + std::string(7 - seq.size(), '0') + seq;
  const int check = mod97_check_digits(payload);
  payload += static_cast<char>('0' + check / 10);
  payload += static_cast<char>('0' + check % 10);
  return TrackingCode(kind, terminal_number, sequence, std::move(payload));
}

std::string format(const TrackingCode& code, Language language) {
  const std::string& d = code.digits();
  std::string text = d.substr(0, 4) + "-" + d.substr(4, 4) + "-" + d.substr(8, 4) + "-" + d.substr(12, 2);
  return uses_persian_digits(language) ? to_persian_digits(text) : text;
}

std::string_view describe(TrackingCodeError error, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  switch (error) {
    case TrackingCodeError::Empty:
      return fa ? "کد رهگیری را وارد کنید." : "Please type the tracking code.";
    case TrackingCodeError::NotDigits:
      return fa ? "کد رهگیری فقط عدد است." : "A tracking code has only digits.";
    case TrackingCodeError::WrongLength:
      return fa ? "کد رهگیری ۱۴ رقم است. یک رقم کم یا زیاد است."
                : "A tracking code has 14 digits. A digit is missing or extra.";
    case TrackingCodeError::BadCheckDigits:
      return fa ? "یک رقم اشتباه است یا دو رقم جابه‌جا شده‌اند. کد را با رسید مقایسه کنید."
                : "A digit is wrong or two digits are swapped. Compare the code with your receipt.";
    case TrackingCodeError::UnknownKind:
    case TrackingCodeError::BadTerminal:
      return fa ? "این کد رهگیری در این سامانه صادر نشده است."
                : "This tracking code was not issued by this system.";
  }
  return fa ? "کد رهگیری درست نیست." : "The tracking code is not valid.";
}

Validated<TrackingCode, TrackingCodeError> check_tracking_code(std::string_view text) {
  std::string digits;
  for (char32_t cp : utf8::decode(text)) {
    if (is_separator(cp)) continue;
    const int d = digit_value(cp);
    if (d < 0) return TrackingCodeError::NotDigits;
    digits.push_back(static_cast<char>('0' + d));
    if (digits.size() > kTrackingCodeDigits) return TrackingCodeError::WrongLength;
  }
  if (digits.empty()) return TrackingCodeError::Empty;
  if (digits.size() != kTrackingCodeDigits) return TrackingCodeError::WrongLength;
  if (mod97(digits) != 1) return TrackingCodeError::BadCheckDigits;

  const int kind = digits[0] - '0';
  if (kind != static_cast<int>(TrackingKind::Application) &&
      kind != static_cast<int>(TrackingKind::FailureReport)) {
    return TrackingCodeError::UnknownKind;
  }
  const int terminal = std::stoi(digits.substr(1, 4));
  const int64_t sequence = std::stoll(digits.substr(5, 7));
  auto code = make_tracking_code(static_cast<TrackingKind>(kind), terminal, sequence);
  if (!code.ok()) return TrackingCodeError::BadTerminal;
  return std::move(code).value();
}

Result<TrackingCode> parse_tracking_code(std::string_view text) {
  auto checked = check_tracking_code(text);
  if (!checked.ok())
    return make_error("tracking code: " + std::string(describe(checked.error(), Language::English)));
  return checked.value();
}

}  // namespace pk
