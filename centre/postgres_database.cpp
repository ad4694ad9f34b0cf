#include "centre/postgres_database.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace pk::centre::pg {
namespace {

// Type OIDs (catalog/pg_type.dat): parameters are typed, so no statement depends on inference.
constexpr unsigned kBool = 16;
constexpr unsigned kBytea = 17;
constexpr unsigned kInt8 = 20;
constexpr unsigned kText = 25;

// libpq's messages end in a newline (sometimes two lines): one line for a log.
std::string one_line(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::string flat;
  for (char c : text) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c != ' ' || flat.empty() || flat.back() != ' ') flat += c;
  }
  text = std::move(flat);
  return text.empty() ? "no message from libpq" : text;
}

// postgresql://user:secret@host/db -> postgresql://user:***@host/db (and password=... too).
std::string without_password(const std::string& url) {
  std::string out = url;
  if (const auto scheme = out.find("://"); scheme != std::string::npos) {
    const auto at = out.find('@', scheme + 3);
    const auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  if (const auto key = out.find("password="); key != std::string::npos) {
    const auto end = out.find_first_of("& ", key);
    out.replace(key + 9, (end == std::string::npos ? out.size() : end) - key - 9, "***");
  }
  return out;
}

void ignore_notice(void*, const char*) {}  // "relation ... already exists, skipping" and the like

}  // namespace

// --- Params

void Params::add(unsigned type, std::optional<std::string> value, int format) {
  m_values.push_back(std::move(value));
  m_types.push_back(type);
  m_formats.push_back(format);
}

Params& Params::text(std::string_view value) {
  add(kText, std::string(value), 0);
  return *this;
}

Params& Params::nullable_text(const std::optional<std::string>& value) {
  add(kText, value, 0);
  return *this;
}

Params& Params::int64(int64_t value) {
  add(kInt8, std::to_string(value), 0);
  return *this;
}

Params& Params::int64(const std::optional<int64_t>& value) {
  add(kInt8, value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt, 0);
  return *this;
}

Params& Params::boolean(bool value) {
  add(kBool, std::string(value ? "t" : "f"), 0);
  return *this;
}

Params& Params::bytes(std::span<const uint8_t> value) {
  add(kBytea, std::string(reinterpret_cast<const char*>(value.data()), value.size()), 1);
  return *this;
}

// --- Rows

Rows::Rows(pg_result* result, bool binary) : m_result(result), m_binary(binary) {}

Rows::Rows(Rows&& other) noexcept : m_result(other.m_result), m_binary(other.m_binary) {
  other.m_result = nullptr;
}

Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    if (m_result != nullptr) PQclear(m_result);
    m_result = other.m_result;
    m_binary = other.m_binary;
    other.m_result = nullptr;
  }
  return *this;
}

Rows::~Rows() {
  if (m_result != nullptr) PQclear(m_result);
}

int Rows::size() const { return m_result != nullptr ? PQntuples(m_result) : 0; }

int64_t Rows::affected() const {
  if (m_result == nullptr) return 0;
  const char* count = PQcmdTuples(m_result);
  int64_t value = 0;
  std::from_chars(count, count + std::strlen(count), value);
  return value;
}

bool Rows::is_null(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }

std::string Rows::text(int row, int column) const {
  return std::string(PQgetvalue(m_result, row, column),
                     static_cast<size_t>(PQgetlength(m_result, row, column)));
}

std::optional<std::string> Rows::optional_text(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

int64_t Rows::int64(int row, int column) const {
  const char* value = PQgetvalue(m_result, row, column);
  int64_t number = 0;
  std::from_chars(value, value + PQgetlength(m_result, row, column), number);
  return number;
}

std::optional<int64_t> Rows::optional_int64(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return int64(row, column);
}

bool Rows::boolean(int row, int column) const { return PQgetvalue(m_result, row, column)[0] == 't'; }

std::span<const uint8_t> Rows::raw(int row, int column) const {
  return {reinterpret_cast<const uint8_t*>(PQgetvalue(m_result, row, column)),
          static_cast<size_t>(PQgetlength(m_result, row, column))};
}

std::vector<uint8_t> Rows::bytes(int row, int column) const {
  if (m_binary) {
    const auto data = raw(row, column);
    return {data.begin(), data.end()};
  }
  size_t length = 0;
  unsigned char* decoded =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, row, column)), &length);
  if (decoded == nullptr) return {};
  std::vector<uint8_t> out(decoded, decoded + length);
  PQfreemem(decoded);
  return out;
}

