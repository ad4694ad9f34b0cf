#include "ui/text/utf8_decode.h"

namespace pk::ui {
namespace {

// Length of the sequence a lead byte announces, and the range its second byte must be in
// (Unicode Table 3-7); the narrower second-byte ranges exclude overlongs and surrogates.
struct LeadInfo {
  int length;
  uint8_t second_min;
  uint8_t second_max;
};

LeadInfo lead_info(uint8_t b) {
  if (b < 0x80) return {1, 0, 0};
  if (b >= 0xC2 && b <= 0xDF) return {2, 0x80, 0xBF};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};
  if (b >= 0xE1 && b <= 0xEF) return {3, 0x80, 0xBF};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b >= 0xF1 && b <= 0xF3) return {4, 0x80, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};  // continuation byte or a byte that never appears in UTF-8
}

}  // namespace

DecodedText decode_utf8(std::string_view utf8) {
  DecodedText out;
  out.text.reserve(utf8.size());
  out.byte_offsets.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t size = utf8.size();
  size_t i = 0;
  while (i < size) {
    const size_t start = i;
    const LeadInfo info = lead_info(bytes[i]);
    char32_t cp = kReplacementChar;
    if (info.length == 1) {
      cp = bytes[i];
      i += 1;
    } else if (info.length == 0) {
      i += 1;
    } else {
      char32_t value = bytes[i] & (0xFF >> (info.length + 1));
      size_t j = i + 1;
      bool ok = true;
      for (int k = 1; k < info.length; ++k, ++j) {
        const uint8_t lo = k == 1 ? info.second_min : 0x80;
        const uint8_t hi = k == 1 ? info.second_max : 0xBF;
        if (j >= size || bytes[j] < lo || bytes[j] > hi) {
          ok = false;
          break;
        }
        value = (value << 6) | (bytes[j] & 0x3F);
      }
      // On failure the valid prefix is consumed as one U+FFFD and decoding restarts at the
      // offending byte, which may itself start a good sequence.
      if (ok) cp = value;
      i = j;
    }
    out.text.push_back(cp);
    out.byte_offsets.push_back(static_cast<uint32_t>(start));
  }
  return out;
}

}  // namespace pk::ui
