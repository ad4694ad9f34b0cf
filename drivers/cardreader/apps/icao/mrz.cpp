#include "drivers/cardreader/apps/icao/mrz.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "base/secure_wipe.h"

namespace pk::cardreader::icao {

int check_digit(std::string_view field) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int value = 0;
    if (c >= '0' && c <= '9')
      value = c - '0';
    else if (c >= 'A' && c <= 'Z')
      value = c - 'A' + 10;
    else if (c == '<')
      value = 0;
    else
      return -1;
    sum += value * kWeights[i % 3];
  }
  return sum % 10;
}

std::string to_iso(const MrzDate& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::string_view to_string(Sex sex) {
  switch (sex) {
    case Sex::Female:
      return "F";
    case Sex::Male:
      return "M";
    case Sex::Unspecified:
      return "X";
  }
  return "X";
}

namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<void> check_yymmdd(std::string_view field, std::string_view what) {
  if (field.size() != 6 || !all_digits(field))
    return make_error(std::string(what) + " must be six digits YYMMDD, got \"" + std::string(field) + "\"");
  const int month = (field[2] - '0') * 10 + (field[3] - '0');
  const int day = (field[4] - '0') * 10 + (field[5] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return make_error(std::string(what) + " \"" + std::string(field) + "\" is not a calendar date");
  return {};
}

std::string strip_filler(std::string_view s) {
  std::string out(s);
  while (!out.empty() && out.back() == '<') out.pop_back();
  return out;
}

std::string names_from(std::string_view s) {
  std::string out = strip_filler(s);
  std::replace(out.begin(), out.end(), '<', ' ');
  return out;
}

int current_two_digit_year() {
  const auto today =
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year()) % 100;
}

enum class DateKind : std::uint8_t { Birth, Expiry };

MrzDate resolve(std::string_view yymmdd, DateKind kind) {
  const int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
  MrzDate d;
  d.month = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
  d.day = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
  const int now = current_two_digit_year();
  // Birth dates are in the past; expiry dates at most a few decades ahead (a 1994 expiry is
  // 1994, not 2094).
  if (kind == DateKind::Birth)
    d.year = yy > now ? 1900 + yy : 2000 + yy;
  else
    d.year = yy > now + 30 ? 1900 + yy : 2000 + yy;
  return d;
}

Result<void> expect_check(std::string_view field, char digit, std::string_view what) {
  const int expected = check_digit(field);
  if (expected < 0)
    return make_error(std::string(what) + " \"" + std::string(field) +
                      "\" has a character not allowed in an MRZ");
  if (digit == '<' && expected == 0 &&
      std::all_of(field.begin(), field.end(), [](char c) { return c == '<'; }))
    return {};
  if (digit != static_cast<char>('0' + expected))
    return make_error(std::string(what) + " check digit is '" + std::string(1, digit) +
                      "', the field gives " + std::to_string(expected) +
                      ": a character was misread or mistyped");
  return {};
}

}  // namespace

MrzKey::MrzKey(std::string number, std::string birth, std::string expiry)
    : m_document_number(std::move(number)), m_birth(std::move(birth)), m_expiry(std::move(expiry)) {}

MrzKey::~MrzKey() {
  for (std::string* item : {&m_document_number, &m_birth, &m_expiry}) pk::secure_wipe(*item);
}

