#pragma once
// The CSCA master list: the Country Signing CA certificates (and their revocation lists) a
// passport's document signer must chain up to. The centre distributes it beside the catalog,
// signed with the catalog key and versioned like it; the kiosk keeps the last good one in its
// data folder (<data_dir>/catalog/csca-master-list.pem).
//
// The file is text: a first line "pishkhan-csca-master-list <version>", then PEM blocks:
// "CERTIFICATE" for each CSCA (a CA certificate: basicConstraints CA, keyCertSign) and
// "X509 CRL" for each CSCA's latest revocation list. Other lines (comments) are ignored by
// OpenSSL's PEM reader. A province builds it from the ICAO PKD master lists and the CSCA
// certificates the issuing states publish (README: "Passport chips").
//
// What callers may rely on: a parsed list holds at least one CSCA certificate; it is
// immutable and shareable between threads (OpenSSL's X509_STORE is reference counted and
// only read after parsing).
#include <cstdint>
#include <memory>
#include <string_view>

#include "domain/result.h"

struct x509_store_st;  // OpenSSL's X509_STORE, kept out of this header

namespace pk::cardreader::icao {

inline constexpr std::string_view kMasterListHeader = "pishkhan-csca-master-list";
// A master list is tens of certificates; this bounds what a damaged file makes us read.
inline constexpr std::size_t kMaxMasterListBytes = 4 * 1024 * 1024;

class CscaMasterList {
 public:
  [[nodiscard]] std::int64_t version() const { return m_version; }
  [[nodiscard]] int certificate_count() const { return m_certificates; }
  [[nodiscard]] int crl_count() const { return m_crls; }
  // The trust store: the CSCA certificates and CRLs, nothing else (not the system's CAs).
  [[nodiscard]] x509_store_st* store() const { return m_store.get(); }

 private:
  friend Result<CscaMasterList> parse_master_list(std::string_view text);
  std::int64_t m_version = 0;
  int m_certificates = 0;
  int m_crls = 0;
  std::shared_ptr<x509_store_st> m_store;
};

// Errors name what was wrong: the header, a PEM block that does not parse, a certificate that
// is not a CA, no certificate at all.
[[nodiscard]] Result<CscaMasterList> parse_master_list(std::string_view text);

}  // namespace pk::cardreader::icao
