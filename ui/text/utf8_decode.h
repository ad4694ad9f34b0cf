#pragma once
// Turns the caller's UTF-8 into the code points the engine lays out. Nothing is dropped:
// every ill-formed sequence (bad lead byte, truncated sequence, overlong form, surrogate,
// value above U+10FFFF) becomes one U+FFFD, following the "maximal subpart" practice of
// Unicode §3.9 / WHATWG, so a broken byte is visible where it was.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pk::ui {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

struct DecodedText {
  std::u32string text;
  std::vector<uint32_t> byte_offsets;  // byte offset in the input of each code point
};

[[nodiscard]] DecodedText decode_utf8(std::string_view utf8);

}  // namespace pk::ui