// --- Connection

Connection::Connection(std::string url, std::string display)
    : m_url(std::move(url)), m_display(std::move(display)) {}

Connection::~Connection() { close(); }

void Connection::close() {
  if (m_conn != nullptr) PQfinish(m_conn);
  m_conn = nullptr;
  m_prepared.clear();  // prepared statements live and die with their server session
}

std::string Connection::prepared_name(const std::string& sql, const Params& params, PGresult** refusal) {
  // Without parameters: BEGIN, COMMIT, ROLLBACK and a few rare reads; not worth a name.
  constexpr size_t kMostPrepared = 256;
  if (params.count() == 0) return {};
  std::string key = sql;
  key.push_back('\0');
  for (const unsigned type : params.m_types) key += std::to_string(type) + ",";
  if (auto it = m_prepared.find(key); it != m_prepared.end()) return it->second;
  if (m_prepared.size() >= kMostPrepared) return {};
  std::string name = "pk_" + std::to_string(m_prepared.size() + 1);
  PGresult* prepared = PQprepare(m_conn, name.c_str(), sql.c_str(), params.count(), params.m_types.data());
  if (prepared == nullptr || PQresultStatus(prepared) != PGRES_COMMAND_OK) {
    *refusal = prepared;
    return {};
  }
  PQclear(prepared);
  m_prepared.emplace(std::move(key), name);
  return name;
}

bool Connection::broken() const { return m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK; }

Result<void> Connection::ensure_open() {
  if (m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK) return {};
  close();
  const char* keywords[] = {"dbname", "fallback_application_name", "connect_timeout", nullptr};
  const char* values[] = {m_url.c_str(), "pishkhan-centre", "10", nullptr};
  m_conn = PQconnectdbParams(keywords, values, 1);
  if (m_conn == nullptr)
    return make_error("cannot connect to PostgreSQL at " + m_display + ": out of memory");
  if (PQstatus(m_conn) != CONNECTION_OK) {
    const std::string message = one_line(PQerrorMessage(m_conn));
    close();
    return make_error("cannot connect to PostgreSQL at " + m_display + ": " + message);
  }
  PQsetNoticeProcessor(m_conn, ignore_notice, nullptr);
  // Every acknowledged write has committed to disk, whatever the server's default says.
  PGresult* set = PQexec(m_conn,
                         "SET synchronous_commit = on; SET client_min_messages = warning; "
                         "SET client_encoding = 'UTF8'");
  const bool ok = set != nullptr && PQresultStatus(set) == PGRES_COMMAND_OK;
  const std::string message = ok ? "" : one_line(PQerrorMessage(m_conn));
  if (set != nullptr) PQclear(set);
  if (!ok) {
    close();
    return make_error("PostgreSQL at " + m_display + ": cannot set up the session: " + message);
  }
  return {};
}

Result<Rows> Connection::exec(std::string_view sql, const Params& params, Format format) {
  m_sqlstate.clear();
  if (auto opened = ensure_open(); !opened) return opened.error();
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const auto& value : params.m_values) {
    values.push_back(value ? value->data() : nullptr);
    lengths.push_back(value ? static_cast<int>(value->size()) : 0);
  }
  const std::string statement(sql);
  PGresult* refusal = nullptr;
  const std::string name = prepared_name(statement, params, &refusal);
  const int result_format = format == Format::Binary ? 1 : 0;
  PGresult* result = refusal != nullptr ? refusal
                     : name.empty()
                         ? PQexecParams(m_conn, statement.c_str(), params.count(), params.m_types.data(),
                                        values.data(), lengths.data(), params.m_formats.data(), result_format)
                         : PQexecPrepared(m_conn, name.c_str(), params.count(), values.data(), lengths.data(),
                                          params.m_formats.data(), result_format);
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(result, format == Format::Binary);
  std::string message;
  if (result != nullptr) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    m_sqlstate = state != nullptr ? state : "";
    message = one_line(PQresultErrorMessage(result));
    PQclear(result);
  }
  if (PQstatus(m_conn) != CONNECTION_OK) {
    const std::string lost = one_line(PQerrorMessage(m_conn));
    close();  // opened again on the next use
    return make_error("the connection to PostgreSQL at " + m_display + " was lost (" + lost + ")");
  }
  if (message.empty()) message = one_line(PQerrorMessage(m_conn));
  return make_error(message + (m_sqlstate.empty() ? "" : " (SQLSTATE " + m_sqlstate + ")"));
}

