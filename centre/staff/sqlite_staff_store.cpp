// The staff store in SQLite (<data_dir>/staff.sqlite), the embedded default.
#include <mutex>

#include "base/database.h"
#include "centre/staff/staff_store.h"

namespace pk::centre {
namespace {

using store::Database;
using store::Statement;
using store::StepResult;
using store::Transaction;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS staff_accounts (
  username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, office TEXT NOT NULL,
  state TEXT NOT NULL, password_hash TEXT NOT NULL, totp_secret_sealed TEXT NOT NULL,
  failed_logins INTEGER NOT NULL, locked_until_unix INTEGER NOT NULL, created_unix INTEGER NOT NULL,
  last_totp_step INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_setup_tokens (
  token_sha256 TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES staff_accounts(username),
  expires_unix INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS staff_sessions (
  token_sha256 TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES staff_accounts(username),
  csrf_token TEXT NOT NULL, created_unix INTEGER NOT NULL, last_seen_unix INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at_unix INTEGER NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL
);
-- The audit log only grows: nothing may change or remove an entry, not even this program.
CREATE TRIGGER IF NOT EXISTS staff_audit_no_update BEFORE UPDATE ON staff_audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS staff_audit_no_delete BEFORE DELETE ON staff_audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

constexpr std::string_view kAccountColumns =
    "SELECT username, display_name, role, office, state, password_hash, totp_secret_sealed, failed_logins, "
    "locked_until_unix, created_unix, last_totp_step FROM staff_accounts";

StaffAccount read_account(const Statement& row) {
  StaffAccount account;
  account.username = row.column_text(0);
  account.display_name = row.column_text(1);
  account.role = staff_role_from(row.column_text(2)).value_or(StaffRole::Inspector);
  account.office = row.column_text(3);
  const std::string state = row.column_text(4);
  account.state = state == "active"           ? AccountState::Active
                  : state == "awaiting_setup" ? AccountState::AwaitingSetUp
                                              : AccountState::Disabled;
  account.password_hash = row.column_text(5);
  account.totp_secret_sealed = row.column_text(6);
  account.failed_logins = static_cast<int>(row.column_int64(7));
  account.locked_until_unix = row.column_int64(8);
  account.created_unix = row.column_int64(9);
  account.last_totp_step = row.column_int64(10);
  return account;
}

class SqliteStaffStore final : public StaffStore {
 public:
  explicit SqliteStaffStore(Database db) : m_db(std::move(db)) {}

  Result<void> create_account(const StaffAccount& a, const std::string& token_sha256,
                              int64_t token_expires_unix) override {
    std::lock_guard lock(m_mutex);
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    auto taken = m_db.prepare("SELECT 1 FROM staff_accounts WHERE username = ?1");
    if (!taken) return taken.error();
    auto row = taken->bind(1, a.username).step();
    if (!row) return row.error();
    if (*row == StepResult::Row) return make_error("the username " + a.username + " is taken");
    auto insert =
        m_db.prepare("INSERT INTO staff_accounts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!insert) return insert.error();
    insert->bind(1, a.username).bind(2, a.display_name).bind(3, to_string(a.role)).bind(4, a.office);
    insert->bind(5, to_string(a.state)).bind(6, a.password_hash).bind(7, a.totp_secret_sealed);
    insert->bind(8, int64_t{a.failed_logins}).bind(9, a.locked_until_unix).bind(10, a.created_unix);
    insert->bind(11, a.last_totp_step);
    if (auto ran = insert->run(); !ran) return ran.error();
    if (auto token = insert_token(a.username, token_sha256, token_expires_unix); !token) return token.error();
    return transaction->commit();
  }

  Result<std::optional<StaffAccount>> find_account(const std::string& username) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(std::string(kAccountColumns) + " WHERE username = ?1");
    if (!query) return query.error();
    auto row = query->bind(1, username).step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<StaffAccount>();
    return std::optional<StaffAccount>(read_account(*query));
  }

  Result<std::vector<StaffAccount>> accounts() override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(std::string(kAccountColumns) + " ORDER BY username");
    if (!query) return query.error();
    std::vector<StaffAccount> list;
    for (;;) {
      auto row = query->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      list.push_back(read_account(*query));
    }
    return list;
  }

  Result<void> update_account(const StaffAccount& a) override {
    std::lock_guard lock(m_mutex);
    auto update = m_db.prepare(
        "UPDATE staff_accounts SET display_name = ?2, state = ?3, password_hash = ?4, totp_secret_sealed = ?5, "
        "failed_logins = ?6, locked_until_unix = ?7, last_totp_step = ?8 WHERE username = ?1");
    if (!update) return update.error();
    update->bind(1, a.username).bind(2, a.display_name).bind(3, to_string(a.state)).bind(4, a.password_hash);
    update->bind(5, a.totp_secret_sealed).bind(6, int64_t{a.failed_logins}).bind(7, a.locked_until_unix);
    update->bind(8, a.last_totp_step);
    if (auto ran = update->run(); !ran) return ran.error();
    if (m_db.changes() == 0) return make_error("no staff account " + a.username);
    return {};
  }

  Result<StaffAccount> record_failed_sign_in(const std::string& username, int64_t now_unix, int max_failures,
                                             int64_t lock_seconds) override {
    std::lock_guard lock(m_mutex);
    auto update = m_db.prepare(
        "UPDATE staff_accounts SET "
        "  locked_until_unix = CASE WHEN failed_logins + 1 >= ?3 THEN ?2 + ?4 ELSE locked_until_unix END, "
        "  failed_logins = CASE WHEN failed_logins + 1 >= ?3 THEN 0 ELSE failed_logins + 1 END "
        "WHERE username = ?1");
    if (!update) return update.error();
    update->bind(1, username).bind(2, now_unix).bind(3, int64_t{max_failures}).bind(4, lock_seconds);
    if (auto ran = update->run(); !ran) return ran.error();
    if (m_db.changes() == 0) return make_error("no staff account " + username);
    auto query = m_db.prepare(std::string(kAccountColumns) + " WHERE username = ?1");
    if (!query) return query.error();
    auto row = query->bind(1, username).step();
    if (!row) return row.error();
    return read_account(*query);
  }

  Result<bool> record_sign_in(const std::string& username, int64_t totp_step) override {
    std::lock_guard lock(m_mutex);
    auto update = m_db.prepare(
        "UPDATE staff_accounts SET last_totp_step = ?2, failed_logins = 0, locked_until_unix = 0 "
        "WHERE username = ?1 AND last_totp_step < ?2");
    if (!update) return update.error();
    if (auto ran = update->bind(1, username).bind(2, totp_step).run(); !ran) return ran.error();
    return m_db.changes() > 0;
  }

  Result<void> replace_setup_token(const std::string& username, const std::string& token_sha256,
                                   int64_t token_expires_unix) override {
    std::lock_guard lock(m_mutex);
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    auto old = m_db.prepare("UPDATE staff_setup_tokens SET used = 1 WHERE username = ?1");
    if (!old) return old.error();
    if (auto ran = old->bind(1, username).run(); !ran) return ran.error();
    if (auto token = insert_token(username, token_sha256, token_expires_unix); !token) return token.error();
    return transaction->commit();
  }

  Result<std::optional<std::string>> setup_token_owner(const std::string& token_sha256,
                                                       int64_t now_unix) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT username FROM staff_setup_tokens WHERE token_sha256 = ?1 AND used = 0 AND expires_unix > ?2");
    if (!query) return query.error();
    auto row = query->bind(1, token_sha256).bind(2, now_unix).step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<std::string>();
    return std::optional<std::string>(query->column_text(0));
  }

  Result<bool> consume_setup_token(const std::string& token_sha256) override {
    std::lock_guard lock(m_mutex);
    auto update = m_db.prepare("UPDATE staff_setup_tokens SET used = 1 WHERE token_sha256 = ?1 AND used = 0");
    if (!update) return update.error();
    if (auto ran = update->bind(1, token_sha256).run(); !ran) return ran.error();
    return m_db.changes() > 0;
  }

  Result<void> create_session(const StaffSession& s) override {
    std::lock_guard lock(m_mutex);
    auto insert = m_db.prepare("INSERT INTO staff_sessions VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    return insert->bind(1, s.token_sha256)
        .bind(2, s.username)
        .bind(3, s.csrf_token)
        .bind(4, s.created_unix)
        .bind(5, s.last_seen_unix)
        .run();
  }

  Result<std::optional<StaffSession>> find_session(const std::string& token_sha256) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT token_sha256, username, csrf_token, created_unix, last_seen_unix FROM staff_sessions "
        "WHERE token_sha256 = ?1");
    if (!query) return query.error();
    auto row = query->bind(1, token_sha256).step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<StaffSession>();
    return std::optional<StaffSession>(StaffSession{query->column_text(0), query->column_text(1),
                                                    query->column_text(2), query->column_int64(3),
                                                    query->column_int64(4)});
  }

