#include "domain/identity.h"

#include <algorithm>
#include <optional>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk::identity {
namespace {

constexpr std::size_t kNationalCodeLength = 10;
constexpr std::size_t kFidaLength = 12;
constexpr std::size_t kAmayeshMin = 6;
constexpr std::size_t kAmayeshMax = 14;
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

bool all_same(const std::string& digits) {
  return std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; });
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

IdentityCheck validate_fida_number(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  auto digits = digits_only(text);
  if (!digits) return IdentityError::NotDigits;
  if (digits->size() != kFidaLength) return IdentityError::WrongLength;
  if (all_same(*digits)) return IdentityError::AllSameDigits;
  return *digits;
}

IdentityCheck validate_amayesh_number(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  auto digits = digits_only(text);
  if (!digits) return IdentityError::NotDigits;
  if (digits->size() < kAmayeshMin || digits->size() > kAmayeshMax) return IdentityError::WrongLength;
  if (all_same(*digits)) return IdentityError::AllSameDigits;
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

IdentityCheck validate_document_number(IdKind kind, std::string_view text) {
  switch (kind) {
    case IdKind::NationalCode:
      return validate_national_code(text);
    case IdKind::Fida:
      return validate_fida_number(text);
    case IdKind::AmayeshCard:
      return validate_amayesh_number(text);
    case IdKind::Passport:
      return validate_passport_number(text);
    case IdKind::Mobile:
      return validate_mobile(text);
  }
  return IdentityError::Empty;
}

namespace {

// Mobile numbers of the countries most people at the office come from: the national part's
// length and first digit (ITU-T E.164 national plans).
struct MobilePlan {
  std::string_view country_code;
  std::size_t digits;
  char first;
  IdentityError error;
};
constexpr MobilePlan kMobilePlans[] = {
    {"964", 10, '7', IdentityError::IraqiMobile},  // before any two-digit code it starts like
    {"93", 9, '7', IdentityError::AfghanMobile},
    {"92", 10, '3', IdentityError::PakistaniMobile},
};
constexpr std::size_t kIranMobileDigits = 10;  // 912 123 4567, without the 0
constexpr std::size_t kE164Min = 8;
constexpr std::size_t kE164Max = 15;

IdentityCheck iranian_mobile(std::string_view national) {
  if (national.size() != kIranMobileDigits) return IdentityError::WrongLength;
  if (national[0] != '9') return IdentityError::NotMobile;
  return "0" + std::string(national);
}

// digits: everything after the + (or 00): country code and national number.
IdentityCheck international_mobile(std::string_view digits) {
  if (digits.starts_with("98")) return iranian_mobile(digits.substr(2));
  for (const MobilePlan& plan : kMobilePlans) {
    if (!digits.starts_with(plan.country_code)) continue;
    const std::string_view national = digits.substr(plan.country_code.size());
    if (national.size() != plan.digits || national[0] != plan.first) return plan.error;
    return "+" + std::string(digits);
  }
  // No country code starts with 0; the rest only by E.164's length.
  if (digits.size() < kE164Min || digits.size() > kE164Max || digits[0] == '0')
    return IdentityError::InternationalLength;
  return "+" + std::string(digits);
}

}  // namespace

IdentityCheck validate_mobile(std::string_view text) {
  if (all_separators(text)) return IdentityError::Empty;
  // A leading "+" is the only symbol allowed besides separators (and parentheses around the
  // country code, as in "(+98) 912...").
  std::string cleaned;
  bool plus = false;
  for (char32_t cp : utf8::decode(text)) {
    // Separators (a direction mark pasted before the +, too) never count as the number's start.
    if (cp == U'(' || cp == U')' || is_separator(cp)) continue;
    if (cp == U'+' && cleaned.empty() && !plus) {
      plus = true;
      continue;
    }
    utf8::append(cleaned, cp);
  }
  auto digits = digits_only(cleaned);
  if (!digits || digits->empty()) return IdentityError::NotDigits;
  std::string_view d = *digits;
  if (plus) return international_mobile(d);
  if (d.starts_with("00")) return international_mobile(d.substr(2));
  if (d.starts_with("98") && d.size() == 12) return iranian_mobile(d.substr(2));
  if (d.starts_with("0")) d.remove_prefix(1);
  // An Afghan number as written at home (07x xxx xxxx): it needs +93 to be reached from here.
  if (d.size() == 9 && d[0] == '7') return IdentityError::CountryCodeMissing;
  return iranian_mobile(d);
}

// A phone number inside a Persian sentence sits in a left-to-right isolate (U+2066 ... U+2069):
// otherwise the right-to-left text around it puts its "+" after it and its groups in reverse.
std::string_view describe(IdentityError error, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
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
      return fa ? "شماره همراه ایران با ۰۹ شروع می‌شود. شماره ثابت پذیرفته نیست."
                : "An Iranian mobile number starts with 09. A landline number is not accepted.";
    case IdentityError::CountryCodeMissing:
      return fa ? "شماره کشور دیگر را با + و کد کشور بنویسید؛ افغانستان: \u2066+۹۳ ۷۰ ۱۲۳ ۴۵۶۷\u2069"
                : "Type a number from another country with + and its country code; Afghanistan: "
                  "+93 70 123 4567";
    case IdentityError::AfghanMobile:
      return fa ? "شماره همراه افغانستان بعد از \u2066+۹۳\u2069 نُه رقم دارد و با ۷ شروع می‌شود: \u2066+۹۳ ۷۰ ۱۲۳ ۴۵۶۷\u2069"
                : "An Afghan mobile number has 9 digits after +93 and starts with 7: +93 70 123 4567";
    case IdentityError::PakistaniMobile:
      return fa ? "شماره همراه پاکستان بعد از \u2066+۹۲\u2069 ده رقم دارد و با ۳ شروع می‌شود: \u2066+۹۲ ۳۰۰ ۱۲۳ ۴۵۶۷\u2069"
                : "A Pakistani mobile number has 10 digits after +92 and starts with 3: +92 300 123 4567";
    case IdentityError::IraqiMobile:
      return fa ? "شماره همراه عراق بعد از \u2066+۹۶۴\u2069 ده رقم دارد و با ۷ شروع می‌شود: \u2066+۹۶۴ ۷۷۰ ۱۲۳ ۴۵۶۷\u2069"
                : "An Iraqi mobile number has 10 digits after +964 and starts with 7: +964 770 123 4567";
    case IdentityError::InternationalLength:
      return fa ? "شماره کشور دیگر با کد کشور ۸ تا ۱۵ رقم است. کد کشور و شماره را دوباره نگاه کنید."
                : "A number from another country has 8 to 15 digits with its country code. Check both.";
  }
  return fa ? "شماره درست نیست." : "The number is not valid.";
}

