#pragma once
// The cryptography of Basic Access Control and its secure messaging (ICAO Doc 9303 part 11,
// sections 4.3 and 9.8, appendix D): SHA-1 key derivation, two-key 3DES in CBC mode with a
// zero IV, the ISO 9797-1 MAC algorithm 3 ("retail MAC") and padding method 2. OpenSSL's
// libcrypto does the block cipher and hashes; single DES is reached as two-key 3DES with
// both halves equal, because OpenSSL 3 keeps single DES in its legacy provider.
#include <array>
#include <cstdint>

#include "domain/result.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader::icao {

using Key16 = std::array<std::uint8_t, 16>;  // a two-key 3DES key K_a || K_b

enum class HashAlgorithm : std::uint8_t { Sha1, Sha224, Sha256, Sha384, Sha512 };
[[nodiscard]] std::string_view to_string(HashAlgorithm algorithm);
[[nodiscard]] Bytes digest(HashAlgorithm algorithm, ByteView data);
[[nodiscard]] inline Bytes sha1(ByteView data) { return digest(HashAlgorithm::Sha1, data); }

// Each byte gets odd parity in its lowest bit (DES keys; Doc 9303 part 11 section 9.7.1).
void adjust_parity(std::span<std::uint8_t> key);

enum class KeyPurpose : std::uint32_t { Encryption = 1, Mac = 2 };
// Doc 9303 part 11 section 9.7.1: D = seed || counter, H = SHA-1(D), key = H[0..16] with parity.
[[nodiscard]] Key16 derive_key(ByteView seed16, KeyPurpose purpose);

// ISO 9797-1 padding method 2: 80 then zeros up to a multiple of 8 (always adds at least 1 byte).
[[nodiscard]] Bytes pad(ByteView data);
// Removes method-2 padding; an error when it is not there (a malformed card response).
[[nodiscard]] Result<Bytes> unpad(ByteView data);

// Two-key 3DES CBC, zero IV, no padding: data must be a multiple of 8 bytes.
[[nodiscard]] Result<Bytes> tdes_encrypt(const Key16& key, ByteView data);
[[nodiscard]] Result<Bytes> tdes_decrypt(const Key16& key, ByteView data);

// ISO 9797-1 MAC algorithm 3 over data that is ALREADY padded (a multiple of 8 bytes).
[[nodiscard]] Result<std::array<std::uint8_t, 8>> retail_mac_padded(const Key16& key, ByteView padded);
// The same over unpadded data (pads with method 2 first).
[[nodiscard]] Result<std::array<std::uint8_t, 8>> retail_mac(const Key16& key, ByteView data);

// Constant-time comparison for MACs.
[[nodiscard]] bool equal_secret(ByteView a, ByteView b);

// Cryptographic random bytes from OpenSSL (RAND_bytes); aborts when the generator fails,
// which only happens on a broken system.
void random_bytes(std::span<std::uint8_t> out);

}  // namespace pk::cardreader::icao
