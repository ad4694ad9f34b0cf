#pragma once
// EF.SOD, the document security object (ICAO Doc 9303 part 10 section 4.6.2): a CMS
// SignedData whose content is the LDSSecurityObject, the list of data-group hashes. This
// parser reads the hashes so that what was read can be checked against them.
//
// Out of scope, and said so to callers: verifying the SignedData signature and the Document
// Signer certificate against a Country Signing CA. That needs the CSCA master list, which the
// terminal does not have; until it does, matching hashes prove the data groups are the ones
// the security object lists, not that the security object was issued by a state.
#include <cstdint>
#include <map>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

struct SecurityObject {
  HashAlgorithm algorithm = HashAlgorithm::Sha256;
  std::map<int, Bytes> hashes;   // data-group number -> hash
  bool has_signer_info = false;  // present but NOT verified (see above)
};

[[nodiscard]] Result<SecurityObject> parse_sod(ByteView file);

// DER encoding of the same structure, used by the test passport builder. The SignedData gets
// no signer (an unsigned test document), which parse_sod reports as has_signer_info = false.
[[nodiscard]] Bytes encode_sod(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes);

}  // namespace pk::cardreader::icao
