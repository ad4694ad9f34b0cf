#pragma once
// A complete test passport: MRZ, EF.COM, DG1, DG2 (a drawn face, JPEG or JPEG 2000) and an
// EF.SOD listing their hashes. The default MRZ opens with the BAC key of ICAO Doc 9303
// part 11 appendix D (document L898902C<, born 690806, expiring 940623), so the published
// worked example can be replayed against it. Used by the simulated reader, the vpcd bridge,
// the kiosk demo and the tests.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"
#include "drivers/cardreader/apps/icao/data_groups.h"
#include "drivers/cardreader/apps/icao/face_image.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/sod_signer.h"

namespace pk::cardreader::icao {

struct TestPassportSpec {
  std::string issuing_state = "UTO";  // Utopia, the Doc 9303 specimen state
  std::string surname = "ERIKSSON";
  std::string given_names = "ANNA MARIA";
  std::string document_number = "L898902C";
  std::string nationality = "UTO";
  std::string birth = "690806";
  char sex = 'F';
  std::string expiry = "940623";
  std::string personal_number = "ZE184226B";
  ImageFormat face_format = ImageFormat::Jpeg;
  HashAlgorithm hash = HashAlgorithm::Sha256;
  // EF.SOD signed by this document signer; none: an unsigned SignedData (no signer info),
  // which passive authentication can never verify.
  std::optional<SodSigner> signer;
};

struct TestPassport {
  std::string mrz;                       // two lines joined by '\n'
  std::map<std::uint16_t, Bytes> files;  // by file identifier
  RgbImage face;                         // what DG2 encodes (lossless for JPEG 2000)
  [[nodiscard]] Result<MrzKey> key() const;
};

// TD3 lines with every check digit computed.
[[nodiscard]] std::string compose_td3(const TestPassportSpec& spec);
[[nodiscard]] RgbImage draw_test_face(int width, int height);
[[nodiscard]] Result<TestPassport> make_test_passport(const TestPassportSpec& spec);

}  // namespace pk::cardreader::icao
