#include "ui/text/graphemes.h"

#include <hb.h>

#include "domain/utf8.h"

namespace pk::ui {

namespace {

constexpr char32_t kZwj = 0x200D;
constexpr char32_t kZwnj = 0x200C;

hb_unicode_general_category_t category(char32_t cp) {
  static hb_unicode_funcs_t* funcs = hb_unicode_funcs_get_default();
  return hb_unicode_general_category(funcs, cp);
}

bool is_control(char32_t cp) {
  if (cp == kZwj || cp == kZwnj) return false;
  switch (category(cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
    case HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR:
    case HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
      return true;
    default:
      return false;
  }
}

// Extend and SpacingMark (rules GB9, GB9a), without ZWNJ (see the header).
bool is_extend(char32_t cp) {
  if (cp == kZwj || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
      (cp >= 0x1F3FB && cp <= 0x1F3FF))
    return true;
  switch (category(cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
// Extended_Pictographic, approximately: the emoji blocks and the older symbol blocks.
bool is_pictographic(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x00A9 || cp == 0x00AE;
}

enum class Hangul { None, L, V, T, LV, LVT };
Hangul hangul(char32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) return Hangul::L;
  if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) return Hangul::V;
  if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) return Hangul::T;
  if (cp >= 0xAC00 && cp <= 0xD7A3) return (cp - 0xAC00) % 28 == 0 ? Hangul::LV : Hangul::LVT;
  return Hangul::None;
}

bool hangul_joins(Hangul a, Hangul b) {
  using H = Hangul;
  if (a == H::L) return b == H::L || b == H::V || b == H::LV || b == H::LVT;  // GB6
  if (a == H::LV || a == H::V) return b == H::V || b == H::T;                 // GB7
  if (a == H::LVT || a == H::T) return b == H::T;                             // GB8
  return false;
}

}  // namespace

std::vector<uint32_t> grapheme_boundaries(std::u32string_view text) {
  std::vector<uint32_t> out{0};
  const auto n = static_cast<uint32_t>(text.size());
  int regional_run = 0;             // regional indicators in a row before i
  bool pictographic_chain = false;  // ExtPict Extend* seen, for GB11
  for (uint32_t i = 1; i < n; ++i) {
    const char32_t prev = text[i - 1];
    const char32_t cur = text[i];
    regional_run = is_regional_indicator(prev) ? regional_run + 1 : 0;
    if (is_pictographic(prev))
      pictographic_chain = true;
    else if (!is_extend(prev))
      pictographic_chain = false;
    bool join = false;
    if (prev == U'\r' && cur == U'\n') {
      join = true;  // GB3
    } else if (is_control(prev) || is_control(cur) || prev == U'\r' || prev == U'\n' || cur == U'\r' ||
               cur == U'\n') {
      join = false;  // GB4, GB5
    } else if (cur == kZwnj || prev == kZwnj) {
      join = false;  // ours: ZWNJ stands alone
    } else if (hangul_joins(hangul(prev), hangul(cur))) {
      join = true;
    } else if (is_extend(cur)) {
      join = true;  // GB9, GB9a
    } else if (prev == kZwj && is_pictographic(cur) && pictographic_chain) {
      join = true;  // GB11
    } else if (is_regional_indicator(prev) && is_regional_indicator(cur)) {
      join = regional_run % 2 == 1;  // GB12, GB13: pairs
    }
    if (!join) out.push_back(i);
  }
  if (n > 0) out.push_back(n);
  return out;
}

std::vector<size_t> grapheme_byte_boundaries(std::string_view utf8) {
  std::u32string cps;
  std::vector<size_t> offsets;
  for (size_t at = 0; at < utf8.size();) {
    const utf8::Decoded d = utf8::decode_one(utf8.substr(at));
    cps.push_back(d.code_point);
    offsets.push_back(at);
    at += d.length;
  }
  offsets.push_back(utf8.size());
  std::vector<size_t> out;
  for (uint32_t index : grapheme_boundaries(cps)) out.push_back(offsets[index]);
  return out;
}

}  // namespace pk::ui
