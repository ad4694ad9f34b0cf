#pragma once
// The back office's own records: staff accounts, their one-time set-up links, sessions and the
// append-only audit log. By default in SQLite (<data_dir>/staff.sqlite, WAL); with --database in
// PostgreSQL beside the rest (make_postgres_staff_store), so every centre instance sees the same
// sessions. Safe to call from several server threads at once.
//
// What callers may rely on:
//  - Secrets are never stored in the clear: set-up tokens and session tokens as SHA-256 hashes,
//    passwords as argon2id strings (centre/staff/password.h). The TOTP secret must be readable
//    to check a code, so it is kept sealed with the centre's sealing key by the caller.
//  - The audit log only grows: the store has no call that changes or removes an entry, and
//    both backends refuse an UPDATE or DELETE on the table (a trigger).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::centre {

namespace pg {
class Pool;
}

// Who a staff member is to the back office (README: the roles and what each may do).
enum class StaffRole {
  Inspector,       // the governorate's inspection office: every office, read; publishes notices
  OfficeManager,   // one office: its applications, failure reports and terminals
  TechnicianLead,  // the fleet: enrollment codes, revocation, diagnostics
  Administrator,   // staff accounts and the catalog
};
[[nodiscard]] std::string_view to_string(StaffRole role);
[[nodiscard]] std::optional<StaffRole> staff_role_from(std::string_view text);

enum class AccountState {
  AwaitingSetUp,  // created; its holder has not yet chosen a password and enrolled a TOTP app
  Active,
  Disabled,
};
[[nodiscard]] std::string_view to_string(AccountState state);
[[nodiscard]] std::optional<AccountState> account_state_from(std::string_view text);

struct StaffAccount {
  std::string username;  // lower-case ASCII, 3..32 of [a-z0-9._-]
  std::string display_name;
  StaffRole role = StaffRole::Inspector;
  std::string office;  // the office of an office manager; empty for the other roles
  AccountState state = AccountState::AwaitingSetUp;
  std::string password_hash;       // argon2id, crypto_pwhash_str format; empty until set up
  std::string totp_secret_sealed;  // base64 of the sealed secret; empty until set up
  int failed_logins = 0;           // consecutive; reset by a successful sign-in
  int64_t locked_until_unix = 0;   // 0: not locked
  int64_t created_unix = 0;
  int64_t last_totp_step = 0;  // the last accepted TOTP time step: a code is accepted once
};

struct StaffSession {
  std::string token_sha256;  // the cookie's token, hashed
  std::string username;
  std::string csrf_token;  // sent back in X-CSRF-Token with every request that changes something
  int64_t created_unix = 0;
  int64_t last_seen_unix = 0;
};

struct AuditEntry {
  int64_t id = 0;  // assigned by the store, increasing
  int64_t at_unix = 0;
  std::string actor;    // a username, or "centre" for the command line
  std::string action;   // "login", "login_failed", "view_personal", "decide", "publish_notice", ...
  std::string subject;  // what it was done to: a tracking code, a username, a terminal id
  std::string detail;   // a short JSON object with the rest
};

class StaffStore {
 public:
  virtual ~StaffStore() = default;
  // The embedded default: SQLite in <data_dir>/staff.sqlite.
  [[nodiscard]] static Result<std::unique_ptr<StaffStore>> open(const std::filesystem::path& data_dir);

  // Creates the account (AwaitingSetUp) and a set-up token for it (hashed), in one
  // transaction. Error when the username is taken.
  [[nodiscard]] virtual Result<void> create_account(const StaffAccount& account,
                                                    const std::string& token_sha256,
                                                    int64_t token_expires_unix) = 0;
  [[nodiscard]] virtual Result<std::optional<StaffAccount>> find_account(const std::string& username) = 0;
  [[nodiscard]] virtual Result<std::vector<StaffAccount>> accounts() = 0;
  // Replaces the account's mutable fields (state, password, TOTP, counters, lock) as given.
  [[nodiscard]] virtual Result<void> update_account(const StaffAccount& account) = 0;
  // Sign-in outcomes, each one statement so that centre instances sharing the records never
  // lose a count or let a code through twice:
  // A failed attempt: one more failure, and at `max_failures` the account is locked until
  // now + lock_seconds (and the count starts again). Returns the account as it now stands.
  [[nodiscard]] virtual Result<StaffAccount> record_failed_sign_in(const std::string& username,
                                                                   int64_t now_unix, int max_failures,
                                                                   int64_t lock_seconds) = 0;
  // A good password and code of time step `totp_step`: false when that step (or a later one)
  // was already used, by a racing request too; otherwise the failures and lock are cleared.
  [[nodiscard]] virtual Result<bool> record_sign_in(const std::string& username, int64_t totp_step) = 0;
  // A new set-up token for an existing account (a reset), replacing any earlier one.
  [[nodiscard]] virtual Result<void> replace_setup_token(const std::string& username,
                                                         const std::string& token_sha256,
                                                         int64_t token_expires_unix) = 0;
  // The account a still valid, unused set-up token belongs to.
  [[nodiscard]] virtual Result<std::optional<std::string>> setup_token_owner(const std::string& token_sha256,
                                                                             int64_t now_unix) = 0;
  // Marks the token used; false when it was already used (by a racing request).
  [[nodiscard]] virtual Result<bool> consume_setup_token(const std::string& token_sha256) = 0;

  [[nodiscard]] virtual Result<void> create_session(const StaffSession& session) = 0;
  [[nodiscard]] virtual Result<std::optional<StaffSession>> find_session(const std::string& token_sha256) = 0;
  [[nodiscard]] virtual Result<void> touch_session(const std::string& token_sha256, int64_t now_unix) = 0;
  [[nodiscard]] virtual Result<void> remove_session(const std::string& token_sha256) = 0;
  // Every session of the account (sign-out everywhere, a disabled account, a reset).
  [[nodiscard]] virtual Result<void> remove_sessions_of(const std::string& username) = 0;

  // Appends an entry (its id is assigned here) and returns the id.
  [[nodiscard]] virtual Result<int64_t> append_audit(const AuditEntry& entry) = 0;
  // Newest first: entries with an id below `before_id` (0: from the newest), at most `limit`.
  [[nodiscard]] virtual Result<std::vector<AuditEntry>> audit(int64_t before_id, int limit) = 0;
};

// The same records in PostgreSQL, shared by every centre instance on the database.
[[nodiscard]] std::unique_ptr<StaffStore> make_postgres_staff_store(std::shared_ptr<pg::Pool> pool);

}  // namespace pk::centre
