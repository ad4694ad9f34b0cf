#pragma once
// The centre's Ed25519 catalog-signing key. Generated on first start into the data folder
// (mode 0600) and loaded on every later start, so terminals configured with its public key
// keep trusting the centre across restarts.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::centre {

class SigningKey {
 public:
  [[nodiscard]] static Result<SigningKey> load_or_create(const std::filesystem::path& file);
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
