// StaffStore on PostgreSQL (migration 5 in centre/postgres_migrations.cpp): the same records as
// the SQLite store, shared by every centre instance on the database, so a session made by one
// instance is valid on all of them.
#include <algorithm>

#include "centre/postgres_database.h"
#include "centre/staff/staff_store.h"

namespace pk::centre {
namespace {

using pg::Connection;
using pg::Params;
using pg::Rows;

constexpr const char* kAccountColumns =
    "username, display_name, role, office, state, password_hash, totp_secret_sealed, failed_logins, "
    "locked_until_unix, created_unix, last_totp_step";

Result<StaffAccount> account_at(const Rows& rows, int row) {
  const auto role = staff_role_from(rows.text(row, 2));
  const auto state = account_state_from(rows.text(row, 4));
  if (!role || !state)
    return make_error("staff account " + rows.text(row, 0) + " has an unknown role or state (" +
                      rows.text(row, 2) + ", " + rows.text(row, 4) + ")");
  StaffAccount account;
  account.username = rows.text(row, 0);
  account.display_name = rows.text(row, 1);
  account.role = *role;
  account.office = rows.text(row, 3);
  account.state = *state;
  account.password_hash = rows.text(row, 5);
  account.totp_secret_sealed = rows.text(row, 6);
  account.failed_logins = static_cast<int>(rows.int64(row, 7));
  account.locked_until_unix = rows.int64(row, 8);
  account.created_unix = rows.int64(row, 9);
  account.last_totp_step = rows.int64(row, 10);
  return account;
}

class PostgresStaffStore final : public StaffStore {
 public:
  explicit PostgresStaffStore(std::shared_ptr<pg::Pool> pool) : m_pool(std::move(pool)) {}

  Result<void> create_account(const StaffAccount& account, const std::string& token_sha256,
                              int64_t token_expires_unix) override {
    auto created = m_pool->transaction<bool>(
        "staff: create account " + account.username, [&](Connection& c) -> Result<bool> {
          auto inserted = c.exec(std::string("INSERT INTO staff_accounts (") + kAccountColumns +
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                                     "ON CONFLICT (username) DO NOTHING",
                                 Params()
                                     .text(account.username)
                                     .text(account.display_name)
                                     .text(to_string(account.role))
                                     .text(account.office)
                                     .text(to_string(AccountState::AwaitingSetUp))
                                     .text(account.password_hash)
                                     .text(account.totp_secret_sealed)
                                     .int64(int64_t{account.failed_logins})
                                     .int64(account.locked_until_unix)
                                     .int64(account.created_unix)
                                     .int64(account.last_totp_step));
          if (!inserted) return inserted.error();
          if (inserted->affected() == 0) return false;
          auto token = c.exec(
              "INSERT INTO staff_setup_tokens (token_sha256, username, expires_unix) VALUES ($1, $2, $3)",
              Params().text(token_sha256).text(account.username).int64(token_expires_unix));
          if (!token) return token.error();
          return true;
        });
    if (!created) return created.error();
    if (!*created) return make_error("the username " + account.username + " is taken");
    return {};
  }

  Result<std::optional<StaffAccount>> find_account(const std::string& username) override {
    return m_pool->read<std::optional<StaffAccount>>(
        "staff: find account " + username, [&](Connection& c) -> Result<std::optional<StaffAccount>> {
          auto rows =
              c.exec(std::string("SELECT ") + kAccountColumns + " FROM staff_accounts WHERE username = $1",
                     Params().text(username));
          if (!rows) return rows.error();
          if (rows->empty()) return std::optional<StaffAccount>();
          auto account = account_at(*rows, 0);
          if (!account) return account.error();
          return std::optional<StaffAccount>(std::move(account).value());
        });
  }

  Result<std::vector<StaffAccount>> accounts() override {
    return m_pool->read<std::vector<StaffAccount>>(
        "staff: list accounts", [&](Connection& c) -> Result<std::vector<StaffAccount>> {
          auto rows =
              c.exec(std::string("SELECT ") + kAccountColumns + " FROM staff_accounts ORDER BY username");
          if (!rows) return rows.error();
          std::vector<StaffAccount> list;
          for (int i = 0; i < rows->size(); ++i) {
            auto account = account_at(*rows, i);
            if (!account) return account.error();
            list.push_back(std::move(account).value());
          }
          return list;
        });
  }

