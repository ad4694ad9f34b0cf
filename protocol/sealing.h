#pragma once
// Sealing personal data and scanned pages to the centre's public key (libsodium sealed boxes:
// X25519 + XSalsa20-Poly1305 with an ephemeral sender key). The terminal holds only the public
// key, so a stolen terminal's disk reveals no name, number or page: only the centre's secret
// key opens them. open_sealed() is for the centre and for tests.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"

namespace pk::store {

inline constexpr size_t kPublicKeyBytes = 32;
inline constexpr size_t kSecretKeyBytes = 32;
// What sealing adds to the clear length: the ephemeral public key and the MAC.
inline constexpr size_t kSealOverheadBytes = 48;

using PublicKey = std::array<uint8_t, kPublicKeyBytes>;

// Wiped from memory when destroyed.
class SecretKey {
 public:
  SecretKey() = default;
  explicit SecretKey(std::span<const uint8_t, kSecretKeyBytes> bytes);
  SecretKey(const SecretKey& other) = default;
  SecretKey& operator=(const SecretKey& other) = default;
  ~SecretKey();

  [[nodiscard]] std::span<const uint8_t, kSecretKeyBytes> bytes() const { return m_bytes; }
  [[nodiscard]] std::span<uint8_t, kSecretKeyBytes> bytes() { return m_bytes; }

 private:
  std::array<uint8_t, kSecretKeyBytes> m_bytes{};
};

struct KeyPair {
  PublicKey public_key{};
  SecretKey secret_key;
};

// Clear bytes that are wiped from memory when destroyed (what open_sealed returns).
class ClearBytes {
 public:
  ClearBytes() = default;
  explicit ClearBytes(size_t size) : m_bytes(size) {}
  ClearBytes(ClearBytes&&) noexcept = default;
  ClearBytes& operator=(ClearBytes&& other) noexcept;
  ClearBytes(const ClearBytes&) = delete;
  ClearBytes& operator=(const ClearBytes&) = delete;
  ~ClearBytes();

  [[nodiscard]] std::span<const uint8_t> bytes() const { return m_bytes; }
  [[nodiscard]] std::span<uint8_t> bytes() { return m_bytes; }
  [[nodiscard]] size_t size() const { return m_bytes.size(); }

 private:
  std::vector<uint8_t> m_bytes;
};

// Initialises libsodium once per process (safe to call from any thread, any number of times).
[[nodiscard]] Result<void> init_sodium();

[[nodiscard]] Result<KeyPair> generate_key_pair();
// Derives the public key that belongs to a secret key (the centre loads only its secret key).
[[nodiscard]] Result<PublicKey> public_key_of(const SecretKey& secret);

// Output is clear.size() + kSealOverheadBytes long. The caller keeps ownership of `clear` and
// should wipe it when done (sodium_memzero or ClearBytes).
[[nodiscard]] Result<std::vector<uint8_t>> seal(std::span<const uint8_t> clear, const PublicKey& recipient);

// Fails with a clear message when the blob was not sealed to this key pair or was altered.
[[nodiscard]] Result<ClearBytes> open_sealed(std::span<const uint8_t> sealed, const KeyPair& recipient);

// Fills `out` with cryptographically random bytes (libsodium randombytes).
[[nodiscard]] Result<void> random_bytes(std::span<uint8_t> out);

}  // namespace pk::store
