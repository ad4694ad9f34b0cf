#include "centre/staff/password.h"

#include <sodium.h>

namespace pk::centre {
namespace {

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace

std::string password_problem(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) return "the password is too long";
  if (code_points(password) < kMinPasswordLength)
    return "the password needs at least " + std::to_string(kMinPasswordLength) + " characters";
  return {};
}

Result<std::string> hash_password(std::string_view password) {
  // Interactive limits (2 passes, 64 MiB): above OWASP's argon2id minimum, and a sign-in stays
  // well under a second on the centre's machine.
  std::string hash(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return make_error("staff: the password could not be hashed (out of memory)");
  hash.resize(hash.find('\0'));
  return hash;
}

bool password_matches(const std::string& hash, std::string_view password) {
  if (hash.empty() || password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace pk::centre
