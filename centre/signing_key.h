#pragma once
// The centre's Ed25519 catalog-signing key. Made on the data folder's first start
// (centre/centre_keys.h) and loaded on every later start, so terminals configured with its
// public key keep trusting the centre across restarts.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::centre {

class SigningKey {
 public:
  // The 64-byte secret key file; a missing, empty or short file is an error naming it.
  [[nodiscard]] static Result<SigningKey> load(const std::filesystem::path& file);
  // A new key written atomically (0600, fsync, rename, folder fsync); never replaces a file.
  [[nodiscard]] static Result<SigningKey> create(const std::filesystem::path& file);
  SigningKey(const SigningKey&) = default;
  SigningKey& operator=(const SigningKey&) = default;
  ~SigningKey();

  [[nodiscard]] const std::array<uint8_t, 32>& public_key() const { return m_public; }
  // Base64 of the 64-byte detached signature of `text`.
  [[nodiscard]] std::string sign(std::string_view text) const;

 private:
  SigningKey() = default;
  std::array<uint8_t, 64> m_secret{};
  std::array<uint8_t, 32> m_public{};
};

}  // namespace pk::centre
