#pragma once
// Byte encodings used on the wire between terminal and centre: lowercase hex for SHA-256
// digests in JSON, standard base64 (with padding) for blobs and for tus headers.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::sync {

using Digest = std::array<uint8_t, 32>;

[[nodiscard]] std::string to_hex(std::span<const uint8_t> bytes);
[[nodiscard]] Result<std::vector<uint8_t>> from_hex(std::string_view hex);
[[nodiscard]] std::string to_base64(std::span<const uint8_t> bytes);
// Strict: refuses characters outside the alphabet and bad padding.
[[nodiscard]] Result<std::vector<uint8_t>> from_base64(std::string_view text);

[[nodiscard]] Digest sha256(std::span<const uint8_t> bytes);
[[nodiscard]] inline Digest sha256(std::string_view text) {
  return sha256(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}
[[nodiscard]] inline std::span<const uint8_t> as_bytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

}  // namespace pk::sync
