#pragma once
// Byte strings as cards speak them, and hex for people and test vectors.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pk::cardreader {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Upper-case hex without separators: "9000".
[[nodiscard]] std::string to_hex(ByteView bytes);
// Accepts upper or lower case, ignores spaces and colons; nullopt on an odd digit count or a
// non-hex character.
[[nodiscard]] std::optional<Bytes> from_hex(std::string_view text);
// For test vectors written in source: aborts on malformed hex, so a typo cannot pass silently.
[[nodiscard]] Bytes hex(std::string_view text);

[[nodiscard]] inline Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}
inline void append(Bytes& out, ByteView more) { out.insert(out.end(), more.begin(), more.end()); }

}  // namespace pk::cardreader
