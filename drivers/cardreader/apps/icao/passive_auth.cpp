#include "drivers/cardreader/apps/icao/passive_auth.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

#include "drivers/cardreader/apps/icao/openssl_error.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

PassiveAuthResult answer(PassiveAuth outcome, std::string reason) { return {outcome, std::move(reason)}; }

PassiveAuthResult check_hashes(const SecurityObject& sod, std::span<const DataGroupRead> groups) {
  for (const DataGroupRead& group : groups) {
    const auto listed = sod.hashes.find(group.number);
    if (listed == sod.hashes.end())
      return answer(PassiveAuth::DataGroupHashMismatch,
                    "EF.SOD lists no hash for DG" + std::to_string(group.number));
    if (!equal_secret(listed->second, digest(sod.algorithm, group.content)))
      return answer(PassiveAuth::DataGroupHashMismatch,
                    "DG" + std::to_string(group.number) + " does not match its " +
                        std::string(to_string(sod.algorithm)) + " hash in EF.SOD");
  }
  return answer(PassiveAuth::Verified, "");
}

PassiveAuth classify_path_error(int error) {
  switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
      return PassiveAuth::UnknownCsca;
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return PassiveAuth::SignerExpired;
    case X509_V_ERR_CERT_REVOKED:
      return PassiveAuth::SignerRevoked;
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
      return PassiveAuth::NoRevocationList;
    default:
      return PassiveAuth::ChainInvalid;
  }
}

}  // namespace

std::string_view to_string(PassiveAuth outcome) {
  switch (outcome) {
    case PassiveAuth::Verified:
      return "verified";
    case PassiveAuth::NoMasterList:
      return "no_master_list";
    case PassiveAuth::Malformed:
      return "malformed";
    case PassiveAuth::DataGroupHashMismatch:
      return "data_group_hash_mismatch";
    case PassiveAuth::SignatureInvalid:
      return "signature_invalid";
    case PassiveAuth::UnknownCsca:
      return "unknown_csca";
    case PassiveAuth::SignerExpired:
      return "signer_expired";
    case PassiveAuth::SignerRevoked:
      return "signer_revoked";
    case PassiveAuth::NoRevocationList:
      return "no_revocation_list";
    case PassiveAuth::ChainInvalid:
      return "chain_invalid";
  }
  return "unknown";
}

PassiveAuthResult verify_passive(ByteView sod_file, std::span<const DataGroupRead> groups,
                                 const CscaMasterList* master_list,
                                 std::chrono::system_clock::time_point at) {
  auto sod = parse_sod(sod_file);
  if (!sod) return answer(PassiveAuth::Malformed, sod.error().message);
  if (auto hashes = check_hashes(*sod, groups); hashes.outcome != PassiveAuth::Verified) return hashes;
  if (master_list == nullptr)
    return answer(PassiveAuth::NoMasterList,
                  "the terminal has no CSCA master list: the signature is not checked");

  if (!sod->has_signer_info)
    return answer(PassiveAuth::SignatureInvalid, "EF.SOD is not signed (no SignerInfo)");

  // EF.SOD is tag 77 around the CMS ContentInfo; OpenSSL reads the ContentInfo itself.
  const auto wrapper = parse_tlv(sod_file);
  if (!wrapper) return answer(PassiveAuth::Malformed, "EF.SOD does not start with tag 77");
  ERR_clear_error();
  std::unique_ptr<BIO, decltype(&BIO_free)> in(
      BIO_new_mem_buf(wrapper->value.data(), static_cast<int>(wrapper->value.size())), &BIO_free);
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(d2i_CMS_bio(in.get(), nullptr),
                                                                        &CMS_ContentInfo_free);
  if (!cms) return answer(PassiveAuth::Malformed, "EF.SOD is not CMS: " + openssl_error());
  if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
    return answer(PassiveAuth::Malformed, "EF.SOD is not CMS SignedData");

  // 2. The signature alone, with the signer certificate EF.SOD carries: CMS_verify checks the
  // signed attributes' message digest against the content and the signature over them. The
  // certificate path is checked on its own below, so each failure gets its own kind.
  std::unique_ptr<BIO, decltype(&BIO_free)> content(BIO_new(BIO_s_mem()), &BIO_free);
  if (CMS_verify(cms.get(), nullptr, master_list->store(), nullptr, content.get(),
                 CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1)
    return answer(PassiveAuth::SignatureInvalid, "EF.SOD's signature does not verify: " + openssl_error());
  STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
  const int signer_count = signers != nullptr ? sk_X509_num(signers) : 0;
  if (signer_count != 1) {
    sk_X509_free(signers);
    return answer(PassiveAuth::Malformed,
                  "EF.SOD has " + std::to_string(signer_count) + " signers; a passport has exactly one");
  }
  X509* signer = sk_X509_value(signers, 0);
  sk_X509_free(signers);  // the stack only: the certificate belongs to the CMS structure

  // 3. The document signer up to a CSCA, at the time of the read, with its CSCA's CRL.
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> path(X509_STORE_CTX_new(),
                                                                       &X509_STORE_CTX_free);
  STACK_OF(X509)* carried = CMS_get1_certs(cms.get());  // chains with a link certificate
  if (!path || X509_STORE_CTX_init(path.get(), master_list->store(), signer, carried) != 1) {
    sk_X509_pop_free(carried, X509_free);
    return answer(PassiveAuth::ChainInvalid, "certificate path check could not start: " + openssl_error());
  }
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(path.get());
  X509_VERIFY_PARAM_set_time(param, std::chrono::system_clock::to_time_t(at));
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK);
  // Document signer certificates carry no extended key usage of the web or of e-mail.
  X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_ANY);
  const int verified = X509_verify_cert(path.get());
  const int error = X509_STORE_CTX_get_error(path.get());
  sk_X509_pop_free(carried, X509_free);
  ERR_clear_error();
  if (verified != 1) {
    const PassiveAuth kind = classify_path_error(error);
    return answer(kind, "document signer: " + std::string(X509_verify_cert_error_string(error)));
  }
  return answer(PassiveAuth::Verified,
                "EF.SOD signed by a document signer of a CSCA in master list version " +
                    std::to_string(master_list->version()));
}

}  // namespace pk::cardreader::icao
