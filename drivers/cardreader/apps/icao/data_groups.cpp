#include "drivers/cardreader/apps/icao/data_groups.h"

#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

Result<Tlv> outer(ByteView file, std::uint32_t tag, std::string_view name) {
  auto tlv = parse_tlv(file);
  if (!tlv) return make_error(std::string(name) + ": " + tlv.error().message);
  if (tlv->tag != tag) return make_error(std::string(name) + " does not start with its tag");
  return tlv;
}

std::string text_of(ByteView value) { return std::string(value.begin(), value.end()); }

std::uint32_t big_endian(ByteView bytes) {
  std::uint32_t v = 0;
  for (std::uint8_t b : bytes) v = (v << 8) | b;
  return v;
}

}  // namespace

std::string_view to_string(ImageFormat format) { return format == ImageFormat::Jpeg ? "JPEG" : "JPEG 2000"; }

Result<EfCom> parse_ef_com(ByteView file) {
  auto com = outer(file, 0x60, "EF.COM");
  if (!com) return com.error();
  EfCom out;
  auto version = find_tlv(com->value, 0x5F01);
  auto unicode = find_tlv(com->value, 0x5F36);
  auto tags = find_tlv(com->value, 0x5C);
  if (!tags) return make_error("EF.COM has no tag list (5C)");
  if (version) out.lds_version = text_of(version->value);
  if (unicode) out.unicode_version = text_of(unicode->value);
  out.tags.assign(tags->value.begin(), tags->value.end());
  return out;
}

Result<MrzData> parse_dg1(ByteView file) {
  auto dg1 = outer(file, 0x61, "DG1");
  if (!dg1) return dg1.error();
  auto mrz = find_tlv(dg1->value, 0x5F1F);
  if (!mrz) return make_error("DG1 has no MRZ (5F1F)");
  auto parsed = parse_mrz(text_of(mrz->value));
  if (!parsed) return make_error("DG1: " + parsed.error().message);
  return parsed;
}

Result<EncodedFace> parse_dg2(ByteView file) {
  auto dg2 = outer(file, 0x75, "DG2");
  if (!dg2) return dg2.error();
  auto group = find_tlv(dg2->value, 0x7F61);
  if (!group) return make_error("DG2 has no biometric information group template (7F61)");
  auto bit = find_tlv(group->value, 0x7F60);
  if (!bit) return make_error("DG2 has no biometric information template (7F60)");
  auto record = find_tlv(bit->value, 0x5F2E);
  if (!record) record = find_tlv(bit->value, 0x7F2E);
  if (!record) return make_error("DG2 has no biometric data block (5F2E)");
  const ByteView r = record->value;
  // ISO/IEC 19794-5:2005: general header (14 bytes): "FAC\0", version, record length (4),
  // face count (2); then per face: block length (4), feature-point count (2), 18 more bytes
  // of facial information, 8 bytes per feature point, 12 bytes of image information, image.
  if (r.size() < 14 || r[0] != 'F' || r[1] != 'A' || r[2] != 'C' || r[3] != 0)
    return make_error("DG2 face record does not start with \"FAC\"");
  if (big_endian(r.subspan(12, 2)) == 0) return make_error("DG2 face record holds no face");
  const ByteView face = r.subspan(14);
  if (face.size() < 20) return make_error("DG2 face block is cut short");
  const std::size_t block_length = big_endian(face.subspan(0, 4));
  const std::size_t feature_points = big_endian(face.subspan(4, 2));
  const std::size_t info_end = 20 + 8 * feature_points + 12;
  if (block_length > face.size() || block_length < info_end)
    return make_error("DG2 face block length is inconsistent");
  const ByteView info = face.subspan(20 + 8 * feature_points, 12);
  EncodedFace out;
  switch (info[1]) {
    case 0:
      out.format = ImageFormat::Jpeg;
      break;
    case 1:
      out.format = ImageFormat::Jpeg2000;
      break;
    default:
      return make_error("DG2 face image type " + std::to_string(info[1]) + " is neither JPEG nor JPEG 2000");
  }
  out.width = static_cast<int>(big_endian(info.subspan(2, 2)));
  out.height = static_cast<int>(big_endian(info.subspan(4, 2)));
  const ByteView image = face.subspan(info_end, block_length - info_end);
  if (image.empty()) return make_error("DG2 face image is empty");
  out.data.assign(image.begin(), image.end());
  return out;
}

}  // namespace pk::cardreader::icao
