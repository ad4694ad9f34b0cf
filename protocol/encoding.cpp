#include "protocol/encoding.h"

#include <openssl/sha.h>
#include <sodium.h>

namespace pk::sync {

std::string to_hex(std::span<const uint8_t> bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

Result<std::vector<uint8_t>> from_hex(std::string_view hex) {
  std::vector<uint8_t> out(hex.size() / 2 + 1);
  size_t length = 0;
  const char* end = nullptr;
  if (hex.size() % 2 != 0 ||
      sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &length, &end) != 0 ||
      end != hex.data() + hex.size()) {
    return make_error("not a hex string: \"" + std::string(hex.substr(0, 80)) + "\"");
  }
  out.resize(length);
  return out;
}

std::string to_base64(std::span<const uint8_t> bytes) {
  const size_t size = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out(size, '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(size - 1);  // the terminating NUL
  return out;
}

Result<std::vector<uint8_t>> from_base64(std::string_view text) {
  std::vector<uint8_t> out(text.size() / 4 * 3 + 3);
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return make_error("not valid base64: \"" + std::string(text.substr(0, 80)) + "\"");
  }
  out.resize(length);
  return out;
}

// OpenSSL's, not libsodium's: it uses the processor's SHA instructions where there are some, and
// every page is hashed on both sides (the centre checks each chunk and each whole page; the load
// generator hashes every page it sends): about 0.1 ms for a 150 KB page against 0.45 ms.
static_assert(std::tuple_size_v<Digest> == SHA256_DIGEST_LENGTH);
Digest sha256(std::span<const uint8_t> bytes) {
  Digest digest{};
  SHA256(bytes.data(), bytes.size(), digest.data());
  return digest;
}

}  // namespace pk::sync
