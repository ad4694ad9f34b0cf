#pragma once
// OpenSSL's reason for the call that just failed, for the passport's signature checks (passive
// authentication, the CSCA master list, the test signer). Takes the error off OpenSSL's queue,
// so the next failure is not explained by this one.
#include <string>

namespace pk::cardreader::icao {

[[nodiscard]] std::string openssl_error();

}  // namespace pk::cardreader::icao
