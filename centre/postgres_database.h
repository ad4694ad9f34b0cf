#pragma once
// The centre's PostgreSQL plumbing over libpq (no other client library): a small fixed pool of
// connections, statements with typed parameters, transactions that retry what is safe to retry,
// and the versioned schema migrations every PostgreSQL-backed store shares.
//
//  - Pool: `size` connections per process, each used by one thread at a time (acquire() waits
//    for a free one), so a slow request does not stall the others. A connection found broken is
//    opened again on the next acquire(); every connection runs with synchronous_commit = on, so
//    a COMMIT that returned is on the server's disk.
//  - transaction(): BEGIN, the body, COMMIT. Tried again (at most 3 times in all) when the
//    connection was lost before COMMIT was sent (nothing can have been stored) and on a
//    serialisation failure or deadlock; a connection lost during COMMIT is reported, never
//    retried (the change may or may not be stored). Errors name the operation and carry the
//    server's message and SQLSTATE.
//  - migrate(): under a session advisory lock, applies each migration not yet recorded in
//    schema_migrations, each in its own transaction, so two centre instances starting at once
//    apply every migration exactly once; a database migrated by a newer centre is refused.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.h"

struct pg_conn;
struct pg_result;

namespace pk::centre::pg {

// Statement parameters, $1, $2, ... in the order they are added.
class Params {
 public:
  Params() = default;
  Params& text(std::string_view value);
  Params& nullable_text(const std::optional<std::string>& value);
  Params& int64(int64_t value);
  Params& int64(const std::optional<int64_t>& value);
  Params& boolean(bool value);
  Params& bytes(std::span<const uint8_t> value);  // bytea, sent in binary

  [[nodiscard]] int count() const { return static_cast<int>(m_values.size()); }

 private:
  friend class Connection;
  void add(unsigned type, std::optional<std::string> value, int format);

  std::vector<std::optional<std::string>> m_values;
  std::vector<unsigned> m_types;
  std::vector<int> m_formats;
};

// A statement's result rows (owns the PGresult).
class Rows {
 public:
  Rows() = default;
  Rows(pg_result* result, bool binary);
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();

  [[nodiscard]] int size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
  // Rows changed by an INSERT, UPDATE or DELETE.
  [[nodiscard]] int64_t affected() const;
  [[nodiscard]] bool is_null(int row, int column) const;
  [[nodiscard]] std::string text(int row, int column) const;
  [[nodiscard]] std::optional<std::string> optional_text(int row, int column) const;
  [[nodiscard]] int64_t int64(int row, int column) const;  // a text result's integer column
  [[nodiscard]] std::optional<int64_t> optional_int64(int row, int column) const;
  [[nodiscard]] bool boolean(int row, int column) const;  // 't' / 'f'
  // A bytea column: raw in a binary result, unescaped in a text one.
  [[nodiscard]] std::vector<uint8_t> bytes(int row, int column) const;
  [[nodiscard]] std::span<const uint8_t> raw(int row, int column) const;  // binary results only

 private:
  pg_result* m_result = nullptr;
  bool m_binary = false;
};

enum class Format { Text, Binary };

// One server connection. Not thread-safe: a Pool hands it to one thread at a time.
class Connection {
 public:
  Connection(std::string url, std::string display);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Opens the connection if it is not open, or is broken.
  [[nodiscard]] Result<void> ensure_open();
  // A statement with parameters is prepared on this connection the first time it runs and
  // executed by name after that: the server parses and plans it once per connection, not on
  // every call (see prepared_name()).
  [[nodiscard]] Result<Rows> exec(std::string_view sql, const Params& params = {},
                                  Format format = Format::Text);
  // Several statements without parameters (a migration), in the simple query protocol.
  [[nodiscard]] Result<void> exec_script(std::string_view sql);
  // Whether the last failure lost the connection (it is opened again on the next use).
  [[nodiscard]] bool broken() const;
  // The SQLSTATE of the last failed statement ("" when none, or when the connection was lost).
  [[nodiscard]] const std::string& last_sqlstate() const { return m_sqlstate; }
  [[nodiscard]] const std::string& display() const { return m_display; }

 private:
  void close();
  // The server-side name of `sql` prepared with `params`' types, preparing it on first use; ""
  // when it is not to be prepared (no parameters, or the cache is full). When the server refuses
  // to prepare it (a bad statement, an aborted transaction), `*refusal` is its result, to be
  // reported as the statement's own failure would be.
  [[nodiscard]] std::string prepared_name(const std::string& sql, const Params& params, pg_result** refusal);

