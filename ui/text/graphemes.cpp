#include "ui/text/graphemes.h"

#include <algorithm>

#include "base/secure_wipe.h"
#include "domain/utf8.h"
#include "ui/text/icu_segmentation.h"

namespace pk::ui {

namespace {
constexpr char32_t kZwnj = 0x200C;
}  // namespace

std::vector<uint32_t> grapheme_boundaries(std::u32string_view text) {
  std::vector<uint32_t> out = icu_grapheme_boundaries(text);
  // ZWNJ stands alone (see the header): a boundary before and after each one.
  std::vector<uint32_t> around_zwnj;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] != kZwnj) continue;
    around_zwnj.push_back(i);
    around_zwnj.push_back(i + 1);
  }
  if (around_zwnj.empty()) return out;
  std::vector<uint32_t> merged;
  merged.reserve(out.size() + around_zwnj.size());
  std::set_union(out.begin(), out.end(), around_zwnj.begin(), around_zwnj.end(), std::back_inserter(merged));
  return merged;
}

std::vector<size_t> grapheme_byte_boundaries(std::string_view utf8) {
  // The decoded copy may be identity text being typed: zeroed before it is freed.
  std::u32string cps;
  cps.reserve(utf8.size());
  const WipeAtScopeEnd wipe(cps);
  std::vector<size_t> offsets;
  offsets.reserve(utf8.size() + 1);
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
