#pragma once
// Decoding the DG2 face (JPEG with libturbojpeg, JPEG 2000 with OpenJPEG) into RGB pixels the
// kiosk can show, and the encoders the test passport uses to make its face.
#include <cstdint>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/data_groups.h"

namespace pk::cardreader::icao {

// 8-bit RGB, rows top to bottom, no padding.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// Passport faces are a few hundred pixels a side; anything past this is refused before any
// pixel memory is allocated, so a hostile chip cannot make the kiosk allocate gigabytes.
inline constexpr int kMaxFaceSide = 4096;

[[nodiscard]] Result<RgbImage> decode_face(const EncodedFace& face);
[[nodiscard]] Result<RgbImage> decode_jpeg(ByteView data);
[[nodiscard]] Result<RgbImage> decode_jpeg2000(ByteView data);

[[nodiscard]] Result<Bytes> encode_jpeg(const RgbImage& image, int quality);
// A JP2 file (not a bare codestream), lossless, as some passports carry.
[[nodiscard]] Result<Bytes> encode_jpeg2000(const RgbImage& image);

}  // namespace pk::cardreader::icao
