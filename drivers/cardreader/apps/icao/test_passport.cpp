#include "drivers/cardreader/apps/icao/test_passport.h"

#include <algorithm>

#include "drivers/cardreader/apps/icao/lds_reader.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

std::string field(std::string text, std::size_t width) {
  std::replace(text.begin(), text.end(), ' ', '<');
  text.resize(width, '<');
  return text;
}

Bytes as_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

void put_be(Bytes& out, std::uint32_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>((value >> (8 * i)) & 0xFF));
}

// ISO/IEC 19794-5 face record with one face and no feature points.
Bytes face_record(ImageFormat format, int width, int height, ByteView image) {
  Bytes face;
  put_be(face, static_cast<std::uint32_t>(20 + 12 + image.size()), 4);  // facial record data length
  put_be(face, 0, 2);                                                   // feature points
  face.push_back(0x02);                                                 // gender: female
  face.push_back(0x00);                                                 // eye colour unspecified
  face.push_back(0x00);                                                 // hair colour unspecified
  put_be(face, 0, 3);                                                   // feature mask
  put_be(face, 0, 2);                                                   // expression
  put_be(face, 0, 3);                                                   // pose angle
  put_be(face, 0, 3);                                                   // pose uncertainty
  face.push_back(0x01);                                                 // face image type: full frontal
  face.push_back(format == ImageFormat::Jpeg ? 0x00 : 0x01);            // image data type
  put_be(face, static_cast<std::uint32_t>(width), 2);
  put_be(face, static_cast<std::uint32_t>(height), 2);
  face.push_back(0x01);  // colour space: sRGB
  face.push_back(0x02);  // source: digital still camera
  put_be(face, 0, 2);    // device type
  put_be(face, 0, 2);    // quality
  append(face, image);
  Bytes record =
      as_bytes(std::string_view("FAC\0"
                                "010\0",
                                8));
  put_be(record, static_cast<std::uint32_t>(14 + face.size()), 4);
  put_be(record, 1, 2);
  append(record, face);
  return record;
}

}  // namespace

std::string compose_td3(const TestPassportSpec& spec) {
  const std::string names = field(spec.surname, spec.surname.size()) + "<<" + spec.given_names;
  const std::string line1 = "P<" + field(spec.issuing_state, 3) + field(names, 39);
  const std::string number = field(spec.document_number, 9);
  const std::string personal = field(spec.personal_number, 14);
  std::string line2 = number + std::to_string(check_digit(number)) + field(spec.nationality, 3) + spec.birth +
                      std::to_string(check_digit(spec.birth)) + spec.sex + spec.expiry +
                      std::to_string(check_digit(spec.expiry)) + personal +
                      std::to_string(check_digit(personal));
  const std::string composite = line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22);
  line2 += std::to_string(check_digit(composite));
  return line1 + "\n" + line2;
}

RgbImage draw_test_face(int width, int height) {
  RgbImage image{
      width, height,
      std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)};
  const double cx = width / 2.0;
  const double cy = height * 0.45;
  const double rx = width * 0.30;
  const double ry = height * 0.32;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t r = 170, g = 200, b = 230;  // pale blue background
      const double dx = (x - cx) / rx;
      const double dy = (y - cy) / ry;
      if (dx * dx + dy * dy <= 1.0) {
        r = 225, g = 180, b = 150;                       // skin
        if (y < cy - ry * 0.55) r = 60, g = 40, b = 30;  // hair
        const double ex = std::min(std::abs(x - (cx - rx * 0.4)), std::abs(x - (cx + rx * 0.4)));
        if (ex < width * 0.04 && std::abs(y - (cy - ry * 0.1)) < height * 0.02)
          r = 40, g = 40, b = 60;  // eyes
        if (std::abs(x - cx) < rx * 0.35 && std::abs(y - (cy + ry * 0.5)) < height * 0.012)
          r = 160, g = 70, b = 70;  // mouth
      } else if (y > height * 0.82 && std::abs(x - cx) < width * 0.4) {
        r = 50, g = 60, b = 90;  // shoulders
      }
      const std::size_t i =
          (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
      image.pixels[i] = r;
      image.pixels[i + 1] = g;
      image.pixels[i + 2] = b;
    }
  }
  return image;
}

Result<MrzKey> TestPassport::key() const {
  auto parsed = parse_mrz(mrz);
  if (!parsed) return parsed.error();
  return parsed->key();
}

Result<TestPassport> make_test_passport(const TestPassportSpec& spec) {
  TestPassport passport;
  passport.mrz = compose_td3(spec);
  if (auto check = parse_mrz(passport.mrz); !check)
    return make_error("test passport MRZ: " + check.error().message);
  passport.face = draw_test_face(120, 150);
  auto image =
      spec.face_format == ImageFormat::Jpeg ? encode_jpeg(passport.face, 85) : encode_jpeg2000(passport.face);
  if (!image) return image.error();

  std::string mrz_flat = passport.mrz;
  mrz_flat.erase(std::remove(mrz_flat.begin(), mrz_flat.end(), '\n'), mrz_flat.end());
  const Bytes dg1 = encode_tlv(0x61, encode_tlv(0x5F1F, as_bytes(mrz_flat)));

  Bytes bit =
      encode_tlv(0xA1, concat(encode_tlv(0x80, Bytes{0x01, 0x01}), encode_tlv(0x87, Bytes{0x01, 0x01})));
  append(bit, encode_tlv(0x5F2E,
                         face_record(spec.face_format, passport.face.width, passport.face.height, *image)));
  Bytes group = encode_tlv(0x02, Bytes{0x01});
  append(group, encode_tlv(0x7F60, bit));
  const Bytes dg2 = encode_tlv(0x75, encode_tlv(0x7F61, group));

  // EF.COM exactly as in Doc 9303 part 11 appendix D.4 (LDS 1.6, Unicode 4.0.0, DG1 and DG2).
  passport.files[fid::kCom] = hex("60145F0104303130365F36063034303030305C026175");
  passport.files[fid::kDg1] = dg1;
  passport.files[fid::kDg2] = dg2;
  const std::map<int, Bytes> hashes{{1, digest(spec.hash, dg1)}, {2, digest(spec.hash, dg2)}};
  if (spec.signer) {
    auto sod = encode_signed_sod(spec.hash, hashes, *spec.signer);
    if (!sod) return sod.error();
    passport.files[fid::kSod] = std::move(sod.value());
  } else {
    passport.files[fid::kSod] = encode_sod(spec.hash, hashes);
  }
  return passport;
}

}  // namespace pk::cardreader::icao
