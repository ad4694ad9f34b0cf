#pragma once
// Parsers of the LDS files read from the chip (ICAO Doc 9303 part 10): EF.COM, DG1 (the MRZ)
// and DG2 (the encoded face). Input is whatever the chip sent: never trusted.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

struct EfCom {
  std::string lds_version;      // "0107"
  std::string unicode_version;  // "040000"
  Bytes tags;                   // data-group tags present: 61 (DG1), 75 (DG2), ...
};
[[nodiscard]] Result<EfCom> parse_ef_com(ByteView file);

// DG1: tag 61 { 5F1F MRZ }.
[[nodiscard]] Result<MrzData> parse_dg1(ByteView file);

enum class ImageFormat : std::uint8_t { Jpeg, Jpeg2000 };
[[nodiscard]] std::string_view to_string(ImageFormat format);

struct EncodedFace {
  ImageFormat format = ImageFormat::Jpeg;
  int width = 0;  // as the ISO 19794-5 record says; the decoder checks the real size
  int height = 0;
  Bytes data;
};
// DG2: 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E/7F2E ISO 19794-5 face record } } }. Takes
// the first face.
[[nodiscard]] Result<EncodedFace> parse_dg2(ByteView file);

}  // namespace pk::cardreader::icao
