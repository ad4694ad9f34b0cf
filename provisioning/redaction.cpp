#include "provisioning/redaction.h"

#include <array>
#include <cctype>

#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "domain/utf8.h"

namespace pk::provisioning {

namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Identifiers that name a person's data. Matched as a part of the identifier, so
// "given_names", "citizen.mobile" and "father_name" are caught too.
constexpr std::array<std::string_view, 13> kPersonalStems = {
    "name",  "surname", "father", "address",  "phone",    "mobile", "national",
    "birth", "email",   "mrz",    "document", "passport", "postal"};
// Identifiers that contain a stem but name no person.
constexpr std::array<std::string_view, 4> kNotPersonal = {"filename", "hostname", "reader_name", "doc_kind"};

bool personal_identifier(std::string_view id) {
  std::string low;
  for (char c : id) low += lower(c);
  for (std::string_view n : kNotPersonal)
    if (low == n) return false;
  for (std::string_view s : kPersonalStems)
    if (low.find(s) != std::string::npos) return true;
  return false;
}

// name=..., "surname": "...", phone: ... -> the value is replaced.
std::string redact_labels(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    if (!std::isalpha(static_cast<unsigned char>(in[i])) || (i > 0 && is_word(in[i - 1]))) {
      out += in[i++];
      continue;
    }
    size_t end = i;
    while (end < in.size() && (is_word(in[end]) || in[end] == '.')) ++end;
    const std::string_view id = in.substr(i, end - i);
    size_t j = end;
    if (j < in.size() && in[j] == '"') ++j;  // "surname": "..."
    while (j < in.size() && in[j] == ' ') ++j;
    if (j >= in.size() || (in[j] != '=' && in[j] != ':') || !personal_identifier(id)) {
      out.append(id);
      i = end;
      continue;
    }
    ++j;
    while (j < in.size() && in[j] == ' ') ++j;
    size_t value_end = j;
    if (j < in.size() && (in[j] == '"' || in[j] == '\'')) {
      const char quote = in[j];
      value_end = in.find(quote, j + 1);
      value_end = value_end == std::string_view::npos ? in.size() : value_end + 1;
    } else {
      while (value_end < in.size() && in[value_end] != ',' && in[value_end] != ';' && in[value_end] != ')' &&
             in[value_end] != '}' && in[value_end] != '\n')
        ++value_end;
    }
    out.append(in.substr(i, j - i));
    out += "[redacted]";
    i = value_end;
  }
  return out;
}

bool token_break(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '(' ||
         c == ')';
}

// Whole tokens: e-mail addresses and MRZ lines.
std::string redact_tokens(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    if (token_break(in[i])) {
      out += in[i++];
      continue;
    }
    size_t end = i;
    while (end < in.size() && !token_break(in[end])) ++end;
    const std::string_view token = in.substr(i, end - i);
    const size_t at = token.find('@');
    if (token.find("<<") != std::string_view::npos)
      out += "[mrz]";
    else if (at != std::string_view::npos && at > 0 && token.find('.', at) != std::string_view::npos)
      out += "[email]";
    else
      out.append(token);
    i = end;
  }
  return out;
}

bool date_at(std::string_view in, size_t i) {
  // yyyy-mm-dd (or yyyy/mm/dd) not followed by another digit or separator-and-digit.
  if (i + 10 > in.size()) return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(in[i + k])) return false;
  const char sep = in[i + 4];
  if ((sep != '-' && sep != '/') || in[i + 7] != sep) return false;
  if (i + 10 < in.size() && is_digit(in[i + 10])) return false;
  if (i + 11 < in.size() && (in[i + 10] == '-' || in[i + 10] == '/') && is_digit(in[i + 11])) return false;
  return true;
}

