#pragma once
// Signing an EF.SOD as an issuing state's document signer does: a CMS SignedData over the
// LDSSecurityObject, with the signer's certificate inside. Only test and demo passports are
// signed here (the test CSCA and document signer are made at test time); a terminal never
// signs a real document.
#include <map>
#include <string>

#include "domain/result.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

struct SodSigner {
  std::string certificate_pem;  // the document signer certificate
  std::string private_key_pem;  // its key (any key type OpenSSL's CMS can sign with)
};

// EF.SOD (tag 77) listing `hashes`, signed by `signer` with the same hash algorithm.
[[nodiscard]] Result<Bytes> encode_signed_sod(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes,
                                              const SodSigner& signer);

}  // namespace pk::cardreader::icao
