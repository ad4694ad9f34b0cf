#include "domain/text_normalize.h"

#include "domain/utf8.h"

namespace pk {
namespace {

constexpr char32_t kZwnj = 0x200C;

enum class Mode { Storage, Search };

bool is_space(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// One code point mapped for the given mode; 0 means "drop it".
char32_t map_code_point(char32_t cp, Mode mode) {
  if (const int d = digit_value(cp); d >= 0) return static_cast<char32_t>(U'0' + d);
  switch (cp) {
    case 0x064A:  // ARABIC LETTER YEH
    case 0x0649:  // ARABIC LETTER ALEF MAKSURA
      return 0x06CC;
    case 0x0643:  // ARABIC LETTER KAF
      return 0x06A9;
    default:
      break;
  }
  if (is_space(cp)) return U' ';
  if (mode == Mode::Storage) return cp;

  if (cp == kZwnj) return U' ';
  if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640) return 0;
  if (cp == 0x0629) return 0x0647;  // ة → ه
  if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625) return 0x0627;
  if (cp >= U'A' && cp <= U'Z') return cp - U'A' + U'a';
  return cp;
}

std::string normalize(std::string_view text, Mode mode) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t raw : utf8::decode(text)) {
    const char32_t cp = map_code_point(raw, mode);
    if (cp == 0) continue;
    if (cp == U' ') {
      // A ZWNJ before a space joins nothing: drop it, then keep one space, never a leading one.
      while (!out.empty() && out.back() == kZwnj) out.pop_back();
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else if (cp == kZwnj) {
      if (!out.empty() && out.back() != U' ' && out.back() != kZwnj) out.push_back(cp);
    } else {
      out.push_back(cp);
    }
  }
  while (!out.empty() && (out.back() == U' ' || out.back() == kZwnj)) out.pop_back();
  return utf8::encode(out);
}

}  // namespace

int digit_value(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  return -1;
}

std::string normalize_for_storage(std::string_view text) { return normalize(text, Mode::Storage); }

std::string normalize_for_search(std::string_view text) { return normalize(text, Mode::Search); }

std::string to_persian_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t cp : utf8::decode(text)) {
    utf8::append(out, (cp >= U'0' && cp <= U'9') ? cp - U'0' + 0x06F0 : cp);
  }
  return out;
}

std::string to_ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : utf8::decode(text)) {
    const int d = digit_value(cp);
    utf8::append(out, d >= 0 ? static_cast<char32_t>(U'0' + d) : cp);
  }
  return out;
}

}  // namespace pk
