#pragma once
// A Country Signing CA and document signers made at test time with OpenSSL (EC P-256 keys,
// nothing committed): the issuing state's side of passive authentication, so the tests can
// sign genuine chips, expired or revoked signers, and chips of a state the master list lacks.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "drivers/cardreader/apps/icao/sod_signer.h"

namespace pk::cardreader::icao::test_pki {

using Clock = std::chrono::system_clock;

class TestCsca {
 public:
  // A self-signed CSCA for `country` (two letters), valid from a year ago for ten years.
  [[nodiscard]] static TestCsca make(const std::string& country);
  ~TestCsca();
  TestCsca(TestCsca&&) noexcept;
  TestCsca& operator=(TestCsca&&) noexcept;

  // A document signer with this serial, valid from `not_before` to `not_after`.
  [[nodiscard]] SodSigner issue_signer(long serial, Clock::time_point not_before,
                                       Clock::time_point not_after) const;
  // A signer valid from a month ago for a year (a genuine one).
  [[nodiscard]] SodSigner issue_current_signer(long serial) const;
  [[nodiscard]] std::string certificate_pem() const;
  // This CSCA's CRL listing `revoked` serials, issued a day ago, next update in 30 days.
  [[nodiscard]] std::string crl_pem(const std::vector<long>& revoked) const;

 private:
  struct Keys;
  explicit TestCsca(std::unique_ptr<Keys> keys);
  std::unique_ptr<Keys> m_keys;
};

// The master list text: header with `version`, then each CSCA certificate and each CRL.
[[nodiscard]] std::string master_list_text(std::int64_t version, const std::vector<std::string>& certificates,
                                           const std::vector<std::string>& crls);

}  // namespace pk::cardreader::icao::test_pki