Result<void> Connection::exec_script(std::string_view sql) {
  m_sqlstate.clear();
  if (auto opened = ensure_open(); !opened) return opened.error();
  const std::string script(sql);
  PGresult* result = PQexec(m_conn, script.c_str());
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    PQclear(result);
    return {};
  }
  std::string message;
  if (result != nullptr) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    m_sqlstate = state != nullptr ? state : "";
    message = one_line(PQresultErrorMessage(result));
    PQclear(result);
  }
  if (PQstatus(m_conn) != CONNECTION_OK) {
    const std::string lost = one_line(PQerrorMessage(m_conn));
    close();
    return make_error("the connection to PostgreSQL at " + m_display + " was lost (" + lost + ")");
  }
  return make_error(message + (m_sqlstate.empty() ? "" : " (SQLSTATE " + m_sqlstate + ")"));
}

// --- Pool

Pool::Pool(std::string url, std::string display, int size) : m_display(std::move(display)) {
  for (int i = 0; i < size; ++i) m_connections.push_back(std::make_unique<Connection>(url, m_display));
  m_busy.assign(m_connections.size(), false);
}

Pool::~Pool() = default;

Result<std::shared_ptr<Pool>> Pool::open(const std::string& url, int size) {
  if (size < 1) return make_error("PostgreSQL: the pool needs at least one connection");
  std::shared_ptr<Pool> pool(new Pool(url, without_password(url), size));
  if (auto opened = pool->m_connections.front()->ensure_open(); !opened) return opened.error();
  return pool;
}

Pool::Lease::~Lease() {
  if (m_pool != nullptr) m_pool->release(m_slot);
}

Connection& Pool::Lease::operator*() const { return *m_pool->m_connections[m_slot]; }

Result<Pool::Lease> Pool::acquire() {
  size_t slot = 0;
  {
    std::unique_lock lock(m_mutex);
    for (;;) {
      bool found = false;
      for (size_t i = 0; i < m_busy.size(); ++i) {
        if (!m_busy[i]) {
          slot = i;
          found = true;
          break;
        }
      }
      if (found) break;
      m_free.wait(lock);
    }
    m_busy[slot] = true;
  }
  Lease lease(*this, slot);
  if (auto opened = m_connections[slot]->ensure_open(); !opened) return opened.error();
  return lease;
}

Result<void> Pool::execute(std::string_view what, std::string_view sql, const Params& params) {
  auto done = transaction<bool>(what, [&](Connection& c) -> Result<bool> {
    auto ran = c.exec(sql, params);
    if (!ran) return ran.error();
    return true;
  });
  if (!done) return done.error();
  return {};
}

void Pool::release(size_t slot) {
  {
    std::lock_guard lock(m_mutex);
    m_busy[slot] = false;
  }
  m_free.notify_one();
}

Error Pool::failure(std::string_view what, const Error& error) const {
  return make_error(std::string(what) + ": " + error.message);
}

bool Pool::retryable(const Connection& connection) {
  const std::string& state = connection.last_sqlstate();
  // 40001 serialization_failure, 40P01 deadlock_detected; a lost connection stored nothing
  // (transaction() never retries a lost COMMIT).
  return connection.broken() || state == "40001" || state == "40P01";
}

Result<std::shared_ptr<Pool>> open_database(const std::string& url, int pool_size) {
  auto pool = Pool::open(url, pool_size);
  if (!pool) return pool.error();
  if (auto migrated = migrate(**pool); !migrated) return migrated.error();
  return pool;
}

}  // namespace pk::centre::pg
