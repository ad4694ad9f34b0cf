#include "kiosk/centre_key.h"

#include <sodium.h>

#include <fstream>

#include "base/atomic_file.h"

namespace pk::kiosk {

std::filesystem::path centre_key_path(const std::filesystem::path& data_dir) {
  return data_dir / "keys" / "centre-seal.pub";
}

Result<store::PublicKey> load_centre_key(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return make_error(file.string() + ": no centre key: this terminal is not enrolled yet");
  std::string hex;
  in >> hex;
  store::PublicKey key{};
  size_t length = 0;
  if (hex.size() != 2 * key.size() ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
      length != key.size())
    return make_error(file.string() + ": not a centre key (expected 64 hexadecimal characters)");
  return key;
}

Result<void> save_centre_key(const std::filesystem::path& file, const store::PublicKey& key) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all, ec);
  char hex[2 * sizeof(store::PublicKey) + 1];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  auto written = write_file_atomically(file, std::string(hex) + "\n", FileMode::Public);
  if (!written) return make_error("cannot write the centre key: " + written.error().message);
  return {};
}

}  // namespace pk::kiosk
