#pragma once
// The OpenSSL pieces that the centre (its certificate authority) and the terminal (its key and
// certificate request) both need: EC P-256 keys, PEM in and out, certificate requests, public
// key pins in curl's "sha256//BASE64" form. Key and certificate files are written and read with
// base/atomic_file.h and base/read_file.h.
//
// Every call that can fail returns a Result whose message ends with OpenSSL's own reason.
#include <openssl/types.h>
#include <openssl/x509.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::enroll {

struct KeyFree {
  void operator()(EVP_PKEY* key) const;
};
struct CertFree {
  void operator()(X509* cert) const;
};
struct RequestFree {
  void operator()(X509_REQ* request) const;
};
using PrivateKey = std::unique_ptr<EVP_PKEY, KeyFree>;
using Certificate = std::unique_ptr<X509, CertFree>;
using CertRequest = std::unique_ptr<X509_REQ, RequestFree>;

// A fresh EC P-256 key pair (what every TLS stack verifies, in hardware too).
[[nodiscard]] Result<PrivateKey> generate_key();

[[nodiscard]] Result<std::string> private_key_to_pem(EVP_PKEY* key);
[[nodiscard]] Result<PrivateKey> private_key_from_pem(std::string_view pem);
[[nodiscard]] Result<std::string> certificate_to_pem(X509* cert);
[[nodiscard]] Result<Certificate> certificate_from_pem(std::string_view pem);

// A PKCS#10 request for `key`, self-signed (proves the sender holds the private key). The
// centre ignores the subject and names the certificate itself; the name only helps a log.
[[nodiscard]] Result<std::string> make_certificate_request(EVP_PKEY* key, std::string_view common_name);
// Parses a PEM request, checks its self-signature and that its key is EC P-256 or Ed25519.
[[nodiscard]] Result<CertRequest> parse_certificate_request(std::string_view pem);

// "sha256//" + base64(SHA-256(DER SubjectPublicKeyInfo)): curl's CURLOPT_PINNEDPUBLICKEY form.
[[nodiscard]] std::string public_key_pin(EVP_PKEY* key);
// Hex SHA-256 of the DER SubjectPublicKeyInfo: identifies a key pair in the centre's tables.
[[nodiscard]] std::string public_key_sha256(EVP_PKEY* key);
// Hex SHA-256 of the certificate's DER: what the centre looks up on every request.
[[nodiscard]] std::string certificate_sha256(X509* cert);
// Whether `cert` carries the same public key as `key`.
[[nodiscard]] bool certificate_matches_key(X509* cert, EVP_PKEY* key);
// Whether `cert` is signed by `issuer`'s key.
[[nodiscard]] bool certificate_signed_by(X509* cert, X509* issuer);

// OpenSSL's queued error text (emptied), or "unknown error".
[[nodiscard]] std::string openssl_error();

}  // namespace pk::enroll