std::string redact_numbers(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    const bool starts = is_digit(in[i]) || (in[i] == '+' && i + 1 < in.size() && is_digit(in[i + 1]));
    if (!starts || (i > 0 && std::isalnum(static_cast<unsigned char>(in[i - 1])))) {
      out += in[i++];
      continue;
    }
    if (date_at(in, i)) {
      out.append(in.substr(i, 10));
      i += 10;
      continue;
    }
    size_t end = in[i] == '+' ? i + 1 : i;
    std::string digits;
    while (end < in.size()) {
      if (is_digit(in[end])) {
        digits += in[end++];
      } else if ((in[end] == ' ' || in[end] == '-') && end + 1 < in.size() && is_digit(in[end + 1]) &&
                 !date_at(in, end + 1)) {
        ++end;
      } else {
        break;
      }
    }
    const std::string_view run = in.substr(i, end - i);
    // A letter glued to the end ("12345678abc") is an identifier, not a number: keep it.
    const bool glued = end < in.size() && std::isalpha(static_cast<unsigned char>(in[end]));
    if (digits.size() == kTrackingCodeDigits && parse_tracking_code(digits))
      out.append(run);
    else if (digits.size() >= 8 && !glued)
      out += "[number]";
    else
      out.append(run);
    i = end;
  }
  return out;
}

bool arabic_script(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

// Runs of Persian/Arabic words (with the spaces and zero-width non-joiners between them).
std::string redact_script(std::string_view in) {
  std::string out;
  size_t i = 0;
  bool in_run = false;
  size_t pending_space = 0;  // spaces seen inside a run, written only if the run ends
  while (i < in.size()) {
    const utf8::Decoded d = utf8::decode_one(in.substr(i));
    const bool joiner = d.code_point == 0x200C || d.code_point == 0x200D;
    if (arabic_script(d.code_point) || (in_run && joiner)) {
      if (!in_run) out += "[text]";
      in_run = true;
      pending_space = 0;
    } else if (in_run && d.code_point == ' ') {
      ++pending_space;
    } else {
      if (in_run) out.append(pending_space, ' ');
      in_run = false;
      pending_space = 0;
      out.append(in.substr(i, d.length));
    }
    i += d.length;
  }
  if (in_run) out.append(pending_space, ' ');
  return out;
}

bool capitalised_word(std::string_view w) {
  // Xxxx or Xxxx-Xxxx: how a Latin-script name is written.
  if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  bool after_dash = false;
  for (size_t i = 1; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (w[i] == '-' && !after_dash && i + 1 < w.size()) {
      after_dash = true;
      if (!std::isupper(static_cast<unsigned char>(w[i + 1]))) return false;
      ++i;
    } else if (!std::islower(c)) {
      return false;
    }
  }
  return true;
}

// Two or more capitalised words in a row ("Zahra Hosseini-Rad") become "[name]". The kiosk's
// own messages are sentences in lower case, so this costs a few proper nouns at most.
std::string redact_names(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    if (!std::isupper(static_cast<unsigned char>(in[i])) || (i > 0 && is_word(in[i - 1]))) {
      out += in[i++];
      continue;
    }
    size_t end = i;
    int words = 0;
    size_t last_end = i;
    for (size_t at = i;;) {
      size_t stop = at;
      while (stop < in.size() && (std::isalpha(static_cast<unsigned char>(in[stop])) || in[stop] == '-'))
        ++stop;
      if (!capitalised_word(in.substr(at, stop - at))) break;
      ++words;
      last_end = stop;
      if (stop + 1 < in.size() && in[stop] == ' ' && std::isupper(static_cast<unsigned char>(in[stop + 1])))
        at = stop + 1;
      else
        break;
    }
    end = last_end;
    if (words >= 2) {
      out += "[name]";
      i = end;
    } else {
      out += in[i++];
    }
  }
  return out;
}

}  // namespace

std::string redact(std::string_view text) {
  const std::string ascii_digits = to_ascii_digits(utf8::sanitize(text));
  return redact_names(redact_script(redact_numbers(redact_tokens(redact_labels(ascii_digits)))));
}

}  // namespace pk::provisioning