Result<MrzKey> MrzKey::make(std::string_view document_number, std::string_view birth_yymmdd,
                            std::string_view expiry_yymmdd) {
  std::string number;
  for (char c : document_number) {
    if (c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<'))
      return make_error("document number has a character that is not a letter or digit: '" +
                        std::string(1, c) + "'");
    number += c;
  }
  number = strip_filler(number);
  if (number.empty()) return make_error("document number is empty");
  if (auto ok = check_yymmdd(birth_yymmdd, "date of birth"); !ok) return ok.error();
  if (auto ok = check_yymmdd(expiry_yymmdd, "date of expiry"); !ok) return ok.error();
  return MrzKey(number, std::string(birth_yymmdd), std::string(expiry_yymmdd));
}

std::string MrzKey::key_text() const {
  // Numbers longer than nine characters are used whole (Doc 9303 part 11 section 9.7.2 note).
  std::string number;
  number.reserve(std::max<std::size_t>(m_document_number.size(), 9));  // no shorter copy left behind
  number = m_document_number;
  while (number.size() < 9) number += '<';
  std::string text;  // appended in place into one buffer: no partial copies
  text.reserve(number.size() + 1 + m_birth.size() + 1 + m_expiry.size() + 1);
  text.append(number).append(std::to_string(check_digit(number)));
  text.append(m_birth).append(std::to_string(check_digit(m_birth)));
  text.append(m_expiry).append(std::to_string(check_digit(m_expiry)));
  pk::secure_wipe(number);
  return text;
}

Result<MrzKey> MrzData::key() const { return MrzKey::make(document_number, raw_birth, raw_expiry); }

Result<MrzData> parse_mrz(std::string_view text) {
  // The holder's MRZ: one buffer, reserved so it never moves, and wiped on every way out.
  std::string mrz;
  mrz.reserve(text.size());
  const WipeAtScopeEnd wipe_mrz(mrz);
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
    mrz += c;
  }
  if (mrz.size() != 88)
    return make_error("a passport MRZ (TD3) has two lines of 44 characters; got " +
                      std::to_string(mrz.size()) + " characters");
  for (char c : mrz)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<'))
      return make_error("MRZ has a character outside A-Z, 0-9 and '<': '" + std::string(1, c) + "'");
  const std::string_view l1(mrz.data(), 44);
  const std::string_view l2(mrz.data() + 44, 44);
  if (l1[0] != 'P') return make_error("MRZ line 1 does not start with 'P': not a passport (TD3) MRZ");

  MrzData out;
  out.document_code = strip_filler(l1.substr(0, 2));
  out.issuing_state = strip_filler(l1.substr(2, 3));
  const std::string_view names = l1.substr(5, 39);
  const auto split = names.find("<<");
  out.surname = names_from(names.substr(0, split));
  out.given_names = split == std::string_view::npos ? std::string{} : names_from(names.substr(split + 2));
  if (out.surname.empty()) return make_error("MRZ has no surname");

  if (auto ok = expect_check(l2.substr(0, 9), l2[9], "document number"); !ok) return ok.error();
  out.document_number = strip_filler(l2.substr(0, 9));
  out.nationality = strip_filler(l2.substr(10, 3));
  out.raw_birth = std::string(l2.substr(13, 6));
  if (auto ok = check_yymmdd(out.raw_birth, "date of birth"); !ok) return ok.error();
  if (auto ok = expect_check(out.raw_birth, l2[19], "date of birth"); !ok) return ok.error();
  switch (l2[20]) {
    case 'F':
      out.sex = Sex::Female;
      break;
    case 'M':
      out.sex = Sex::Male;
      break;
    case '<':
    case 'X':
      out.sex = Sex::Unspecified;
      break;
    default:
      return make_error("MRZ sex field is '" + std::string(1, l2[20]) + "', not F, M or <");
  }
  out.raw_expiry = std::string(l2.substr(21, 6));
  if (auto ok = check_yymmdd(out.raw_expiry, "date of expiry"); !ok) return ok.error();
  if (auto ok = expect_check(out.raw_expiry, l2[27], "date of expiry"); !ok) return ok.error();
  if (auto ok = expect_check(l2.substr(28, 14), l2[42], "personal number"); !ok) return ok.error();
  out.optional_data = strip_filler(l2.substr(28, 14));
  const std::string composite =
      std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 22));
  if (auto ok = expect_check(composite, l2[43], "composite"); !ok) return ok.error();
  out.birth_date = resolve(out.raw_birth, DateKind::Birth);
  out.expiry_date = resolve(out.raw_expiry, DateKind::Expiry);
  return out;
}

}  // namespace pk::cardreader::icao
