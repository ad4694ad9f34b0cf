#pragma once
// A thin RAII layer over sqlite3: a connection, prepared statements and a transaction guard.
// Every failure comes back as a pk::Error whose message names the file, what was being done
// and SQLite's own explanation, so a technician reading a log knows what happened.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pk::store {

enum class OpenMode { ReadOnly, ReadWriteCreate };

struct OpenOptions {
  OpenMode mode = OpenMode::ReadWriteCreate;
  // Name of a registered sqlite3 VFS; empty means SQLite's default. Tests use this to inject faults.
  std::string vfs_name;
  int busy_timeout_ms = 5000;
};

// Builds the Error for a failed SQLite call. For a full disk or an I/O error it says so first,
// in words, because that is what the person at the terminal has to act on.
[[nodiscard]] Error sqlite_error(sqlite3* db, int rc, std::string_view doing,
                                 const std::filesystem::path& file);

enum class StepResult { Row, Done };

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, sqlite3* db, const std::filesystem::path* file);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. A failed bind is remembered and reported by step(),
  // so call sites read as a plain list of binds.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::span<const uint8_t> blob);
  Statement& bind(int index, const std::optional<int64_t>& value);
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind_null(int index);
  // Strings and literals would otherwise be ambiguous between string_view and optional<string>.
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }

  [[nodiscard]] Result<StepResult> step();
  // Runs a statement that returns no rows to completion.
  [[nodiscard]] Result<void> run();
  void reset();

  [[nodiscard]] bool column_is_null(int index) const;
  [[nodiscard]] int64_t column_int64(int index) const;
  [[nodiscard]] std::string column_text(int index) const;
  [[nodiscard]] std::vector<uint8_t> column_blob(int index) const;
  [[nodiscard]] std::optional<int64_t> column_optional_int64(int index) const;
  [[nodiscard]] std::optional<std::string> column_optional_text(int index) const;

 private:
  void note_bind(int rc, int index);

  sqlite3_stmt* m_stmt = nullptr;
  sqlite3* m_db = nullptr;
  const std::filesystem::path* m_file = nullptr;
  int m_bind_rc = 0;
  int m_bind_index = 0;
};

class Database {
 public:
  [[nodiscard]] static Result<Database> open(const std::filesystem::path& file, const OpenOptions& options);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database() = default;

  [[nodiscard]] Result<Statement> prepare(std::string_view sql);
  // Runs one or more statements that return no rows (schema scripts, pragmas).
  [[nodiscard]] Result<void> exec(std::string_view sql);
  // Runs a query whose first row's first column is an integer (pragmas, counts).
  [[nodiscard]] Result<int64_t> query_int64(std::string_view sql);
  [[nodiscard]] Result<std::string> query_text(std::string_view sql);

  [[nodiscard]] int64_t last_insert_rowid() const;
  [[nodiscard]] int64_t changes() const;
  [[nodiscard]] bool in_transaction() const;
  [[nodiscard]] const std::filesystem::path& path() const { return *m_file; }
  [[nodiscard]] sqlite3* handle() const { return m_db.get(); }
  [[nodiscard]] Error error(int rc, std::string_view doing) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::filesystem::path file);

  std::unique_ptr<sqlite3, Closer> m_db;
  // Held by pointer so statements can name the file even after the Database is moved.
  std::unique_ptr<std::filesystem::path> m_file;
};

enum class TransactionKind {
  // Takes the write lock at BEGIN, so a write never fails half-way with SQLITE_BUSY on upgrade.
  Immediate,
  Deferred,
};

// Rolls back on destruction unless commit() succeeded: an early return or an exception leaves
// nothing half-written.
class Transaction {
 public:
  [[nodiscard]] static Result<Transaction> begin(Database& db,
                                                 TransactionKind kind = TransactionKind::Immediate);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Returns only once SQLite reports the COMMIT done; with synchronous=FULL that means fsynced.
  [[nodiscard]] Result<void> commit();

 private:
  explicit Transaction(Database& db) : m_db(&db) {}
  void rollback();

  Database* m_db = nullptr;
  bool m_open = false;
};

}  // namespace pk::store
