#pragma once
// The centre's own small certificate authority. On first start it makes, under <dir> (the
// centre's data folder /tls, mode 0700):
//   ca.key, ca.pem          the CA (EC P-256, self-signed, 20 years) that signs terminals
//   server.key, server.pem  the centre's TLS certificate, signed by the CA, for server_names
// Keys are 0600. The server certificate is issued again (same key) when the configured names
// change, so the pin a technician copied (the server's public key, see server_pin()) stays valid.
// Terminal certificates carry CN = terminal id, O = office and clientAuth only.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.h"
#include "protocol/enrollment_crypto.h"

namespace pk::centre {

// How long a terminal's certificate is valid from its issue (a terminal is enrolled again by a
// technician long before: a factory reset or a replaced unit).
inline constexpr long kTerminalCertificateDays = 10 * 366;

struct IssuedCertificate {
  std::string pem;
  std::string sha256;  // hex SHA-256 of the DER: what the centre checks on every request
};

class CertificateAuthority {
 public:
  // server_names: host names and IP addresses the centre is reached by; 127.0.0.1 and
  // localhost are always included.
  [[nodiscard]] static Result<std::unique_ptr<CertificateAuthority>> load_or_create(
      const std::filesystem::path& dir, std::vector<std::string> server_names);

  // Signs a terminal's (already verified) request. The request's subject is ignored.
  [[nodiscard]] Result<IssuedCertificate> issue_terminal_certificate(X509_REQ* request,
                                                                     const std::string& terminal_id,
                                                                     const std::string& office) const;

  [[nodiscard]] X509* ca_certificate() const { return m_ca_cert.get(); }
  [[nodiscard]] X509* server_certificate() const { return m_server_cert.get(); }
  [[nodiscard]] EVP_PKEY* server_key() const { return m_server_key.get(); }
  [[nodiscard]] const std::string& ca_pem() const { return m_ca_pem; }
  // "sha256//BASE64" of the server's public key: what a terminal pins (--centre-pin).
  [[nodiscard]] std::string server_pin() const;

 private:
  CertificateAuthority() = default;

  enroll::PrivateKey m_ca_key;
  enroll::Certificate m_ca_cert;
  enroll::PrivateKey m_server_key;
  enroll::Certificate m_server_cert;
  std::string m_ca_pem;
};

}  // namespace pk::centre
