#include "tests/drivers/cardreader/test_pki.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdlib>
#include <stdexcept>

namespace pk::cardreader::icao::test_pki {

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

KeyPtr new_key() {
  KeyPtr key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  require(key != nullptr, "EC key generation");
  return key;
}

std::string pem_of(int (*write)(BIO*, const void*), const void* object) {
  std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), &BIO_free);
  require(write(out.get(), object) == 1, "PEM encoding");
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

std::string cert_pem(const X509* cert) {
  return pem_of(
      [](BIO* b, const void* o) { return PEM_write_bio_X509(b, static_cast<X509*>(const_cast<void*>(o))); },
      cert);
}

std::string key_pem(const EVP_PKEY* key) {
  return pem_of(
      [](BIO* b, const void* o) {
        return PEM_write_bio_PrivateKey(b, static_cast<EVP_PKEY*>(const_cast<void*>(o)), nullptr, nullptr, 0,
                                        nullptr, nullptr);
      },
      key);
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  require(ext != nullptr, "extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

CertPtr make_cert(long serial, const std::string& country, const std::string& common_name,
                  EVP_PKEY* subject_key, X509* issuer, EVP_PKEY* issuer_key, Clock::time_point not_before,
                  Clock::time_point not_after) {
  CertPtr cert(X509_new(), &X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(country.c_str()),
                             -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : name);
  ASN1_TIME_set(X509_getm_notBefore(cert.get()), Clock::to_time_t(not_before));
  ASN1_TIME_set(X509_getm_notAfter(cert.get()), Clock::to_time_t(not_after));
  X509_set_pubkey(cert.get(), subject_key);
  X509* issuer_cert = issuer != nullptr ? issuer : cert.get();
  add_extension(cert.get(), issuer_cert, NID_subject_key_identifier, "hash");
  add_extension(cert.get(), issuer_cert, NID_authority_key_identifier, "keyid:always");
  if (issuer == nullptr) {
    add_extension(cert.get(), issuer_cert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_extension(cert.get(), issuer_cert, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert.get(), issuer_cert, NID_key_usage, "critical,digitalSignature");
  }
  require(X509_sign(cert.get(), issuer_key, EVP_sha256()) > 0, "certificate signature");
  return cert;
}

}  // namespace

struct TestCsca::Keys {
  std::string country;
  KeyPtr key{nullptr, &EVP_PKEY_free};
  CertPtr cert{nullptr, &X509_free};
};

TestCsca::TestCsca(std::unique_ptr<Keys> keys) : m_keys(std::move(keys)) {}
TestCsca::~TestCsca() = default;
TestCsca::TestCsca(TestCsca&&) noexcept = default;
TestCsca& TestCsca::operator=(TestCsca&&) noexcept = default;

TestCsca TestCsca::make(const std::string& country) {
  auto keys = std::make_unique<Keys>();
  keys->country = country;
  keys->key = new_key();
  const auto now = Clock::now();
  keys->cert = make_cert(1, country, "CSCA " + country, keys->key.get(), nullptr, keys->key.get(),
                         now - std::chrono::hours(24 * 365), now + std::chrono::hours(24 * 365 * 10));
  return TestCsca(std::move(keys));
}

SodSigner TestCsca::issue_signer(long serial, Clock::time_point not_before,
                                 Clock::time_point not_after) const {
  KeyPtr key = new_key();
  CertPtr cert = make_cert(serial, m_keys->country, "Document Signer " + std::to_string(serial), key.get(),
                           m_keys->cert.get(), m_keys->key.get(), not_before, not_after);
  return SodSigner{cert_pem(cert.get()), key_pem(key.get())};
}

SodSigner TestCsca::issue_current_signer(long serial) const {
  const auto now = Clock::now();
  return issue_signer(serial, now - std::chrono::hours(24 * 30), now + std::chrono::hours(24 * 365));
}

std::string TestCsca::certificate_pem() const { return cert_pem(m_keys->cert.get()); }

std::string TestCsca::crl_pem(const std::vector<long>& revoked) const {
  std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(X509_CRL_new(), &X509_CRL_free);
  X509_CRL_set_version(crl.get(), 1);
  X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(m_keys->cert.get()));
  const auto now = Clock::now();
  std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> last(
      ASN1_TIME_set(nullptr, Clock::to_time_t(now - std::chrono::hours(24))), &ASN1_TIME_free);
  std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> next(
      ASN1_TIME_set(nullptr, Clock::to_time_t(now + std::chrono::hours(24 * 30))), &ASN1_TIME_free);
  X509_CRL_set1_lastUpdate(crl.get(), last.get());
  X509_CRL_set1_nextUpdate(crl.get(), next.get());
  for (long serial : revoked) {
    X509_REVOKED* entry = X509_REVOKED_new();
    ASN1_INTEGER* number = ASN1_INTEGER_new();
    ASN1_INTEGER_set(number, serial);
    X509_REVOKED_set_serialNumber(entry, number);
    ASN1_INTEGER_free(number);
    X509_REVOKED_set_revocationDate(entry, last.get());
    X509_CRL_add0_revoked(crl.get(), entry);
  }
  X509_CRL_sort(crl.get());
  require(X509_CRL_sign(crl.get(), m_keys->key.get(), EVP_sha256()) > 0, "CRL signature");
  return pem_of(
      [](BIO* b, const void* o) {
        return PEM_write_bio_X509_CRL(b, static_cast<X509_CRL*>(const_cast<void*>(o)));
      },
      crl.get());
}

std::string master_list_text(std::int64_t version, const std::vector<std::string>& certificates,
                             const std::vector<std::string>& crls) {
  std::string text = "pishkhan-csca-master-list " + std::to_string(version) + "\n";
  for (const std::string& pem : certificates) text += pem;
  for (const std::string& pem : crls) text += pem;
  return text;
}

}  // namespace pk::cardreader::icao::test_pki
