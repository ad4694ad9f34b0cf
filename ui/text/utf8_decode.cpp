#include "ui/text/utf8_decode.h"

#include "domain/utf8.h"

namespace pk::ui {

// The domain library's decoder (one U+FFFD per maximal subpart of ill-formed bytes), plus the
// byte offset of each code point, which the layout needs to map glyphs back to the input.
DecodedText decode_utf8(std::string_view utf8) {
  DecodedText out;
  out.text.reserve(utf8.size());
  out.byte_offsets.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    const utf8::Decoded d = utf8::decode_one(utf8.substr(i));
    out.text.push_back(d.code_point);
    out.byte_offsets.push_back(static_cast<uint32_t>(i));
    i += d.length;
  }
  return out;
}

}  // namespace pk::ui
