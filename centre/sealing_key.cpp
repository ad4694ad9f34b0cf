#include "centre/sealing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace pk::centre {

Result<store::KeyPair> load_or_create_sealing_key(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    std::ifstream in(file);
    std::string hex;
    in >> hex;
    std::array<uint8_t, store::kSecretKeyBytes> secret{};
    size_t length = 0;
    if (hex.size() != 2 * secret.size() ||
        sodium_hex2bin(secret.data(), secret.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
            0 ||
        length != secret.size()) {
      sodium_memzero(hex.data(), hex.size());
      return make_error(file.string() + ": not a sealing key (expected 64 hexadecimal characters)");
    }
    sodium_memzero(hex.data(), hex.size());
    store::KeyPair pair;
    pair.secret_key = store::SecretKey(std::span<const uint8_t, store::kSecretKeyBytes>(secret));
    sodium_memzero(secret.data(), secret.size());
    auto pub = store::public_key_of(pair.secret_key);
    if (!pub) return pub.error();
    pair.public_key = pub.value();
    return pair;
  }
  auto pair = store::generate_key_pair();
  if (!pair) return pair.error();
  std::string hex(2 * store::kSecretKeyBytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), pair->secret_key.bytes().data(), pair->secret_key.bytes().size());
  hex.resize(2 * store::kSecretKeyBytes);
  hex += '\n';
  // Created 0600 from the start: the secret is never readable by others, even for a moment.
  std::filesystem::create_directories(file.parent_path());
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    sodium_memzero(hex.data(), hex.size());
    return make_error(file.string() + ": cannot create the sealing key");
  }
  const bool written =
      ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(hex.data(), hex.size());
  if (!written) return make_error(file.string() + ": cannot write the sealing key (disk full?)");
  return pair;
}

}  // namespace pk::centre