  std::string m_url;
  std::string m_display;  // the URL without its password, for messages
  pg_conn* m_conn = nullptr;
  std::string m_sqlstate;
  // Statements prepared on m_conn (forgotten when it closes): SQL and parameter types -> name.
  // Bounded: the centre's statements are a fixed set of constant texts.
  std::unordered_map<std::string, std::string> m_prepared;
};

class Pool {
 public:
  // Connects one connection at once (so a wrong URL or a server that is down is reported when
  // the centre starts); the others are opened when first needed.
  [[nodiscard]] static Result<std::shared_ptr<Pool>> open(const std::string& url, int size = 8);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool();

  // The URL without its password, for messages.
  [[nodiscard]] const std::string& display() const { return m_display; }

  class Lease {
   public:
    Lease(Pool& pool, size_t slot) : m_pool(&pool), m_slot(slot) {}
    Lease(Lease&& other) noexcept : m_pool(other.m_pool), m_slot(other.m_slot) { other.m_pool = nullptr; }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const;
    Connection* operator->() const { return &**this; }

   private:
    Pool* m_pool;
    size_t m_slot;
  };
  // Waits for a free connection and opens it when needed.
  [[nodiscard]] Result<Lease> acquire();

  // `body` inside BEGIN ... COMMIT (see the top of this file for what is retried).
  template <class T>
  [[nodiscard]] Result<T> transaction(std::string_view what,
                                      const std::function<Result<T>(Connection&)>& body);
  // One statement (an INSERT, UPDATE or DELETE) in a transaction of its own.
  [[nodiscard]] Result<void> execute(std::string_view what, std::string_view sql, const Params& params);
  // `body` without a transaction of its own (each statement commits by itself): for reads.
  // Tried again when the connection was lost.
  template <class T>
  [[nodiscard]] Result<T> read(std::string_view what, const std::function<Result<T>(Connection&)>& body);

 private:
  Pool(std::string url, std::string display, int size);
  void release(size_t slot);
  [[nodiscard]] Error failure(std::string_view what, const Error& error) const;
  // Whether a body that failed on `connection` may run again from the start.
  [[nodiscard]] static bool retryable(const Connection& connection);

  std::string m_display;
  std::vector<std::unique_ptr<Connection>> m_connections;
  std::vector<bool> m_busy;
  std::mutex m_mutex;
  std::condition_variable m_free;
};

inline constexpr int kAttempts = 3;

template <class T>
Result<T> Pool::transaction(std::string_view what, const std::function<Result<T>(Connection&)>& body) {
  for (int attempt = 1;; ++attempt) {
    auto lease = acquire();
    if (!lease) return failure(what, lease.error());
    Connection& connection = **lease;
    auto begun = connection.exec("BEGIN");
    if (!begun) {
      if (retryable(connection) && attempt < kAttempts) continue;
      return failure(what, begun.error());
    }
    Result<T> result = body(connection);
    if (!result) {
      const bool again = retryable(connection) && attempt < kAttempts;
      if (!connection.broken()) (void)connection.exec("ROLLBACK");
      if (again) continue;
      return failure(what, result.error());
    }
    auto committed = connection.exec("COMMIT");
    if (!committed) {
      if (connection.broken())
        return failure(what, make_error("the connection was lost during COMMIT: the change may or may not be "
                                        "stored (" +
                                        committed.error().message + ")"));
      (void)connection.exec("ROLLBACK");
      if (retryable(connection) && attempt < kAttempts) continue;
      return failure(what, committed.error());
    }
    return result;
  }
}

template <class T>
Result<T> Pool::read(std::string_view what, const std::function<Result<T>(Connection&)>& body) {
  for (int attempt = 1;; ++attempt) {
    auto lease = acquire();
    if (!lease) return failure(what, lease.error());
    Result<T> result = body(**lease);
    if (!result) {
      if (retryable(**lease) && attempt < kAttempts) continue;
      return failure(what, result.error());
    }
    return result;
  }
}

// Applies the centre's schema migrations (centre/postgres_migrations.cpp) that `pool`'s
// database has not had yet.
[[nodiscard]] Result<void> migrate(Pool& pool);
// The newest schema version this build knows.
[[nodiscard]] int latest_schema_version();

// Pool::open() then migrate(): what every PostgreSQL-backed store starts from.
[[nodiscard]] Result<std::shared_ptr<Pool>> open_database(const std::string& url, int pool_size = 8);

}  // namespace pk::centre::pg
