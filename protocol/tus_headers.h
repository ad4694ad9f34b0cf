#pragma once
// Parsing and writing of the tus 1.0 headers (https://tus.io/protocols/resumable-upload):
// used by the terminal's tus client and by the centre's tus server. Every value comes from
// the other side of a network link, so every parser refuses rather than guesses.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "protocol/encoding.h"

namespace pk::sync::tus {

inline constexpr std::string_view kVersion = "1.0.0";
inline constexpr std::string_view kExtensions = "creation,checksum,termination";
inline constexpr std::string_view kChecksumAlgorithms = "sha256";
inline constexpr std::string_view kOffsetContentType = "application/offset+octet-stream";
// tus checksum extension: the chunk did not match its Upload-Checksum.
inline constexpr int kStatusChecksumMismatch = 460;

// Upload-Offset / Upload-Length: a non-negative decimal integer, nothing else.
[[nodiscard]] Result<int64_t> parse_length(std::string_view value);

// Upload-Checksum: "sha256 <base64 digest>". Other algorithms are refused (we only offer sha256).
[[nodiscard]] Result<Digest> parse_checksum(std::string_view value);
[[nodiscard]] std::string checksum_header(const Digest& digest);

// Upload-Metadata: comma-separated "key base64value" pairs; a key may have no value.
using Metadata = std::map<std::string, std::string>;
[[nodiscard]] Result<Metadata> parse_metadata(std::string_view value);
[[nodiscard]] std::string metadata_header(const Metadata& metadata);

}  // namespace pk::sync::tus
