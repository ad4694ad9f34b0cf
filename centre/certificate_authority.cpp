#include "centre/certificate_authority.h"

#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "base/atomic_file.h"
#include "base/read_file.h"

namespace pk::centre {
namespace {

using enroll::Certificate;
using enroll::PrivateKey;

constexpr long kDay = 24L * 60 * 60;

struct Names {
  std::vector<std::string> list;
  [[nodiscard]] std::string joined() const {
    std::string text;
    for (const auto& name : list) text += name + "\n";
    return text;
  }
};

bool is_ip_address(const std::string& name) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, name.c_str(), buffer) == 1 || inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

Result<void> add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (extension == nullptr)
    return make_error("certificate extension " + value + ": " + enroll::openssl_error());
  const bool added = X509_add_ext(cert, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  if (!added) return make_error("certificate extension " + value + ": " + enroll::openssl_error());
  return {};
}

// A v3 certificate for `key` with a random positive 127-bit serial, valid from an hour ago.
// `issuer` null: self-signed.
Result<Certificate> new_certificate(EVP_PKEY* key, X509_NAME* subject, X509* issuer, long days) {
  Certificate cert(X509_new());
  unsigned char serial[16];
  if (!cert || RAND_bytes(serial, sizeof serial) != 1)
    return make_error("certificate: " + enroll::openssl_error());
  serial[0] &= 0x7f;
  BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
  const bool ok =
      number != nullptr && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get())) != nullptr &&
      X509_set_version(cert.get(), 2) == 1 &&
      X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr &&
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * kDay) != nullptr &&
      X509_set_subject_name(cert.get(), subject) == 1 &&
      X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : subject) == 1 &&
      X509_set_pubkey(cert.get(), key) == 1;
  BN_free(number);
  if (!ok) return make_error("certificate: " + enroll::openssl_error());
  return cert;
}

Result<void> sign(X509* cert, EVP_PKEY* issuer_key) {
  if (X509_sign(cert, issuer_key, EVP_sha256()) <= 0)
    return make_error("cannot sign a certificate: " + enroll::openssl_error());
  return {};
}

