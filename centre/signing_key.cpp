#include "centre/signing_key.h"

#include <sodium.h>

#include <algorithm>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "protocol/encoding.h"

namespace pk::centre {

SigningKey::~SigningKey() { sodium_memzero(m_secret.data(), m_secret.size()); }

Result<SigningKey> SigningKey::load(const std::filesystem::path& file) {
  if (sodium_init() < 0) return make_error("libsodium could not be initialised");
  auto bytes = read_file(file, 1024);
  if (!bytes) return make_error("centre: the signing key cannot be read (" + bytes.error().message + ")");
  SigningKey key;
  const bool whole = bytes->size() == key.m_secret.size();
  if (whole) std::copy(bytes->begin(), bytes->end(), key.m_secret.begin());
  sodium_memzero(bytes->data(), bytes->size());
  if (!whole)
    return make_error("centre: signing key " + file.string() + " is " + std::to_string(bytes->size()) +
                      " bytes, not 64: refusing to start (restore it from the backup)");
  crypto_sign_ed25519_sk_to_pk(key.m_public.data(), key.m_secret.data());
  return key;
}

Result<SigningKey> SigningKey::create(const std::filesystem::path& file) {
  if (sodium_init() < 0) return make_error("libsodium could not be initialised");
  if (std::filesystem::exists(file))
    return make_error("centre: " + file.string() + " exists; a key is never replaced");
  SigningKey key;
  crypto_sign_keypair(key.m_public.data(), key.m_secret.data());
  auto written = write_file_atomically(
      file, std::string_view(reinterpret_cast<const char*>(key.m_secret.data()), key.m_secret.size()),
      FileMode::Private);
  if (!written)
    return make_error("centre: cannot write signing key " + file.string() + ": " + written.error().message);
  return key;
}

std::string SigningKey::sign(std::string_view text) const {
  std::array<uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), m_secret.data());
  return sync::to_base64(signature);
}

}  // namespace pk::centre
