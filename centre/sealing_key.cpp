#include "centre/sealing_key.h"

#include <sodium.h>

#include <string>

#include "base/atomic_file.h"
#include "base/read_file.h"

namespace pk::centre {

Result<store::KeyPair> load_sealing_key(const std::filesystem::path& file) {
  auto text = read_file(file, 1024);
  if (!text)
    return make_error(file.string() + ": the sealing key cannot be read (" + text.error().message + ")");
  std::string& hex = *text;
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
  std::array<uint8_t, store::kSecretKeyBytes> secret{};
  size_t length = 0;
  const bool valid =
      hex.size() == 2 * secret.size() &&
      sodium_hex2bin(secret.data(), secret.size(), hex.data(), hex.size(), nullptr, &length, nullptr) == 0 &&
      length == secret.size();
  sodium_memzero(hex.data(), hex.size());
  if (!valid)
    return make_error(file.string() + ": not a sealing key (expected 64 hexadecimal characters" +
                      (hex.empty() ? "; the file is empty" : "") + ")");
  store::KeyPair pair;
  pair.secret_key = store::SecretKey(std::span<const uint8_t, store::kSecretKeyBytes>(secret));
  sodium_memzero(secret.data(), secret.size());
  auto pub = store::public_key_of(pair.secret_key);
  if (!pub) return pub.error();
  pair.public_key = pub.value();
  return pair;
}

Result<store::KeyPair> create_sealing_key(const std::filesystem::path& file) {
  if (std::filesystem::exists(file))
    return make_error(file.string() + ": exists; a sealing key is never replaced");
  auto pair = store::generate_key_pair();
  if (!pair) return pair.error();
  std::string hex(2 * store::kSecretKeyBytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), pair->secret_key.bytes().data(), pair->secret_key.bytes().size());
  hex.resize(2 * store::kSecretKeyBytes);
  hex += '\n';
  // The temporary file is 0600 from the start: the secret is never readable by others.
  auto written = write_file_atomically(file, hex, FileMode::Private);
  sodium_memzero(hex.data(), hex.size());
  if (!written)
    return make_error(file.string() + ": cannot write the sealing key (" + written.error().message + ")");
  return pair;
}

}  // namespace pk::centre
