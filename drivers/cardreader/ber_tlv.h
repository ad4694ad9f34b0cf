#pragma once
// BER-TLV as cards use it (ISO 7816-4 annex D, X.690): multi-byte tags, definite lengths up
// to four length bytes. Parsed values are views into the caller's buffer, which must outlive
// them. Everything a card sends passes through here, so nothing is trusted: every length is
// checked against what is actually there.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader {

struct Tlv {
  std::uint32_t tag = 0;  // as the bytes read: 0x5F1F, 0x7F61, 0x61
  ByteView value;
  ByteView encoded;      // tag, length and value: what a MAC covers
  std::size_t size = 0;  // encoded.size()
  [[nodiscard]] bool constructed() const;
};

// One TLV at the start of `bytes`.
[[nodiscard]] Result<Tlv> parse_tlv(ByteView bytes);
// Every TLV in `bytes`, which they must fill exactly (padding 00/FF between objects is not
// accepted: none of the structures read here have it).
[[nodiscard]] Result<std::vector<Tlv>> parse_tlvs(ByteView bytes);
// The first direct child with `tag` among the TLVs filling `bytes`.
[[nodiscard]] std::optional<Tlv> find_tlv(ByteView bytes, std::uint32_t tag);
// How many bytes the TLV at the start of `header` occupies in total, from its tag and length
// alone (the value may not have been read yet); what a file reader needs after its first read.
[[nodiscard]] Result<std::size_t> tlv_total_size(ByteView header);

[[nodiscard]] Bytes encode_length(std::size_t length);
[[nodiscard]] Bytes encode_tlv(std::uint32_t tag, ByteView value);

}  // namespace pk::cardreader
