#include "protocol/enrollment_crypto.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <array>
#include <climits>

namespace pk::enroll {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

Bio memory_bio(std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Bio(nullptr);
  return Bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return length > 0 ? std::string(data, static_cast<size_t>(length)) : std::string();
}

std::string hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    text.push_back(kDigits[bytes[i] >> 4]);
    text.push_back(kDigits[bytes[i] & 15]);
  }
  return text;
}

// SHA-256 of the DER SubjectPublicKeyInfo.
std::array<unsigned char, 32> spki_sha256(EVP_PKEY* key) {
  std::array<unsigned char, 32> digest{};
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key, &der);
  if (length > 0) {
    unsigned int digest_length = 0;
    (void)EVP_Digest(der, static_cast<size_t>(length), digest.data(), &digest_length, EVP_sha256(), nullptr);
  }
  OPENSSL_free(der);
  return digest;
}

}  // namespace

void KeyFree::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
void CertFree::operator()(X509* cert) const { X509_free(cert); }
void RequestFree::operator()(X509_REQ* request) const { X509_REQ_free(request); }

std::string openssl_error() {
  std::string text;
  while (const unsigned long code = ERR_get_error()) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    if (!text.empty()) text += "; ";
    text += buffer;
  }
  return text.empty() ? "unknown error" : text;
}

Result<PrivateKey> generate_key() {
  PrivateKey key(EVP_EC_gen("P-256"));
  if (!key) return make_error("cannot make an EC P-256 key: " + openssl_error());
  return key;
}

Result<std::string> private_key_to_pem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return make_error("cannot write a private key as PEM: " + openssl_error());
  return bio_text(bio.get());
}

Result<PrivateKey> private_key_from_pem(std::string_view pem) {
  Bio bio = memory_bio(pem);
  PrivateKey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key) return make_error("not a PEM private key: " + openssl_error());
  return key;
}

Result<std::string> certificate_to_pem(X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
    return make_error("cannot write a certificate as PEM: " + openssl_error());
  return bio_text(bio.get());
}

Result<Certificate> certificate_from_pem(std::string_view pem) {
  Bio bio = memory_bio(pem);
  Certificate cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!cert) return make_error("not a PEM certificate: " + openssl_error());
  return cert;
}

Result<std::string> make_certificate_request(EVP_PKEY* key, std::string_view common_name) {
  CertRequest request(X509_REQ_new());
  if (!request) return make_error("cannot make a certificate request: " + openssl_error());
  X509_NAME* name = X509_REQ_get_subject_name(request.get());
  const std::string cn(common_name.empty() ? std::string_view("pishkhan terminal") : common_name);
  if (X509_REQ_set_version(request.get(), 0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0) != 1 ||
      X509_REQ_set_pubkey(request.get(), key) != 1 || X509_REQ_sign(request.get(), key, EVP_sha256()) <= 0)
    return make_error("cannot sign the certificate request: " + openssl_error());
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509_REQ(bio.get(), request.get()) != 1)
    return make_error("cannot write the certificate request: " + openssl_error());
  return bio_text(bio.get());
}

Result<CertRequest> parse_certificate_request(std::string_view pem) {
  Bio bio = memory_bio(pem);
  CertRequest request(bio ? PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!request) {
    ERR_clear_error();
    return make_error("not a PEM certificate request (PKCS#10)");
  }
  EVP_PKEY* key = X509_REQ_get0_pubkey(request.get());
  if (key == nullptr) {
    ERR_clear_error();
    return make_error("the certificate request carries no public key");
  }
  bool acceptable = EVP_PKEY_is_a(key, "ED25519") == 1;
  if (!acceptable && EVP_PKEY_is_a(key, "EC") == 1) {
    char group[64] = {};
    size_t length = 0;
    acceptable = EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1 &&
                 std::string_view(group, length) == "prime256v1";
  }
  if (!acceptable) {
    ERR_clear_error();
    return make_error("the certificate request's key is neither EC P-256 nor Ed25519");
  }
  if (X509_REQ_verify(request.get(), key) != 1) {
    ERR_clear_error();
    return make_error("the certificate request's signature does not verify");
  }
  return request;
}

std::string public_key_pin(EVP_PKEY* key) {
  const auto digest = spki_sha256(key);
  unsigned char base64[64] = {};
  const int length = EVP_EncodeBlock(base64, digest.data(), static_cast<int>(digest.size()));
  return "sha256//" + std::string(reinterpret_cast<const char*>(base64), static_cast<size_t>(length));
}

std::string public_key_sha256(EVP_PKEY* key) {
  const auto digest = spki_sha256(key);
  return hex(digest.data(), digest.size());
}

std::string certificate_sha256(X509* cert) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(cert, EVP_sha256(), digest, &length) != 1) return {};
  return hex(digest, length);
}

bool certificate_matches_key(X509* cert, EVP_PKEY* key) {
  EVP_PKEY* in_cert = X509_get0_pubkey(cert);
  const bool same = in_cert != nullptr && EVP_PKEY_eq(in_cert, key) == 1;
  ERR_clear_error();
  return same;
}

bool certificate_signed_by(X509* cert, X509* issuer) {
  EVP_PKEY* issuer_key = X509_get0_pubkey(issuer);
  const bool signed_by = issuer_key != nullptr && X509_verify(cert, issuer_key) == 1;
  ERR_clear_error();
  return signed_by;
}

}  // namespace pk::enroll