struct NameFree {
  void operator()(X509_NAME* name) const { X509_NAME_free(name); }
};
std::unique_ptr<X509_NAME, NameFree> name_of(const std::vector<std::pair<const char*, std::string>>& parts) {
  std::unique_ptr<X509_NAME, NameFree> name(X509_NAME_new());
  for (const auto& [field, value] : parts)
    X509_NAME_add_entry_by_txt(name.get(), field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
  return name;
}

Result<PrivateKey> load_or_make_key(const std::filesystem::path& file, bool& made) {
  made = false;
  if (std::filesystem::exists(file)) {
    auto pem = read_file(file);
    if (!pem) return pem.error();
    auto key = enroll::private_key_from_pem(*pem);
    if (!key)
      return make_error("centre: " + file.string() + ": " + key.error().message +
                        " (refusing to replace it)");
    return key;
  }
  auto key = enroll::generate_key();
  if (!key) return key.error();
  auto pem = enroll::private_key_to_pem(key->get());
  if (!pem) return pem.error();
  if (auto written = write_file_atomically(file, *pem, FileMode::Private); !written) return written.error();
  made = true;
  return key;
}

Result<Certificate> load_certificate(const std::filesystem::path& file) {
  auto pem = read_file(file);
  if (!pem) return pem.error();
  auto cert = enroll::certificate_from_pem(*pem);
  if (!cert) return make_error("centre: " + file.string() + ": " + cert.error().message);
  return cert;
}

Result<Certificate> save_certificate(const std::filesystem::path& file, Certificate cert) {
  auto pem = enroll::certificate_to_pem(cert.get());
  if (!pem) return pem.error();
  if (auto written = write_file_atomically(file, *pem, FileMode::Public); !written) return written.error();
  return cert;
}

Result<Certificate> make_ca_certificate(EVP_PKEY* key) {
  auto name = name_of({{"O", "Pishkhan"}, {"CN", "Pishkhan centre terminal CA"}});
  auto cert = new_certificate(key, name.get(), nullptr, 20 * 366);
  if (!cert) return cert.error();
  for (auto [nid, value] : {std::pair{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                            std::pair{NID_key_usage, "critical,keyCertSign,cRLSign"},
                            std::pair{NID_subject_key_identifier, "hash"}})
    if (auto added = add_extension(cert->get(), cert->get(), nid, value); !added) return added.error();
  if (auto signed_ok = sign(cert->get(), key); !signed_ok) return signed_ok.error();
  return cert;
}

Result<Certificate> make_server_certificate(EVP_PKEY* key, X509* ca, EVP_PKEY* ca_key, const Names& names) {
  auto subject = name_of({{"O", "Pishkhan"}, {"CN", names.list.front()}});
  auto cert = new_certificate(key, subject.get(), ca, 10 * 366);
  if (!cert) return cert.error();
  std::string alt;
  for (const auto& host : names.list)
    alt += (alt.empty() ? "" : ",") + std::string(is_ip_address(host) ? "IP:" : "DNS:") + host;
  for (auto [nid, value] : {std::pair{NID_basic_constraints, std::string("critical,CA:FALSE")},
                            std::pair{NID_key_usage, std::string("critical,digitalSignature")},
                            std::pair{NID_ext_key_usage, std::string("serverAuth")},
                            std::pair{NID_subject_key_identifier, std::string("hash")},
                            std::pair{NID_authority_key_identifier, std::string("keyid:always")},
                            std::pair{NID_subject_alt_name, alt}})
    if (auto added = add_extension(cert->get(), ca, nid, value); !added) return added.error();
  if (auto signed_ok = sign(cert->get(), ca_key); !signed_ok) return signed_ok.error();
  return cert;
}

}  // namespace

Result<std::unique_ptr<CertificateAuthority>> CertificateAuthority::load_or_create(
    const std::filesystem::path& dir, std::vector<std::string> server_names) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  if (ec) return make_error("centre: cannot make " + dir.string() + " private: " + ec.message());

  Names names;
  for (auto& name : server_names)
    if (!name.empty() && std::find(names.list.begin(), names.list.end(), name) == names.list.end())
      names.list.push_back(std::move(name));
  for (const char* always : {"127.0.0.1", "localhost"})
    if (std::find(names.list.begin(), names.list.end(), always) == names.list.end())
      names.list.emplace_back(always);

  std::unique_ptr<CertificateAuthority> ca(new CertificateAuthority());
  bool made = false;
  auto ca_key = load_or_make_key(dir / "ca.key", made);
  if (!ca_key) return ca_key.error();
  ca->m_ca_key = std::move(ca_key).value();
  auto ca_cert = made || !std::filesystem::exists(dir / "ca.pem") ? make_ca_certificate(ca->m_ca_key.get())
                                                                  : load_certificate(dir / "ca.pem");
  if (!ca_cert) return ca_cert.error();
  if (!enroll::certificate_matches_key(ca_cert->get(), ca->m_ca_key.get()))
    return make_error("centre: " + (dir / "ca.pem").string() + " does not belong to ca.key");
  if (made || !std::filesystem::exists(dir / "ca.pem")) {
    ca_cert = save_certificate(dir / "ca.pem", std::move(ca_cert).value());
    if (!ca_cert) return ca_cert.error();
  }
  ca->m_ca_cert = std::move(ca_cert).value();
  auto ca_pem = enroll::certificate_to_pem(ca->m_ca_cert.get());
  if (!ca_pem) return ca_pem.error();
  ca->m_ca_pem = std::move(ca_pem).value();

  auto server_key = load_or_make_key(dir / "server.key", made);
  if (!server_key) return server_key.error();
  ca->m_server_key = std::move(server_key).value();
  // The server certificate is cheap to issue again; its names are kept beside it.
  auto kept_names = read_file(dir / "server.names");
  Result<Certificate> server_cert = make_error("no server certificate yet");
  if (!made && kept_names && *kept_names == names.joined() && std::filesystem::exists(dir / "server.pem"))
    server_cert = load_certificate(dir / "server.pem");
  if (!server_cert || !enroll::certificate_matches_key(server_cert->get(), ca->m_server_key.get()) ||
      !enroll::certificate_signed_by(server_cert->get(), ca->m_ca_cert.get())) {
    server_cert =
        make_server_certificate(ca->m_server_key.get(), ca->m_ca_cert.get(), ca->m_ca_key.get(), names);
    if (!server_cert) return server_cert.error();
    server_cert = save_certificate(dir / "server.pem", std::move(server_cert).value());
    if (!server_cert) return server_cert.error();
    if (auto written = write_file_atomically(dir / "server.names", names.joined(), FileMode::Public);
        !written)
      return written.error();
  }
  ca->m_server_cert = std::move(server_cert).value();
  return ca;
}

Result<IssuedCertificate> CertificateAuthority::issue_terminal_certificate(X509_REQ* request,
                                                                           const std::string& terminal_id,
                                                                           const std::string& office) const {
  EVP_PKEY* key = X509_REQ_get0_pubkey(request);
  if (key == nullptr) return make_error("the certificate request carries no public key");
  auto subject = name_of({{"O", "Pishkhan"}, {"OU", office}, {"CN", terminal_id}});
  auto cert = new_certificate(key, subject.get(), m_ca_cert.get(), kTerminalCertificateDays);
  if (!cert) return cert.error();
  for (auto [nid, value] :
       {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
        std::pair{NID_key_usage, "critical,digitalSignature"}, std::pair{NID_ext_key_usage, "clientAuth"},
        std::pair{NID_authority_key_identifier, "keyid:always"}})
    if (auto added = add_extension(cert->get(), m_ca_cert.get(), nid, value); !added) return added.error();
  if (auto signed_ok = sign(cert->get(), m_ca_key.get()); !signed_ok) return signed_ok.error();
  auto pem = enroll::certificate_to_pem(cert->get());
  if (!pem) return pem.error();
  return IssuedCertificate{std::move(pem).value(), enroll::certificate_sha256(cert->get())};
}

std::string CertificateAuthority::server_pin() const { return enroll::public_key_pin(m_server_key.get()); }

}  // namespace pk::centre
