#pragma once
// The SHA-256 of a page's encoded bytes: computed once, where the bytes are made (the
// pipeline, or a lossless turn of the bytes), and carried from there to the store
// (documents.sha256, of the clear content) instead of being computed again by each reader.
#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace pk::imaging {

using Sha256 = std::array<std::uint8_t, 32>;

[[nodiscard]] Sha256 sha256_of(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string sha256_hex(const Sha256& digest);

}  // namespace pk::imaging
