#include "protocol/catalog_verifier.h"

#include <sodium.h>

#include "protocol/encoding.h"

namespace pk::sync {

Result<void> verify_signature(std::string_view text, std::string_view signature_base64,
                              const SigningPublicKey& key) {
  auto signature = from_base64(signature_base64);
  if (!signature || signature->size() != crypto_sign_BYTES) {
    return make_error("catalog signature is not a base64 Ed25519 signature");
  }
  if (crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(text.data()),
                                  text.size(), key.data()) != 0) {
    return make_error("catalog signature does not verify with the centre's key: catalog refused");
  }
  return {};
}

Result<catalog::Catalog> accept_catalog(std::string_view text, std::string_view signature_base64,
                                        const SigningPublicKey& key, int64_t current_version) {
  if (sodium_init() < 0) return make_error("libsodium could not be initialised");
  if (auto verified = verify_signature(text, signature_base64, key); !verified) return verified.error();
  auto parsed = catalog::parse_catalog(text, "catalog from the centre");
  if (!parsed) return parsed.error();
  if (parsed->version <= current_version) {
    return make_error("catalog from the centre has version " + std::to_string(parsed->version) +
                      ", not newer than the one in use (" + std::to_string(current_version) +
                      "): kept the current one");
  }
  return parsed;
}

}  // namespace pk::sync
