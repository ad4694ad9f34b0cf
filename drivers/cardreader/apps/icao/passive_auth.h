#pragma once
// Passive authentication (ICAO Doc 9303 part 11 section 5.1): is this chip's data what a
// state signed? Three checks, each with its own answer:
//  1. every data group read hashes to the value EF.SOD lists for it;
//  2. EF.SOD's CMS SignedData signature verifies with the document signer certificate it
//     carries (OpenSSL's CMS functions, not a parser of ours);
//  3. that document signer chains up to a CSCA of the master list, is within its validity
//     period at the time of the read, and is not on its CSCA's revocation list.
//
// The answer is a kind and a reason, never a bool: the screen words the kind, the submission
// records it, the log keeps the reason. Only Verified means the identity may fill the form
// without the citizen confirming it.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "drivers/cardreader/apps/icao/csca_master_list.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

enum class PassiveAuth : std::uint8_t {
  Verified,               // all three checks passed
  NoMasterList,           // the terminal has no CSCA master list: nothing to verify against
  Malformed,              // EF.SOD is not a CMS SignedData with one signer certificate
  DataGroupHashMismatch,  // a data group does not match its hash in EF.SOD (or is not listed)
  SignatureInvalid,       // EF.SOD's signature does not verify (edited after signing)
  UnknownCsca,            // the document signer does not chain up to a CSCA of the master list
  SignerExpired,          // the document signer certificate is outside its validity period
  SignerRevoked,          // the document signer is on its CSCA's revocation list
  NoRevocationList,       // the master list has no (current) revocation list of that CSCA
  ChainInvalid,           // any other certificate-path failure (reason says which)
};

// Stable names for the wire and the log ("verified", "signature_invalid", ...).
[[nodiscard]] std::string_view to_string(PassiveAuth outcome);

struct PassiveAuthResult {
  PassiveAuth outcome = PassiveAuth::NoMasterList;
  std::string reason;  // English, for the log and the technician; never shown to a citizen
};

struct DataGroupRead {
  int number = 0;  // 1..16
  ByteView content;
};

// `sod_file` is EF.SOD as read (tag 77). `master_list` null: NoMasterList, after the hash
// check (a mismatch is reported first: it is what the chip itself proves wrong). `at` is the
// time the certificates must be valid at (the time of the read).
[[nodiscard]] PassiveAuthResult verify_passive(ByteView sod_file, std::span<const DataGroupRead> groups,
                                               const CscaMasterList* master_list,
                                               std::chrono::system_clock::time_point at);

}  // namespace pk::cardreader::icao
