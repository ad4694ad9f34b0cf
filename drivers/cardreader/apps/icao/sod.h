#pragma once
// EF.SOD, the document security object (ICAO Doc 9303 part 10 section 4.6.2): a CMS
// SignedData whose content is the LDSSecurityObject, the list of data-group hashes. This
// parser reads the hashes so that what was read can be checked against them.
//
// This parser does not judge the signature: passive_auth.h verifies it with OpenSSL's CMS
// functions against the CSCA master list; matching hashes alone prove only that the data
// groups are the ones the security object lists, not that a state issued it.
#include <cstdint>
#include <map>
#include <string_view>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

struct SecurityObject {
  HashAlgorithm algorithm = HashAlgorithm::Sha256;
  std::map<int, Bytes> hashes;   // data-group number -> hash
  bool has_signer_info = false;  // present; passive_auth.h says whether it verifies
};

[[nodiscard]] Result<SecurityObject> parse_sod(ByteView file);

// DER encoding of the same structure, used by the test passport builder. The SignedData gets
// no signer (an unsigned test document), which parse_sod reports as has_signer_info = false.
[[nodiscard]] Bytes encode_sod(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes);

// The LDSSecurityObject alone (the content a document signer signs), and its OID's DER value.
[[nodiscard]] Bytes encode_lds_security_object(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes);
inline constexpr std::string_view kLdsSecurityObjectOidText = "2.23.136.1.1.1";

}  // namespace pk::cardreader::icao
