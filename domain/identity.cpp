#include "domain/identity.h"

#include <algorithm>
#include <optional>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk::identity {
namespace {

constexpr std::size_t kNationalCodeLength = 10;
constexpr std::size_t kForeignIdLength = 12;
constexpr std::size_t kPassportMin = 6;
constexpr std::size_t kPassportMax = 9;

// Separators people type inside numbers: spaces of every kind, ZWNJ, dashes, dots, slashes.
bool is_separator(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case 0x00A0:
    case 0x200C:
    case 0x200F:
    case 0x200E:
    case U'-':
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case U'_':
    case U'.':
    case U'/':
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// The digits of text in ASCII, separators dropped; nullopt when anything else is there.
std::optional<std::string> digits_only(std::string_view text) {
  std::string digits;
  for (char32_t cp : utf8::decode(text)) {
    if (is_separator(cp)) continue;
    const int d = digit_value(cp);
    if (d < 0) return std::nullopt;
    digits.push_back(static_cast<char>('0' + d));
  }
  return digits;
}

bool all_separators(std::string_view text) {
  const auto cps = utf8::decode(text);
  return std::all_of(cps.begin(), cps.end(), is_separator);
}

bool national_check_digit_ok(const std::string& code) {
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (code[i] - '0') * static_cast<int>(10 - i);
  const int remainder = sum % 11;
  const int expected = remainder < 2 ? remainder : 11 - remainder;
  return code[9] - '0' == expected;
}

}  // namespace

IdentityCheck validate_national_code(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  auto digits = digits_only(text);
  if (!digits) return IdentityError::NotDigits;
  if (digits->size() < 8 || digits->size() > kNationalCodeLength) return IdentityError::WrongLength;
  std::string code = std::string(kNationalCodeLength - digits->size(), '0') + *digits;
  if (std::all_of(code.begin(), code.end(), [&](char c) { return c == code[0]; })) {
    return IdentityError::AllSameDigits;
  }
  if (!national_check_digit_ok(code)) return IdentityError::BadCheckDigit;
  return code;
}

IdentityCheck validate_foreign_national_id(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  auto digits = digits_only(text);
  if (!digits) return IdentityError::NotDigits;
  if (digits->size() != kForeignIdLength) return IdentityError::WrongLength;
  if (std::all_of(digits->begin(), digits->end(), [&](char c) { return c == (*digits)[0]; })) {
    return IdentityError::AllSameDigits;
  }
  return *digits;
}

IdentityCheck validate_passport_number(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  std::string number;
  for (char32_t cp : utf8::decode(text)) {
    if (cp == U' ' || cp == 0x00A0 || cp == U'-') continue;
    if (const int d = digit_value(cp); d >= 0) {
      number.push_back(static_cast<char>('0' + d));
    } else if (cp >= U'a' && cp <= U'z') {
      number.push_back(static_cast<char>(cp - U'a' + U'A'));
    } else if (cp >= U'A' && cp <= U'Z') {
      number.push_back(static_cast<char>(cp));
    } else {
      return IdentityError::BadCharacters;
    }
    // Stop early: a long paste must not grow the string without bound.
    if (number.size() > kPassportMax) return IdentityError::WrongLength;
  }
  if (number.size() < kPassportMin) return IdentityError::WrongLength;
  return number;
}

IdentityCheck validate_mobile(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  // A leading "+" is the only symbol allowed besides separators (and parentheses around the
  // country code, as in "(+98) 912...").
  std::string cleaned;
  bool plus = false;
  for (char32_t cp : utf8::decode(text)) {
    if (cp == U'(' || cp == U')') continue;
    if (cp == U'+' && cleaned.empty() && !plus) {
      plus = true;
      continue;
    }
    utf8::append(cleaned, cp);
  }
  auto digits = digits_only(cleaned);
  if (!digits || digits->empty()) return IdentityError::NotDigits;
  std::string_view d = *digits;
  if (d.starts_with("0098")) {
    d.remove_prefix(4);
  } else if (d.starts_with("98") && (plus || d.size() == 12)) {
    d.remove_prefix(2);
  } else if (plus) {
    return IdentityError::NotMobile;  // another country's number
  } else if (d.starts_with("0")) {
    d.remove_prefix(1);
  }
  if (d.size() != 10) return IdentityError::WrongLength;
  if (d[0] != '9') return IdentityError::NotMobile;
  return "0" + std::string(d);
}

std::string_view describe(IdentityError error, Language language) {
  const bool fa = language == Language::Persian;
  switch (error) {
    case IdentityError::Empty:
      return fa ? "شماره را وارد کنید." : "Please type the number.";
    case IdentityError::NotDigits:
      return fa ? "فقط عدد بنویسید." : "Type only digits.";
    case IdentityError::WrongLength:
      return fa ? "تعداد رقم‌ها درست نیست. دوباره نگاه کنید."
                : "The number of digits is wrong. Please check it.";
    case IdentityError::AllSameDigits:
      return fa ? "این شماره درست نیست. شماره روی کارت را بنویسید."
                : "This number is not valid. Type the number on your card.";
    case IdentityError::BadCheckDigit:
      return fa ? "یک رقم اشتباه است. شماره را دوباره با کارت مقایسه کنید."
                : "One digit is wrong. Compare the number with your card again.";
    case IdentityError::BadCharacters:
      return fa ? "فقط حروف انگلیسی و عدد بنویسید، همان‌طور که در گذرنامه است."
                : "Type only English letters and digits, as in your passport.";
    case IdentityError::NotMobile:
      return fa ? "شماره همراه باید با ۰۹ شروع شود." : "A mobile number must start with 09.";
  }
  return fa ? "شماره درست نیست." : "The number is not valid.";
}

std::string describe(IdentityError error, IdKind kind, Language language) {
  const bool fa = language == Language::Persian;
  if (error != IdentityError::WrongLength) return std::string(describe(error, language));
  switch (kind) {
    case IdKind::NationalCode:
      return fa ? "کد ملی ۱۰ رقم است. دوباره نگاه کنید."
                : "The national code has 10 digits. Please check it.";
    case IdKind::ForeignNationalId:
      return fa ? "کد یکتای اتباع ۱۲ رقم است. دوباره نگاه کنید."
                : "The foreign national ID has 12 digits. Please check it.";
    case IdKind::Passport:
      return fa ? "شماره گذرنامه ۶ تا ۹ حرف و عدد است. دوباره نگاه کنید."
                : "A passport number has 6 to 9 letters and digits. Please check it.";
    case IdKind::Mobile:
      return fa ? "شماره همراه ۱۱ رقم است و با ۰۹ شروع می‌شود."
                : "A mobile number has 11 digits and starts with 09.";
  }
  return std::string(describe(error, language));
}

}  // namespace pk::identity