  Result<void> touch_session(const std::string& token_sha256, int64_t now_unix) override {
    std::lock_guard lock(m_mutex);
    auto update = m_db.prepare("UPDATE staff_sessions SET last_seen_unix = ?2 WHERE token_sha256 = ?1");
    if (!update) return update.error();
    return update->bind(1, token_sha256).bind(2, now_unix).run();
  }

  Result<void> remove_session(const std::string& token_sha256) override {
    std::lock_guard lock(m_mutex);
    auto remove = m_db.prepare("DELETE FROM staff_sessions WHERE token_sha256 = ?1");
    if (!remove) return remove.error();
    return remove->bind(1, token_sha256).run();
  }

  Result<void> remove_sessions_of(const std::string& username) override {
    std::lock_guard lock(m_mutex);
    auto remove = m_db.prepare("DELETE FROM staff_sessions WHERE username = ?1");
    if (!remove) return remove.error();
    return remove->bind(1, username).run();
  }

  Result<int64_t> append_audit(const AuditEntry& e) override {
    std::lock_guard lock(m_mutex);
    auto insert = m_db.prepare(
        "INSERT INTO staff_audit (at_unix, actor, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, e.at_unix).bind(2, e.actor).bind(3, e.action).bind(4, e.subject).bind(5, e.detail);
    if (auto ran = insert->run(); !ran) return ran.error();
    return m_db.query_int64("SELECT last_insert_rowid()");
  }

  Result<std::vector<AuditEntry>> audit(int64_t before_id, int limit) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT id, at_unix, actor, action, subject, detail FROM staff_audit WHERE ?1 = 0 OR id < ?1 "
        "ORDER BY id DESC LIMIT ?2");
    if (!query) return query.error();
    query->bind(1, before_id).bind(2, int64_t{std::max(1, limit)});
    std::vector<AuditEntry> list;
    for (;;) {
      auto row = query->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      list.push_back({query->column_int64(0), query->column_int64(1), query->column_text(2),
                      query->column_text(3), query->column_text(4), query->column_text(5)});
    }
    return list;
  }

 private:
  Result<void> insert_token(const std::string& username, const std::string& token_sha256,
                            int64_t expires_unix) {
    auto insert = m_db.prepare(
        "INSERT INTO staff_setup_tokens (token_sha256, username, expires_unix) VALUES (?1, ?2, ?3)");
    if (!insert) return insert.error();
    return insert->bind(1, token_sha256).bind(2, username).bind(3, expires_unix).run();
  }

  std::mutex m_mutex;
  Database m_db;
};

}  // namespace

Result<std::unique_ptr<StaffStore>> StaffStore::open(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  auto db = Database::open(data_dir / "staff.sqlite", {});
  if (!db) return db.error();
  if (auto pragmas = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !pragmas)
    return pragmas.error();
  if (auto schema = db->exec(kSchema); !schema) return schema.error();
  std::filesystem::permissions(data_dir / "staff.sqlite",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return std::unique_ptr<StaffStore>(std::make_unique<SqliteStaffStore>(std::move(db).value()));
}

}  // namespace pk::centre
