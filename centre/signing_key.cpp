#include "centre/signing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include "sync/encoding.h"

namespace pk::centre {

SigningKey::~SigningKey() { sodium_memzero(m_secret.data(), m_secret.size()); }

Result<SigningKey> SigningKey::load_or_create(const std::filesystem::path& file) {
  if (sodium_init() < 0) return make_error("libsodium could not be initialised");
  SigningKey key;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    const ssize_t n = ::read(fd, key.m_secret.data(), key.m_secret.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(key.m_secret.size())) {
      return make_error("centre: signing key " + file.string() + " is not 64 bytes: refusing to replace it");
    }
    crypto_sign_ed25519_sk_to_pk(key.m_public.data(), key.m_secret.data());
    return key;
  }
  crypto_sign_keypair(key.m_public.data(), key.m_secret.data());
  // O_EXCL: two centres started on one folder at once never overwrite each other's key.
  fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return make_error("centre: cannot create signing key " + file.string());
  const bool written =
      ::write(fd, key.m_secret.data(), key.m_secret.size()) == static_cast<ssize_t>(key.m_secret.size()) &&
      ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return make_error("centre: cannot write signing key " + file.string());
  return key;
}

std::string SigningKey::sign(std::string_view text) const {
  std::array<uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), m_secret.data());
  return sync::to_base64(signature);
}

}  // namespace pk::centre
