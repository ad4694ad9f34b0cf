#include "centre/staff/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>
#include <cctype>

namespace pk::centre {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

std::vector<uint8_t> new_totp_secret() {
  std::vector<uint8_t> secret(kTotpSecretBytes);
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string base32_encode(const std::vector<uint8_t>& bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (const uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::vector<uint8_t>> base32_decode(std::string_view text) {
  std::vector<uint8_t> out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '=') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string totp_code(const std::vector<uint8_t>& secret, int64_t step) {
  std::array<uint8_t, 8> counter{};
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<size_t>(i)] = static_cast<uint8_t>(step & 0xFF);
    step >>= 8;
  }
  std::array<uint8_t, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), mac.data(),
       &mac_length);
  // RFC 4226 5.3: dynamic truncation.
  const size_t offset = mac[mac_length - 1] & 0x0F;
  const uint32_t binary =
      ((mac[offset] & 0x7Fu) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  std::string code = std::to_string(binary % 1'000'000);
  return std::string(6 - code.size(), '0') + code;
}

std::optional<int64_t> match_totp(const std::vector<uint8_t>& secret, std::string_view code, int64_t now_unix,
                                  int64_t last_used_step) {
  if (code.size() != 6 || secret.empty()) return std::nullopt;
  const int64_t now_step = now_unix / kTotpStepSeconds;
  for (const int64_t step : {now_step, now_step - 1, now_step + 1}) {
    if (step <= last_used_step) continue;
    const std::string expected = totp_code(secret, step);
    if (sodium_memcmp(expected.data(), code.data(), 6) == 0) return step;
  }
  return std::nullopt;
}

std::string otpauth_uri(std::string_view username, const std::vector<uint8_t>& secret) {
  return "otpauth://totp/Pishkhan:" + percent_encode(username) + "?secret=" + base32_encode(secret) +
         "&issuer=Pishkhan&algorithm=SHA1&digits=6&period=30";
}

}  // namespace pk::centre
