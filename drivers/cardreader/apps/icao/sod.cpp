#include "drivers/cardreader/apps/icao/sod.h"

#include <algorithm>
#include <array>
#include <optional>

#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

const Bytes kSignedDataOid = hex("2A864886F70D010702");   // 1.2.840.113549.1.7.2
const Bytes kLdsSecurityObjectOid = hex("678108010101");  // 2.23.136.1.1.1

struct HashOid {
  HashAlgorithm algorithm;
  Bytes oid;
};

const std::array<HashOid, 5>& hash_oids() {
  static const std::array<HashOid, 5> kOids{{
      {HashAlgorithm::Sha1, hex("2B0E03021A")},
      {HashAlgorithm::Sha224, hex("608648016503040204")},
      {HashAlgorithm::Sha256, hex("608648016503040201")},
      {HashAlgorithm::Sha384, hex("608648016503040202")},
      {HashAlgorithm::Sha512, hex("608648016503040203")},
  }};
  return kOids;
}

bool same(ByteView a, const Bytes& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

Result<Tlv> child(const std::vector<Tlv>& children, std::size_t index, std::uint32_t tag,
                  std::string_view what) {
  if (index >= children.size() || children[index].tag != tag)
    return make_error("EF.SOD: " + std::string(what) + " missing");
  return children[index];
}

Result<std::vector<Tlv>> children_of(const Tlv& tlv, std::string_view what) {
  auto parsed = parse_tlvs(tlv.value);
  if (!parsed) return make_error("EF.SOD: " + std::string(what) + ": " + parsed.error().message);
  return parsed;
}

Result<int> small_integer(ByteView value) {
  if (value.empty() || value.size() > 2 || (value[0] & 0x80) != 0)
    return make_error("EF.SOD: data-group number is not a small integer");
  int v = 0;
  for (std::uint8_t b : value) v = (v << 8) | b;
  return v;
}

Result<SecurityObject> parse_lds_security_object(ByteView der) {
  auto top = parse_tlv(der);
  if (!top || top->tag != 0x30) return make_error("EF.SOD: LDSSecurityObject is not a SEQUENCE");
  auto fields = children_of(*top, "LDSSecurityObject");
  if (!fields) return fields.error();
  auto version = child(*fields, 0, 0x02, "LDSSecurityObject version");
  if (!version) return version.error();
  auto algorithm = child(*fields, 1, 0x30, "hash algorithm");
  if (!algorithm) return algorithm.error();
  auto hashes = child(*fields, 2, 0x30, "data-group hash list");
  if (!hashes) return hashes.error();

  SecurityObject out;
  auto oid = find_tlv(algorithm->value, 0x06);
  if (!oid) return make_error("EF.SOD: hash algorithm has no OID");
  const auto& known = hash_oids();
  const auto match =
      std::find_if(known.begin(), known.end(), [&](const HashOid& h) { return same(oid->value, h.oid); });
  if (match == known.end())
    return make_error("EF.SOD: hash algorithm " + to_hex(oid->value) + " is not supported");
  out.algorithm = match->algorithm;
  const std::size_t hash_size = digest(out.algorithm, {}).size();

  auto entries = children_of(*hashes, "data-group hash list");
  if (!entries) return entries.error();
  for (const Tlv& entry : *entries) {
    if (entry.tag != 0x30) return make_error("EF.SOD: data-group hash entry is not a SEQUENCE");
    auto parts = children_of(entry, "data-group hash entry");
    if (!parts) return parts.error();
    auto number_tlv = child(*parts, 0, 0x02, "data-group number");
    if (!number_tlv) return number_tlv.error();
    auto value = child(*parts, 1, 0x04, "data-group hash value");
    if (!value) return value.error();
    auto number = small_integer(number_tlv->value);
    if (!number) return number.error();
    if (*number < 1 || *number > 16)
      return make_error("EF.SOD: data-group number " + std::to_string(*number) + " out of 1..16");
    if (value->value.size() != hash_size)
      return make_error("EF.SOD: hash of DG" + std::to_string(*number) + " has the wrong size");
    out.hashes[*number] = Bytes(value->value.begin(), value->value.end());
  }
  return out;
}

}  // namespace