  Result<StaffAccount> record_failed_sign_in(const std::string& username, int64_t now_unix, int max_failures,
                                             int64_t lock_seconds) override {
    auto account = m_pool->transaction<std::optional<StaffAccount>>(
        "staff: failed sign-in of " + username, [&](Connection& c) -> Result<std::optional<StaffAccount>> {
          auto rows = c.exec(
              "UPDATE staff_accounts SET "
              "  locked_until_unix = CASE WHEN failed_logins + 1 >= $3 THEN $2 + $4 ELSE locked_until_unix END, "
              "  failed_logins = CASE WHEN failed_logins + 1 >= $3 THEN 0 ELSE failed_logins + 1 END "
              "WHERE username = $1 RETURNING " +
                  std::string(kAccountColumns),
              Params().text(username).int64(now_unix).int64(int64_t{max_failures}).int64(lock_seconds));
          if (!rows) return rows.error();
          if (rows->empty()) return std::optional<StaffAccount>();
          auto read = account_at(*rows, 0);
          if (!read) return read.error();
          return std::optional<StaffAccount>(std::move(read).value());
        });
    if (!account) return account.error();
    if (!*account) return make_error("no staff account " + username);
    return std::move(**account);
  }

  Result<bool> record_sign_in(const std::string& username, int64_t totp_step) override {
    return m_pool->transaction<bool>("staff: sign-in of " + username, [&](Connection& c) -> Result<bool> {
      auto rows = c.exec(
          "UPDATE staff_accounts SET last_totp_step = $2, failed_logins = 0, locked_until_unix = 0 "
          "WHERE username = $1 AND last_totp_step < $2",
          Params().text(username).int64(totp_step));
      if (!rows) return rows.error();
      return rows->affected() > 0;
    });
  }

  Result<void> update_account(const StaffAccount& account) override {
    auto updated = m_pool->transaction<
        bool>("staff: update account " + account.username, [&](Connection& c) -> Result<bool> {
      auto rows = c.exec(
          "UPDATE staff_accounts SET display_name = $2, state = $3, password_hash = $4, totp_secret_sealed = $5, "
          "failed_logins = $6, locked_until_unix = $7, last_totp_step = $8 WHERE username = $1",
          Params()
              .text(account.username)
              .text(account.display_name)
              .text(to_string(account.state))
              .text(account.password_hash)
              .text(account.totp_secret_sealed)
              .int64(int64_t{account.failed_logins})
              .int64(account.locked_until_unix)
              .int64(account.last_totp_step));
      if (!rows) return rows.error();
      return rows->affected() > 0;
    });
    if (!updated) return updated.error();
    if (!*updated) return make_error("no staff account " + account.username);
    return {};
  }

  Result<void> replace_setup_token(const std::string& username, const std::string& token_sha256,
                                   int64_t token_expires_unix) override {
    auto replaced = m_pool->transaction<bool>(
        "staff: new set-up link for " + username, [&](Connection& c) -> Result<bool> {
          // The account's row lock: two resets at once leave one token, not a unique violation.
          auto account =
              c.exec("SELECT 1 FROM staff_accounts WHERE username = $1 FOR UPDATE", Params().text(username));
          if (!account) return account.error();
          if (account->empty()) return false;
          auto removed =
              c.exec("DELETE FROM staff_setup_tokens WHERE username = $1", Params().text(username));
          if (!removed) return removed.error();
          auto inserted = c.exec(
              "INSERT INTO staff_setup_tokens (token_sha256, username, expires_unix) VALUES ($1, $2, $3)",
              Params().text(token_sha256).text(username).int64(token_expires_unix));
          if (!inserted) return inserted.error();
          return true;
        });
    if (!replaced) return replaced.error();
    if (!*replaced) return make_error("no staff account " + username);
    return {};
  }

  Result<std::optional<std::string>> setup_token_owner(const std::string& token_sha256,
                                                       int64_t now_unix) override {
    return m_pool->read<std::optional<
        std::string>>("staff: check a set-up link", [&](Connection& c) -> Result<std::optional<std::string>> {
      auto rows = c.exec(
          "SELECT username FROM staff_setup_tokens WHERE token_sha256 = $1 AND NOT used AND expires_unix > $2",
          Params().text(token_sha256).int64(now_unix));
      if (!rows) return rows.error();
      if (rows->empty()) return std::optional<std::string>();
      return std::optional<std::string>(rows->text(0, 0));
    });
  }