std::string describe(IdentityError error, IdKind kind, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  if (error != IdentityError::WrongLength) return std::string(describe(error, language));
  switch (kind) {
    case IdKind::NationalCode:
      return fa ? "کد ملی ۱۰ رقم است. دوباره نگاه کنید."
                : "The national code has 10 digits. Please check it.";
    case IdKind::Fida:
      return fa ? "کد فیدا ۱۲ رقم است. شماره را دوباره با کارت مقایسه کنید."
                : "A FIDA number has 12 digits. Compare it with your card again.";
    case IdKind::AmayeshCard:
      return fa ? "شماره کارت آمایش ۶ تا ۱۴ رقم است. شماره چاپ‌شده روی کارت را بنویسید."
                : "An Amayesh card number has 6 to 14 digits. Type the number printed on the card.";
    case IdKind::Passport:
      return fa ? "شماره گذرنامه ۶ تا ۹ حرف و عدد است. دوباره نگاه کنید."
                : "A passport number has 6 to 9 letters and digits. Please check it.";
    case IdKind::Mobile:
      return fa ? "شماره همراه ایران ۱۱ رقم است و با ۰۹ شروع می‌شود. شماره کشور دیگر را با + بنویسید."
                : "An Iranian mobile number has 11 digits and starts with 09. Type another "
                  "country's number with +.";
  }
  return std::string(describe(error, language));
}

}  // namespace pk::identity
