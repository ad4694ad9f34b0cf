#include "imaging/page_hash.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace pk::imaging {

Sha256 sha256_of(std::span<const std::uint8_t> bytes) {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // libsodium cannot run at all: nothing here is safe
  });
  Sha256 digest{};
  crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
  return digest;
}

std::string sha256_hex(const Sha256& digest) {
  std::string hex;
  hex.reserve(64);
  char pair[3];
  for (std::uint8_t b : digest) {
    std::snprintf(pair, sizeof pair, "%02x", b);
    hex += pair;
  }
  return hex;
}

}  // namespace pk::imaging
