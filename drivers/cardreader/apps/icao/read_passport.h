#pragma once
// The kiosk's one call: read a chip passport on the reader with the MRZ key the citizen typed
// (or the scanner read). All or nothing: either every field below is filled and the data
// groups matched EF.SOD's hashes, or the result is an error whose message (and
// PassportReadReport::failure, for describe()) says what to do; calling again is the retry.
//
// Trust: the DG1/DG2 hashes are checked against EF.SOD (a mismatch is a failed read), then
// passive authentication (passive_auth.h) judges EF.SOD's signature and its document signer
// against the CSCA master list. Its answer is in PassportIdentity::authenticity: anything but
// PassiveAuth::Verified is an unverified chip, whose identity the citizen must confirm or type.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/apdu_channel.h"
#include "drivers/cardreader/apps/icao/bac.h"
#include "drivers/cardreader/apps/icao/face_image.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/passive_auth.h"
#include "drivers/cardreader/apps/icao/read_failure.h"
#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader::icao {

enum class HashCheck : std::uint8_t { Matched };  // a mismatch is a failed read, never a result

struct PassportIdentity {
  std::string document_number;
  std::string surname;
  std::string given_names;
  std::string nationality;  // three letters, ICAO codes ("AFG", "IRN")
  std::string issuing_state;
  MrzDate birth_date;
  MrzDate expiry_date;
  Sex sex = Sex::Unspecified;
  std::string mrz;  // DG1's MRZ as two lines
  RgbImage face;    // decoded DG2 face
  ImageFormat face_format = ImageFormat::Jpeg;
  HashAlgorithm hash_algorithm = HashAlgorithm::Sha256;
  HashCheck hashes = HashCheck::Matched;  // DG1 and DG2 against EF.SOD
  PassiveAuthResult authenticity;         // EF.SOD's signature and signer (passive_auth.h)
};

struct PassportReadReport {
  ReadFailure failure = ReadFailure::None;
  int apdu_count = 0;
  std::chrono::milliseconds elapsed{0};
  std::vector<TraceEntry>* trace = nullptr;  // set by the caller to record every APDU
};

struct ReadOptions {
  std::chrono::milliseconds apdu_timeout{3000};
  const TerminalRandom* random = nullptr;  // tests fix it; a fresh random value otherwise
  // The CSCAs to verify EF.SOD against; null: every chip is PassiveAuth::NoMasterList.
  const CscaMasterList* master_list = nullptr;
  // When the document signer must be valid; the time of the read when not set (tests fix it).
  std::optional<std::chrono::system_clock::time_point> at;
};

[[nodiscard]] Result<PassportIdentity> read_passport(CardReaderDriver& reader, const MrzKey& key);
[[nodiscard]] Result<PassportIdentity> read_passport(CardReaderDriver& reader, const MrzKey& key,
                                                     const ReadOptions& options, PassportReadReport& report);

}  // namespace pk::cardreader::icao
