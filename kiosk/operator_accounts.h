#pragma once
// Counter operators' accounts: a personnel number and a PIN, kept in <data_dir>/operators.json.
//
// What callers may rely on:
//  - A PIN is never stored: only its argon2id hash (libsodium crypto_pwhash_str, interactive
//    limits), which carries its own salt and parameters ("$argon2id$v=19$m=...").
//  - The file is replaced atomically (base/atomic_file.h: temporary, fsync, rename, folder fsync) and
//    is readable by its owner only (0600): a power cut leaves the old or the new file.
//  - After kMaxFailures wrong PINs in a row the account is locked for kLockoutSeconds. The
//    failure count and the lock are written before verify() returns, so a restart (or pulling
//    the plug) does not reset them.
//  - verify() takes the wall clock as a parameter: tests pin it, the App passes time().
// Not thread-safe; the App uses it from its UI thread. A verify costs one argon2id hash
// (about 0.1 s at interactive limits): the price of making a stolen file expensive to guess.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::kiosk::op {

inline constexpr int kMaxFailures = 5;
inline constexpr int64_t kLockoutSeconds = 5 * 60;

struct OperatorAccount {
  std::string id;        // personnel number: ASCII digits
  std::string pin_hash;  // "$argon2id$..."
  int failures = 0;      // wrong PINs since the last success or lockout
  int64_t locked_until_unix = 0;
  int64_t created_at_unix = 0;
};

enum class LoginOutcome {
  Ok,
  WrongCredentials,  // unknown id or wrong PIN: the screen does not say which
  LockedOut,         // this attempt locked the account, or it was already locked
};

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::WrongCredentials;
  int attempts_left = 0;          // before the lock, when the id is known
  int64_t locked_until_unix = 0;  // when LockedOut
};

// Personnel numbers: 3 to 12 digits (Persian, Arabic-Indic or ASCII); returns ASCII digits.
[[nodiscard]] Result<std::string> normalise_operator_id(std::string_view typed);
// PINs: 4 to 12 digits (any of the three digit sets); returns ASCII digits.
[[nodiscard]] Result<std::string> normalise_pin(std::string_view typed);

class OperatorAccounts {
 public:
  // Reads the file if it exists (an absent file is an empty list); refuses a corrupt one.
  [[nodiscard]] static Result<std::unique_ptr<OperatorAccounts>> open(const std::filesystem::path& file);
  [[nodiscard]] static std::filesystem::path default_path(const std::filesystem::path& data_dir) {
    return data_dir / "operators.json";
  }

  // Adds an operator, or sets a new PIN for an existing one (which also clears a lock).
  [[nodiscard]] Result<void> set_operator(std::string_view id, std::string_view pin, int64_t now_unix);
  [[nodiscard]] LoginResult verify(std::string_view id, std::string_view pin, int64_t now_unix);
  // Result of the last write, when verify() could not persist a failure (disk full...).
  [[nodiscard]] const std::string& last_write_error() const { return m_write_error; }

  [[nodiscard]] const std::vector<OperatorAccount>& accounts() const { return m_accounts; }
  [[nodiscard]] const OperatorAccount* find(std::string_view id) const;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

 private:
  OperatorAccounts() = default;
  [[nodiscard]] Result<void> save();
  [[nodiscard]] OperatorAccount* find_mut(std::string_view id);

  std::filesystem::path m_path;
  std::vector<OperatorAccount> m_accounts;
  std::string m_dummy_hash;  // verified against for unknown ids, so timing does not tell
  std::string m_write_error;
};

}  // namespace pk::kiosk::op