  Result<bool> consume_setup_token(const std::string& token_sha256) override {
    return m_pool->transaction<bool>("staff: use a set-up link", [&](Connection& c) -> Result<bool> {
      // Of two racing requests, the second waits for the first's row lock and then changes nothing.
      auto rows = c.exec("UPDATE staff_setup_tokens SET used = true WHERE token_sha256 = $1 AND NOT used",
                         Params().text(token_sha256));
      if (!rows) return rows.error();
      return rows->affected() > 0;
    });
  }

  Result<void> create_session(const StaffSession& session) override {
    return m_pool->execute(
        "staff: sign in " + session.username,
        "INSERT INTO staff_sessions (token_sha256, username, csrf_token, created_unix, last_seen_unix) "
        "VALUES ($1, $2, $3, $4, $5)",
        Params()
            .text(session.token_sha256)
            .text(session.username)
            .text(session.csrf_token)
            .int64(session.created_unix)
            .int64(session.last_seen_unix));
  }

  Result<std::optional<StaffSession>> find_session(const std::string& token_sha256) override {
    return m_pool->read<std::optional<
        StaffSession>>("staff: find a session", [&](Connection& c) -> Result<std::optional<StaffSession>> {
      auto rows = c.exec(
          "SELECT username, csrf_token, created_unix, last_seen_unix FROM staff_sessions WHERE token_sha256 = $1",
          Params().text(token_sha256));
      if (!rows) return rows.error();
      if (rows->empty()) return std::optional<StaffSession>();
      return std::optional<StaffSession>(StaffSession{token_sha256, rows->text(0, 0), rows->text(0, 1),
                                                      rows->int64(0, 2), rows->int64(0, 3)});
    });
  }

  Result<void> touch_session(const std::string& token_sha256, int64_t now_unix) override {
    // Requests served by several instances at once may arrive out of order: never move back.
    return m_pool->execute(
        "staff: touch a session",
        "UPDATE staff_sessions SET last_seen_unix = greatest(last_seen_unix, $2) WHERE token_sha256 = $1",
        Params().text(token_sha256).int64(now_unix));
  }

  Result<void> remove_session(const std::string& token_sha256) override {
    return m_pool->execute("staff: sign out", "DELETE FROM staff_sessions WHERE token_sha256 = $1",
                           Params().text(token_sha256));
  }

  Result<void> remove_sessions_of(const std::string& username) override {
    return m_pool->execute("staff: end the sessions of " + username,
                           "DELETE FROM staff_sessions WHERE username = $1", Params().text(username));
  }

  Result<int64_t> append_audit(const AuditEntry& entry) override {
    return m_pool->transaction<int64_t>(
        "staff: audit " + entry.action, [&](Connection& c) -> Result<int64_t> {
          auto rows = c.exec(
              "INSERT INTO staff_audit (at_unix, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5) "
              "RETURNING id",
              Params()
                  .int64(entry.at_unix)
                  .text(entry.actor)
                  .text(entry.action)
                  .text(entry.subject)
                  .text(entry.detail));
          if (!rows) return rows.error();
          return rows->int64(0, 0);
        });
  }

  Result<std::vector<AuditEntry>> audit(int64_t before_id, int limit) override {
    return m_pool->read<std::vector<AuditEntry>>(
        "staff: read the audit log", [&](Connection& c) -> Result<std::vector<AuditEntry>> {
          auto rows = c.exec(
              "SELECT id, at_unix, actor, action, subject, detail FROM staff_audit WHERE $1 = 0 OR id < $1 "
              "ORDER BY id DESC LIMIT $2",
              Params().int64(before_id).int64(int64_t{std::max(limit, 0)}));
          if (!rows) return rows.error();
          std::vector<AuditEntry> entries;
          for (int i = 0; i < rows->size(); ++i)
            entries.push_back({rows->int64(i, 0), rows->int64(i, 1), rows->text(i, 2), rows->text(i, 3),
                               rows->text(i, 4), rows->text(i, 5)});
          return entries;
        });
  }

 private:
  std::shared_ptr<pg::Pool> m_pool;
};

}  // namespace

std::unique_ptr<StaffStore> make_postgres_staff_store(std::shared_ptr<pg::Pool> pool) {
  return std::make_unique<PostgresStaffStore>(std::move(pool));
}

}  // namespace pk::centre
