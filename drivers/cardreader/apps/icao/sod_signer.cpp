#include "drivers/cardreader/apps/icao/sod_signer.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "drivers/cardreader/apps/icao/openssl_error.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

Error openssl_failure(std::string_view what) {
  return make_error("signing EF.SOD: " + std::string(what) + ": " + openssl_error());
}

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

BioPtr memory_bio(std::string_view text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free);
}

const EVP_MD* message_digest(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::Sha1:
      return EVP_sha1();
    case HashAlgorithm::Sha224:
      return EVP_sha224();
    case HashAlgorithm::Sha256:
      return EVP_sha256();
    case HashAlgorithm::Sha384:
      return EVP_sha384();
    case HashAlgorithm::Sha512:
      return EVP_sha512();
  }
  return EVP_sha256();
}

}  // namespace

Result<Bytes> encode_signed_sod(HashAlgorithm algorithm, const std::map<int, Bytes>& hashes,
                                const SodSigner& signer) {
  ERR_clear_error();
  auto cert_in = memory_bio(signer.certificate_pem);
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_bio_X509(cert_in.get(), nullptr, nullptr, nullptr), &X509_free);
  if (!cert) return openssl_failure("the document signer certificate");
  auto key_in = memory_bio(signer.private_key_pem);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(key_in.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!key) return openssl_failure("the document signer key");

  const Bytes lds = encode_lds_security_object(algorithm, hashes);
  BioPtr content(BIO_new_mem_buf(lds.data(), static_cast<int>(lds.size())), &BIO_free);
  constexpr unsigned kFlags = CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags), &CMS_ContentInfo_free);
  if (!cms) return openssl_failure("CMS_sign");
  if (CMS_add1_signer(cms.get(), cert.get(), key.get(), message_digest(algorithm), kFlags) == nullptr)
    return openssl_failure("CMS_add1_signer");
  // The signed content is an LDSSecurityObject, not CMS data (Doc 9303 part 10 section 4.6.2).
  std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> type(
      OBJ_txt2obj(std::string(kLdsSecurityObjectOidText).c_str(), 1), &ASN1_OBJECT_free);
  if (!type || CMS_set1_eContentType(cms.get(), type.get()) != 1) return openssl_failure("content type");
  if (CMS_final(cms.get(), content.get(), nullptr, CMS_BINARY) != 1) return openssl_failure("CMS_final");

  BioPtr out(BIO_new(BIO_s_mem()), &BIO_free);
  if (i2d_CMS_bio(out.get(), cms.get()) != 1) return openssl_failure("DER encoding");
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  const Bytes der(reinterpret_cast<const std::uint8_t*>(data),
                  reinterpret_cast<const std::uint8_t*>(data) + size);
  return encode_tlv(0x77, der);
}

}  // namespace pk::cardreader::icao
