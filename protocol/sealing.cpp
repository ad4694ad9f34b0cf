#include "protocol/sealing.h"

#include <sodium.h>

#include <algorithm>

#include <string>
#include <utility>

namespace pk::store {

static_assert(kPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kSealOverheadBytes == crypto_box_SEALBYTES);

SecretKey::SecretKey(std::span<const uint8_t, kSecretKeyBytes> bytes) {
  std::copy(bytes.begin(), bytes.end(), m_bytes.begin());
}

SecretKey::~SecretKey() { sodium_memzero(m_bytes.data(), m_bytes.size()); }

ClearBytes& ClearBytes::operator=(ClearBytes&& other) noexcept {
  if (this != &other) {
    sodium_memzero(m_bytes.data(), m_bytes.size());
    m_bytes = std::move(other.m_bytes);
  }
  return *this;
}

ClearBytes::~ClearBytes() { sodium_memzero(m_bytes.data(), m_bytes.size()); }

Result<void> init_sodium() {
  // sodium_init is itself thread-safe and idempotent; caching its answer saves a lock per call.
  static const int status = sodium_init();
  if (status < 0) return make_error("libsodium could not be initialised (sodium_init failed)");
  return {};
}

Result<KeyPair> generate_key_pair() {
  if (auto ready = init_sodium(); !ready) return ready.error();
  KeyPair pair;
  if (crypto_box_keypair(pair.public_key.data(), pair.secret_key.bytes().data()) != 0) {
    return make_error("generating a key pair failed (crypto_box_keypair)");
  }
  return pair;
}

Result<PublicKey> public_key_of(const SecretKey& secret) {
  if (auto ready = init_sodium(); !ready) return ready.error();
  PublicKey key{};
  if (crypto_scalarmult_base(key.data(), secret.bytes().data()) != 0) {
    return make_error("deriving the public key failed (crypto_scalarmult_base)");
  }
  return key;
}

Result<std::vector<uint8_t>> seal(std::span<const uint8_t> clear, const PublicKey& recipient) {
  if (auto ready = init_sodium(); !ready) return ready.error();
  std::vector<uint8_t> sealed(clear.size() + crypto_box_SEALBYTES);
  if (crypto_box_seal(sealed.data(), clear.data(), clear.size(), recipient.data()) != 0) {
    return make_error("sealing " + std::to_string(clear.size()) + " bytes failed (crypto_box_seal)");
  }
  return sealed;
}

Result<ClearBytes> open_sealed(std::span<const uint8_t> sealed, const KeyPair& recipient) {
  if (auto ready = init_sodium(); !ready) return ready.error();
  if (sealed.size() < crypto_box_SEALBYTES) {
    return make_error("a sealed blob of " + std::to_string(sealed.size()) + " bytes is too short (at least " +
                      std::to_string(crypto_box_SEALBYTES) + " expected)");
  }
  ClearBytes clear(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(clear.bytes().data(), sealed.data(), sealed.size(), recipient.public_key.data(),
                           recipient.secret_key.bytes().data()) != 0) {
    return make_error("a sealed blob of " + std::to_string(sealed.size()) +
                      " bytes could not be opened: it was sealed to another key or has been altered");
  }
  return clear;
}

Result<void> random_bytes(std::span<uint8_t> out) {
  if (auto ready = init_sodium(); !ready) return ready.error();
  randombytes_buf(out.data(), out.size());
  return {};
}

}  // namespace pk::store
