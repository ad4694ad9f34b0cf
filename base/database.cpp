#include "base/database.h"

#include <sqlite3.h>

#include <utility>

namespace pk::store {

Error sqlite_error(sqlite3* db, int rc, std::string_view doing, const std::filesystem::path& file) {
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  const int primary = rc & 0xff;
  std::string message;
  if (primary == SQLITE_FULL) {
    message = "the disk is full, nothing was saved: ";
  } else if (primary == SQLITE_IOERR) {
    message = "a disk read/write error occurred, nothing was saved: ";
  } else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    message = "the database file is damaged or is not a Pishkhan store: ";
  }
  message += "offline store ";
  message += file.string();
  message += ": ";
  message += doing;
  message += " failed: ";
  // sqlite3_errmsg describes the most recent call on this connection, which is the one that failed.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  message += " (";
  message += sqlite3_errstr(rc);
  message += ", code ";
  message += std::to_string(extended);
  message += ")";
  return make_error(std::move(message));
}

// ---- Statement -------------------------------------------------------------------------------

Statement::Statement(sqlite3_stmt* stmt, sqlite3* db, const std::filesystem::path* file)
    : m_stmt(stmt), m_db(db), m_file(file) {}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_db(other.m_db),
      m_file(other.m_file),
      m_bind_rc(other.m_bind_rc),
      m_bind_index(other.m_bind_index) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_stmt = std::exchange(other.m_stmt, nullptr);
    m_db = other.m_db;
    m_file = other.m_file;
    m_bind_rc = other.m_bind_rc;
    m_bind_index = other.m_bind_index;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::note_bind(int rc, int index) {
  if (rc != SQLITE_OK && m_bind_rc == SQLITE_OK) {
    m_bind_rc = rc;
    m_bind_index = index;
  }
}

Statement& Statement::bind(int index, int64_t value) {
  note_bind(sqlite3_bind_int64(m_stmt, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may die before step().
  note_bind(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
            index);
  return *this;
}

Statement& Statement::bind(int index, std::span<const uint8_t> blob) {
  // An empty span still binds an empty BLOB, not NULL (sqlite3_bind_blob64 with a null pointer is NULL).
  static const uint8_t empty = 0;
  const void* data = blob.empty() ? &empty : blob.data();
  note_bind(sqlite3_bind_blob64(m_stmt, index, data, blob.size(), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(m_stmt, index), index);
  return *this;
}

Result<StepResult> Statement::step() {
  if (m_bind_rc != SQLITE_OK) {
    return sqlite_error(
        m_db, m_bind_rc,
        "binding parameter " + std::to_string(m_bind_index) + " of \"" + sqlite3_sql(m_stmt) + "\"", *m_file);
  }
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return StepResult::Row;
  if (rc == SQLITE_DONE) return StepResult::Done;
  return sqlite_error(m_db, rc, std::string("running \"") + sqlite3_sql(m_stmt) + "\"", *m_file);
}

Result<void> Statement::run() {
  for (;;) {
    auto stepped = step();
    if (!stepped) {
      reset();
      return stepped.error();
    }
    if (*stepped == StepResult::Done) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_bind_rc = SQLITE_OK;
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

int64_t Statement::column_int64(int index) const { return sqlite3_column_int64(m_stmt, index); }

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(m_stmt, index);
  const int size = sqlite3_column_bytes(m_stmt, index);
  return text != nullptr ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size))
                         : std::string();
}

std::vector<uint8_t> Statement::column_blob(int index) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt, index));
  const int size = sqlite3_column_bytes(m_stmt, index);
  return data != nullptr ? std::vector<uint8_t>(data, data + size) : std::vector<uint8_t>();
}

std::optional<int64_t> Statement::column_optional_int64(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_int64(index);
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

// ---- Database --------------------------------------------------------------------------------

void Database::Closer::operator()(sqlite3* db) const {
  // close_v2 defers the close until any forgotten statement is finalized, rather than failing.
  sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::filesystem::path file)
    : m_db(db), m_file(std::make_unique<std::filesystem::path>(std::move(file))) {}

Result<Database> Database::open(const std::filesystem::path& file, const OpenOptions& options) {
  int flags = SQLITE_OPEN_EXRESCODE;
  flags |= options.mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags,
                                 options.vfs_name.empty() ? nullptr : options.vfs_name.c_str());
  Database db(raw, file);
  if (rc != SQLITE_OK) return sqlite_error(raw, rc, "opening the file", file);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  // Enforced per connection, not stored in the file, so every connection must ask for it.
  if (auto fk = db.exec("PRAGMA foreign_keys = ON"); !fk) return fk.error();
  if (options.mode == OpenMode::ReadOnly) return db;

  // WAL: a commit is one append + fsync, readers never block the writer, and a torn write at
  // a power cut is discarded by the WAL checksums on the next open.
  auto journal = db.query_text("PRAGMA journal_mode = WAL");
  if (!journal) return journal.error();
  if (*journal != "wal") {
    return make_error("offline store " + file.string() +
                      ": cannot switch to WAL journal mode (SQLite kept \"" + *journal +
                      "\"); the file system may not support shared memory");
  }
  // FULL: the WAL is fsynced at every commit, so a write reported as done survives a power cut.
  // NORMAL would be faster but may lose the last commits at a power cut, which we may not.
  if (auto sync = db.exec("PRAGMA synchronous = FULL"); !sync) return sync.error();
  return db;
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, "preparing \"" + std::string(sql) + "\"");
  return Statement(stmt, m_db.get(), m_file.get());
}

Result<void> Database::exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return error(rc, "running \"" + text + "\"");
  return {};
}

Result<int64_t> Database::query_int64(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return stmt.error();
  auto stepped = stmt->step();
  if (!stepped) return stepped.error();
  if (*stepped != StepResult::Row)
    return make_error("offline store " + path().string() + ": \"" + std::string(sql) + "\" returned no row");
  return stmt->column_int64(0);
}

Result<std::string> Database::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return stmt.error();
  auto stepped = stmt->step();
  if (!stepped) return stepped.error();
  if (*stepped != StepResult::Row)
    return make_error("offline store " + path().string() + ": \"" + std::string(sql) + "\" returned no row");
  return stmt->column_text(0);
}

int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db.get()); }
int64_t Database::changes() const { return sqlite3_changes64(m_db.get()); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db.get()) == 0; }
Error Database::error(int rc, std::string_view doing) const {
  return sqlite_error(m_db.get(), rc, doing, *m_file);
}

// ---- Transaction -----------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database& db, TransactionKind kind) {
  auto begun = db.exec(kind == TransactionKind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begun) return begun.error();
  Transaction transaction(db);
  transaction.m_open = true;
  return transaction;
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(other.m_db), m_open(std::exchange(other.m_open, false)) {}

Transaction::~Transaction() { rollback(); }

Result<void> Transaction::commit() {
  auto committed = m_db->exec("COMMIT");
  // A failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY) or already rolled back by
  // SQLite (e.g. SQLITE_FULL); rollback() handles both.
  if (!committed) {
    rollback();
    return committed.error();
  }
  m_open = false;
  return {};
}

void Transaction::rollback() {
  if (!m_open) return;
  m_open = false;
  // SQLite rolls back by itself after some errors (a full disk, an I/O error); a second ROLLBACK
  // would only add a confusing "no transaction is active" error.
  if (m_db->in_transaction()) sqlite3_exec(m_db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace pk::store
