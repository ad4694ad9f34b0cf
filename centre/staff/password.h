#pragma once
// Staff passwords, hashed with argon2id (libsodium's crypto_pwhash_str: the salt and the
// parameters travel in the string, so stronger parameters later still check older hashes).
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::centre {

inline constexpr size_t kMinPasswordLength = 12;  // characters (UTF-8 code points)
inline constexpr size_t kMaxPasswordBytes = 1024;

// What is wrong with a new password, in words for the person choosing it; empty when it is fine.
[[nodiscard]] std::string password_problem(std::string_view password);
[[nodiscard]] Result<std::string> hash_password(std::string_view password);
[[nodiscard]] bool password_matches(const std::string& hash, std::string_view password);

}  // namespace pk::centre
