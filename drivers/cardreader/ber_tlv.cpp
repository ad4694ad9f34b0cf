#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader {

namespace {

std::string tag_hex(std::uint32_t tag) {
  Bytes bytes;
  for (std::uint32_t rest = tag; rest != 0; rest >>= 8)
    bytes.insert(bytes.begin(), static_cast<std::uint8_t>(rest & 0xFF));
  return to_hex(bytes);
}

struct Header {
  std::uint32_t tag = 0;
  std::size_t header_size = 0;
  std::size_t length = 0;
  bool tag_is_constructed = false;
};

Result<Header> parse_header(ByteView bytes) {
  if (bytes.empty()) return make_error("TLV expected, no bytes left");
  Header h;
  std::size_t pos = 0;
  const std::uint8_t first = bytes[pos++];
  if (first == 0x00 || first == 0xFF)
    return make_error("TLV tag byte " + to_hex(bytes.first(1)) + " is not a tag");
  h.tag_is_constructed = (first & 0x20) != 0;
  h.tag = first;
  if ((first & 0x1F) == 0x1F) {
    // Subsequent tag bytes while bit 8 is set; three bytes in all is the most any card uses.
    for (int i = 0;; ++i) {
      if (pos >= bytes.size()) return make_error("TLV tag is cut short");
      if (i == 2) return make_error("TLV tag is longer than 3 bytes");
      const std::uint8_t next = bytes[pos++];
      h.tag = (h.tag << 8) | next;
      if ((next & 0x80) == 0) break;
    }
  }
  if (pos >= bytes.size()) return make_error("TLV with tag " + tag_hex(h.tag) + " has no length");
  const std::uint8_t len0 = bytes[pos++];
  if (len0 < 0x80) {
    h.length = len0;
  } else {
    const std::size_t count = len0 & 0x7F;
    if (count == 0) return make_error("TLV uses an indefinite length, which cards do not send");
    if (count > 4) return make_error("TLV length field of " + std::to_string(count) + " bytes");
    if (bytes.size() - pos < count) return make_error("TLV length field is cut short");
    for (std::size_t i = 0; i < count; ++i) h.length = (h.length << 8) | bytes[pos++];
  }
  h.header_size = pos;
  return h;
}

}  // namespace

bool Tlv::constructed() const {
  std::uint32_t first = tag;
  while (first > 0xFF) first >>= 8;
  return (first & 0x20) != 0;
}

Result<Tlv> parse_tlv(ByteView bytes) {
  auto header = parse_header(bytes);
  if (!header) return header.error();
  const std::size_t available = bytes.size() - header->header_size;
  if (header->length > available)
    return make_error("TLV with tag " + tag_hex(header->tag) + " announces " +
                      std::to_string(header->length) + " bytes, only " + std::to_string(available) +
                      " follow");
  Tlv tlv;
  tlv.tag = header->tag;
  tlv.value = bytes.subspan(header->header_size, header->length);
  tlv.size = header->header_size + header->length;
  tlv.encoded = bytes.first(tlv.size);
  return tlv;
}

Result<std::vector<Tlv>> parse_tlvs(ByteView bytes) {
  std::vector<Tlv> out;
  while (!bytes.empty()) {
    auto tlv = parse_tlv(bytes);
    if (!tlv) return tlv.error();
    out.push_back(*tlv);
    bytes = bytes.subspan(tlv->size);
  }
  return out;
}

std::optional<Tlv> find_tlv(ByteView bytes, std::uint32_t tag) {
  auto all = parse_tlvs(bytes);
  if (!all) return std::nullopt;
  for (const Tlv& tlv : *all)
    if (tlv.tag == tag) return tlv;
  return std::nullopt;
}

Result<std::size_t> tlv_total_size(ByteView header) {
  auto parsed = parse_header(header);
  if (!parsed) return parsed.error();
  return parsed->header_size + parsed->length;
}

Bytes encode_length(std::size_t length) {
  if (length < 0x80) return {static_cast<std::uint8_t>(length)};
  Bytes digits;
  for (std::size_t rest = length; rest != 0; rest >>= 8)
    digits.insert(digits.begin(), static_cast<std::uint8_t>(rest & 0xFF));
  digits.insert(digits.begin(), static_cast<std::uint8_t>(0x80 | digits.size()));
  return digits;
}

Bytes encode_tlv(std::uint32_t tag, ByteView value) {
  Bytes out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const auto byte = static_cast<std::uint8_t>((tag >> shift) & 0xFF);
    if (byte != 0 || !out.empty() || shift == 0) out.push_back(byte);
  }
  append(out, encode_length(value.size()));
  append(out, value);
  return out;
}

}  // namespace pk::cardreader