Result<SecurityObject> parse_sod(ByteView file) {
  auto sod = parse_tlv(file);
  if (!sod || sod->tag != 0x77) return make_error("EF.SOD does not start with tag 77");
  auto content_info = parse_tlv(sod->value);
  if (!content_info || content_info->tag != 0x30) return make_error("EF.SOD: ContentInfo is not a SEQUENCE");
  auto ci = children_of(*content_info, "ContentInfo");
  if (!ci) return ci.error();
  auto type = child(*ci, 0, 0x06, "content type");
  if (!type) return type.error();
  if (!same(type->value, kSignedDataOid)) return make_error("EF.SOD: content is not CMS SignedData");
  auto explicit0 = child(*ci, 1, 0xA0, "SignedData");
  if (!explicit0) return explicit0.error();
  auto signed_data = parse_tlv(explicit0->value);
  if (!signed_data || signed_data->tag != 0x30) return make_error("EF.SOD: SignedData is not a SEQUENCE");
  auto sd = children_of(*signed_data, "SignedData");
  if (!sd) return sd.error();
  // version, digestAlgorithms SET, encapContentInfo, [0] certificates?, [1] crls?, signerInfos SET
  auto encap = child(*sd, 2, 0x30, "encapsulated content");
  if (!encap) return encap.error();
  auto ec = children_of(*encap, "encapsulated content");
  if (!ec) return ec.error();
  auto econtent_type = child(*ec, 0, 0x06, "encapsulated content type");
  if (!econtent_type) return econtent_type.error();
  if (!same(econtent_type->value, kLdsSecurityObjectOid))
    return make_error("EF.SOD: content is not an LDS security object");
  auto econtent = child(*ec, 1, 0xA0, "encapsulated content");
  if (!econtent) return econtent.error();
  auto octets = parse_tlv(econtent->value);
  if (!octets || octets->tag != 0x04) return make_error("EF.SOD: LDS security object is not an OCTET STRING");
  auto out = parse_lds_security_object(octets->value);
  if (!out) return out;
  const Tlv& last = sd->back();
  out->has_signer_info = last.tag == 0x31 && !last.value.empty() && sd->size() > 3;
  return out;
}

Bytes encode_lds_security_object(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes) {
  const auto& known = hash_oids();
  const auto match =
      std::find_if(known.begin(), known.end(), [&](const HashOid& h) { return h.algorithm == algorithm; });
  const Bytes algorithm_id = encode_tlv(0x30, encode_tlv(0x06, match->oid));
  Bytes list;
  for (const auto& [number, hash] : hashes) {
    Bytes entry = encode_tlv(0x02, Bytes{static_cast<std::uint8_t>(number)});
    append(entry, encode_tlv(0x04, hash));
    append(list, encode_tlv(0x30, entry));
  }
  Bytes lds = encode_tlv(0x02, Bytes{0x00});
  append(lds, algorithm_id);
  append(lds, encode_tlv(0x30, list));
  return encode_tlv(0x30, lds);
}

Bytes encode_sod(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes) {
  const auto& known = hash_oids();
  const auto match =
      std::find_if(known.begin(), known.end(), [&](const HashOid& h) { return h.algorithm == algorithm; });
  const Bytes algorithm_id = encode_tlv(0x30, encode_tlv(0x06, match->oid));
  const Bytes lds_object = encode_lds_security_object(algorithm, hashes);

  Bytes encap = encode_tlv(0x06, kLdsSecurityObjectOid);
  append(encap, encode_tlv(0xA0, encode_tlv(0x04, lds_object)));
  Bytes signed_data = encode_tlv(0x02, Bytes{0x03});
  append(signed_data, encode_tlv(0x31, algorithm_id));
  append(signed_data, encode_tlv(0x30, encap));
  append(signed_data, encode_tlv(0x31, Bytes{}));  // no signer: a test document
  Bytes content_info = encode_tlv(0x06, kSignedDataOid);
  append(content_info, encode_tlv(0xA0, encode_tlv(0x30, signed_data)));
  return encode_tlv(0x77, encode_tlv(0x30, content_info));
}

}  // namespace pk::cardreader::icao
