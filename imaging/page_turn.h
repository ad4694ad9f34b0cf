#pragma once
// Turning an encoded page half a turn without decoding it again: the operator's "this page is
// upside down" after the pipeline has encoded it. A decode, turn and re-encode of a JPEG
// loses quality every time (it did, before); here the JPEG's DCT blocks are turned losslessly
// (TurboJPEG's tjTransform), and a 1-bit PNG, lossless anyway, is turned pixel for pixel.
// The new bytes' SHA-256 is computed here, once, and carried to the store like the pipeline's.
//
// One cost, named: a JPEG's blocks are 8 pixels (gray) or 16 (colour, 4:2:0), and a partial
// block at the right or bottom edge cannot be moved to the left or top losslessly, so up to 7
// (15) pixel columns and rows of the edge are trimmed: at most 1 (2) mm at 200 dpi, inside
// the feeder's shadow border that blank detection ignores too.
#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"
#include "imaging/page_codec.h"
#include "imaging/page_hash.h"

namespace pk::imaging {

struct EncodedPage {
  PageEncoding encoding = PageEncoding::Jpeg;
  std::vector<std::uint8_t> bytes;
  Sha256 sha256{};
};

[[nodiscard]] Result<EncodedPage> turn_180(PageEncoding encoding, std::span<const std::uint8_t> bytes);

}  // namespace pk::imaging
