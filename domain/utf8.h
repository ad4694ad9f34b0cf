#pragma once
// UTF-8 decoding and encoding for the domain library and anyone else who needs it.
// Callers may rely on: decoding never fails and never reads past the input; every ill-formed
// sequence (stray continuation byte, truncated sequence, overlong form, surrogate, value above
// U+10FFFF) becomes one U+FFFD per "maximal subpart", as the Unicode standard recommends, so
// the same bytes always decode to the same text and valid text round-trips unchanged.
#include <cstddef>
#include <string>
#include <string_view>

namespace pk::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t code_point = kReplacement;
  std::size_t length = 1;   // bytes consumed, always >= 1 when input is non-empty
  bool well_formed = true;  // false when code_point is a U+FFFD standing for bad bytes
};

// Decodes the code point that starts at text[0]. text must not be empty.
[[nodiscard]] Decoded decode_one(std::string_view text);

// The whole text as code points; ill-formed bytes become U+FFFD.
[[nodiscard]] std::u32string decode(std::string_view text);

// Appends the UTF-8 form of cp; surrogates and values above U+10FFFF append U+FFFD.
void append(std::string& out, char32_t cp);

[[nodiscard]] std::string encode(std::u32string_view text);

[[nodiscard]] bool is_valid(std::string_view text);

// The text with every ill-formed sequence replaced by U+FFFD.
[[nodiscard]] std::string sanitize(std::string_view text);

}  // namespace pk::utf8
