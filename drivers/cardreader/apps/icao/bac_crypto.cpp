#include "drivers/cardreader/apps/icao/bac_crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <memory>

namespace pk::cardreader::icao {

std::string_view to_string(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::Sha1:
      return "SHA-1";
    case HashAlgorithm::Sha224:
      return "SHA-224";
    case HashAlgorithm::Sha256:
      return "SHA-256";
    case HashAlgorithm::Sha384:
      return "SHA-384";
    case HashAlgorithm::Sha512:
      return "SHA-512";
  }
  return "?";
}

Bytes digest(HashAlgorithm algorithm, ByteView data) {
  const EVP_MD* md = nullptr;
  switch (algorithm) {
    case HashAlgorithm::Sha1:
      md = EVP_sha1();
      break;
    case HashAlgorithm::Sha224:
      md = EVP_sha224();
      break;
    case HashAlgorithm::Sha256:
      md = EVP_sha256();
      break;
    case HashAlgorithm::Sha384:
      md = EVP_sha384();
      break;
    case HashAlgorithm::Sha512:
      md = EVP_sha512();
      break;
  }
  Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1) std::abort();
  out.resize(size);
  return out;
}

void adjust_parity(std::span<std::uint8_t> key) {
  for (std::uint8_t& b : key) {
    const auto high7 = static_cast<std::uint8_t>(b & 0xFE);
    b = static_cast<std::uint8_t>(high7 | ((std::popcount(high7) % 2 == 0) ? 1 : 0));
  }
}

Key16 derive_key(ByteView seed16, KeyPurpose purpose) {
  Bytes d(seed16.begin(), seed16.end());
  const auto counter = static_cast<std::uint32_t>(purpose);
  for (int shift = 24; shift >= 0; shift -= 8)
    d.push_back(static_cast<std::uint8_t>((counter >> shift) & 0xFF));
  const Bytes h = sha1(d);
  Key16 key{};
  std::copy_n(h.begin(), key.size(), key.begin());
  adjust_parity(key);
  return key;
}

Bytes pad(ByteView data) {
  Bytes out(data.begin(), data.end());
  out.push_back(0x80);
  while (out.size() % 8 != 0) out.push_back(0x00);
  return out;
}

Result<Bytes> unpad(ByteView data) {
  std::size_t end = data.size();
  while (end > 0 && data[end - 1] == 0x00) --end;
  if (end == 0 || data[end - 1] != 0x80 || data.size() - end >= 8)
    return make_error("decrypted data does not end with ISO 9797-1 padding");
  return Bytes(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

namespace {

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

enum class Direction : int { Decrypt = 0, Encrypt = 1 };

// Two-key 3DES (EDE with K1 = K3) in the given mode; OpenSSL's "DES-EDE" names take K1||K2.
Result<Bytes> run_cipher(const EVP_CIPHER* cipher, const std::uint8_t* key16, ByteView data,
                         Direction direction) {
  if (data.size() % 8 != 0)
    return make_error("3DES input of " + std::to_string(data.size()) + " bytes is not whole blocks");
  std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx(EVP_CIPHER_CTX_new());
  static constexpr std::array<std::uint8_t, 8> kZeroIv{};
  if (!ctx ||
      EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key16, kZeroIv.data(), static_cast<int>(direction)) != 1)
    return make_error("OpenSSL cannot set up 3DES");
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  Bytes out(data.size() + 8);
  int written = 0;
  int final_written = 0;
  if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(), static_cast<int>(data.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final_written) != 1)
    return make_error("OpenSSL 3DES failed");
  out.resize(static_cast<std::size_t>(written + final_written));
  return out;
}

}  // namespace

Result<Bytes> tdes_encrypt(const Key16& key, ByteView data) {
  return run_cipher(EVP_des_ede_cbc(), key.data(), data, Direction::Encrypt);
}

Result<Bytes> tdes_decrypt(const Key16& key, ByteView data) {
  return run_cipher(EVP_des_ede_cbc(), key.data(), data, Direction::Decrypt);
}

Result<std::array<std::uint8_t, 8>> retail_mac_padded(const Key16& key, ByteView padded) {
  if (padded.empty() || padded.size() % 8 != 0) return make_error("MAC input is not whole blocks");
  // Single-DES CBC with K_a over every block: K_a||K_a as a two-key 3DES key is single DES.
  std::array<std::uint8_t, 16> ka_twice{};
  std::copy_n(key.begin(), 8, ka_twice.begin());
  std::copy_n(key.begin(), 8, ka_twice.begin() + 8);
  auto chained = run_cipher(EVP_des_ede_cbc(), ka_twice.data(), padded, Direction::Encrypt);
  if (!chained) return chained.error();
  // Output transformation 3: decrypt the last block with K_b, encrypt with K_a. With K1=K_a,
  // K2=K_b, EDE on the single-DES chain value is E_Ka(D_Kb(E_Ka(x))); so encrypt the last
  // input block XOR the previous chain value once with 3DES instead.
  std::array<std::uint8_t, 8> previous{};
  if (padded.size() > 8) std::copy_n(chained->end() - 16, 8, previous.begin());
  Bytes last(8);
  for (std::size_t i = 0; i < 8; ++i)
    last[i] = static_cast<std::uint8_t>(padded[padded.size() - 8 + i] ^ previous[i]);
  auto final_block = run_cipher(EVP_des_ede_ecb(), key.data(), last, Direction::Encrypt);
  if (!final_block) return final_block.error();
  std::array<std::uint8_t, 8> mac{};
  std::copy_n(final_block->begin(), 8, mac.begin());
  return mac;
}

Result<std::array<std::uint8_t, 8>> retail_mac(const Key16& key, ByteView data) {
  return retail_mac_padded(key, pad(data));
}

bool equal_secret(ByteView a, ByteView b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void random_bytes(std::span<std::uint8_t> out) {
  if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) std::abort();
}

}  // namespace pk::cardreader::icao
