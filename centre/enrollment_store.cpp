#include "centre/enrollment_store.h"

#include <mutex>

#include "base/database.h"
#include "protocol/enrollment_code.h"

namespace pk::centre {
namespace {

using store::Database;
using store::StepResult;
using store::Transaction;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  office TEXT NOT NULL,
  issued_unix INTEGER NOT NULL,
  expires_unix INTEGER NOT NULL,
  used_unix INTEGER,
  used_key_sha256 TEXT,
  used_cert_sha256 TEXT,
  reply TEXT
);
CREATE TABLE IF NOT EXISTS terminals (
  terminal_id TEXT PRIMARY KEY,
  office TEXT NOT NULL,
  terminal_number INTEGER NOT NULL UNIQUE,
  enrolled_unix INTEGER NOT NULL,
  revoked_unix INTEGER
);
CREATE TABLE IF NOT EXISTS certificates (
  cert_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals(terminal_id),
  key_sha256 TEXT NOT NULL,
  issued_unix INTEGER NOT NULL,
  revoked_unix INTEGER
);
CREATE INDEX IF NOT EXISTS certificates_by_terminal ON certificates(terminal_id);
-- Numbers a terminal held before it was enrolled again: never handed out a second time.
CREATE TABLE IF NOT EXISTS retired_numbers (terminal_number INTEGER PRIMARY KEY);
)sql";

class SqliteEnrollmentStore final : public EnrollmentStore {
 public:
  explicit SqliteEnrollmentStore(Database db) : m_db(std::move(db)) {}

  Result<CodeCheck> check_code(const std::string& code_sha256, int64_t now_unix) override;
  Result<std::string> complete_enrollment(const std::string& code_sha256, const std::string& key_sha256,
                                          const IssuedCertificate& cert, int64_t now_unix,
                                          const std::function<std::string(int)>& make_reply) override;
  Result<Authorisation> authorise(const std::string& cert_sha256) override;
  Result<int> revoke_terminal(const std::string& terminal_id, int64_t now_unix) override;
  Result<std::vector<TerminalRecord>> terminals() override;

 protected:
  Result<void> insert_code(const std::string& code_sha256, const std::string& terminal_id,
                           const std::string& office, int64_t now_unix, int64_t expires_unix) override;

 private:
  std::mutex m_mutex;
  Database m_db;
};

}  // namespace

Result<std::unique_ptr<EnrollmentStore>> EnrollmentStore::open(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  auto db = Database::open(data_dir / "enrollment.sqlite", {});
  if (!db) return db.error();
  if (auto pragmas = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !pragmas)
    return pragmas.error();
  if (auto schema = db->exec(kSchema); !schema) return schema.error();
  std::filesystem::permissions(data_dir / "enrollment.sqlite",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return std::unique_ptr<EnrollmentStore>(std::make_unique<SqliteEnrollmentStore>(std::move(db).value()));
}

Result<IssuedCode> EnrollmentStore::issue_code(const std::string& office, const std::string& terminal_id,
                                               int64_t now_unix, int64_t ttl_seconds) {
  if (terminal_id.empty() || terminal_id.size() > 64 || office.empty() || office.size() > 64)
    return make_error("enrollment code: the terminal id and office must be 1 to 64 characters");
  for (char c : terminal_id + office)
    if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\')
      return make_error(
          "enrollment code: the terminal id and office may not hold control characters or slashes");
  if (ttl_seconds <= 0) return make_error("enrollment code: the validity must be positive");
  IssuedCode issued{enroll::new_enrollment_code(), now_unix + ttl_seconds};
  if (issued.code.empty()) return make_error("enrollment code: no random numbers available");
  if (auto inserted = insert_code(enroll::enrollment_code_hash(issued.code), terminal_id, office, now_unix,
                                  issued.expires_unix);
      !inserted)
    return inserted.error();
  return issued;
}

Result<void> SqliteEnrollmentStore::insert_code(const std::string& code_sha256,
                                                const std::string& terminal_id, const std::string& office,
                                                int64_t now_unix, int64_t expires_unix) {
  std::lock_guard lock(m_mutex);
  auto insert = m_db.prepare(
      "INSERT INTO enrollment_codes (code_sha256, terminal_id, office, issued_unix, expires_unix) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.error();
  insert->bind(1, code_sha256).bind(2, terminal_id).bind(3, office).bind(4, now_unix).bind(5, expires_unix);
  return insert->run();
}

Result<CodeCheck> SqliteEnrollmentStore::check_code(const std::string& code_sha256, int64_t now_unix) {
  std::lock_guard lock(m_mutex);
  auto find = m_db.prepare(
      "SELECT terminal_id, office, expires_unix, used_unix, used_key_sha256, used_cert_sha256, reply "
      "FROM enrollment_codes WHERE code_sha256 = ?1");
  if (!find) return find.error();
  find->bind(1, code_sha256);
  auto row = find->step();
  if (!row) return row.error();
  CodeCheck check;
  if (*row != StepResult::Row) return check;
  check.terminal_id = find->column_text(0);
  check.office = find->column_text(1);
  check.expires_unix = find->column_int64(2);
  if (!find->column_is_null(3)) {
    check.state = CodeState::Used;
    check.used_key_sha256 = find->column_text(4);
    check.used_cert_sha256 = find->column_text(5);
    check.reply = find->column_text(6);
  } else {
    check.state = now_unix >= check.expires_unix ? CodeState::Expired : CodeState::Fresh;
  }
  return check;
}

Result<std::string> SqliteEnrollmentStore::complete_enrollment(
    const std::string& code_sha256, const std::string& key_sha256, const IssuedCertificate& cert,
    int64_t now_unix, const std::function<std::string(int)>& make_reply) {
  std::lock_guard lock(m_mutex);
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto code = m_db.prepare(
      "SELECT terminal_id, office FROM enrollment_codes WHERE code_sha256 = ?1 AND used_unix IS NULL "
      "AND expires_unix > ?2");
  if (!code) return code.error();
  code->bind(1, code_sha256).bind(2, now_unix);
  auto row = code->step();
  if (!row) return row.error();
  if (*row != StepResult::Row) return make_error("enrollment code is no longer valid");
  const std::string terminal_id = code->column_text(0);
  const std::string office = code->column_text(1);

  // Retire the number the terminal had, revoke its certificates, then give it a fresh number.
  auto retire = m_db.prepare(
      "INSERT OR IGNORE INTO retired_numbers SELECT terminal_number FROM terminals WHERE terminal_id = ?1");
  if (!retire) return retire.error();
  retire->bind(1, terminal_id);
  if (auto ran = retire->run(); !ran) return ran.error();
  auto revoke = m_db.prepare(
      "UPDATE certificates SET revoked_unix = ?2 WHERE terminal_id = ?1 AND revoked_unix IS NULL");
  if (!revoke) return revoke.error();
  revoke->bind(1, terminal_id).bind(2, now_unix);
  if (auto ran = revoke->run(); !ran) return ran.error();
  auto highest = m_db.query_int64(
      "SELECT MAX(IFNULL((SELECT MAX(terminal_number) FROM terminals), 0), "
      "IFNULL((SELECT MAX(terminal_number) FROM retired_numbers), 0))");
  if (!highest) return highest.error();
  const int number = static_cast<int>(*highest) + 1;
  if (number > kMaxTerminalNumber)
    return make_error("every terminal number up to " + std::to_string(kMaxTerminalNumber) + " has been used");
  const std::string reply = make_reply(number);

  auto terminal = m_db.prepare(
      "INSERT INTO terminals (terminal_id, office, terminal_number, enrolled_unix) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(terminal_id) DO UPDATE SET office = excluded.office, terminal_number = "
      "excluded.terminal_number, enrolled_unix = excluded.enrolled_unix, revoked_unix = NULL");
  if (!terminal) return terminal.error();
  terminal->bind(1, terminal_id).bind(2, office).bind(3, int64_t{number}).bind(4, now_unix);
  if (auto ran = terminal->run(); !ran) return ran.error();
  auto certificate = m_db.prepare(
      "INSERT INTO certificates (cert_sha256, terminal_id, key_sha256, issued_unix) VALUES (?1, ?2, ?3, ?4)");
  if (!certificate) return certificate.error();
  certificate->bind(1, cert.sha256).bind(2, terminal_id).bind(3, key_sha256).bind(4, now_unix);
  if (auto ran = certificate->run(); !ran) return ran.error();
  auto used = m_db.prepare(
      "UPDATE enrollment_codes SET used_unix = ?2, used_key_sha256 = ?3, used_cert_sha256 = ?4, reply = ?5 "
      "WHERE code_sha256 = ?1");
  if (!used) return used.error();
  used->bind(1, code_sha256).bind(2, now_unix).bind(3, key_sha256).bind(4, cert.sha256).bind(5, reply);
  if (auto ran = used->run(); !ran) return ran.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return reply;
}

Result<Authorisation> SqliteEnrollmentStore::authorise(const std::string& cert_sha256) {
  std::lock_guard lock(m_mutex);
  auto find = m_db.prepare(
      "SELECT c.terminal_id, c.revoked_unix IS NOT NULL OR t.terminal_id IS NULL OR t.revoked_unix IS NOT NULL, "
      "  IFNULL(t.terminal_number, 0) "
      "FROM certificates c LEFT JOIN terminals t ON t.terminal_id = c.terminal_id WHERE c.cert_sha256 = ?1");
  if (!find) return find.error();
  find->bind(1, cert_sha256);
  auto row = find->step();
  if (!row) return row.error();
  Authorisation authorisation;
  if (*row != StepResult::Row) return authorisation;
  authorisation.terminal_id = find->column_text(0);
  authorisation.state = find->column_int64(1) != 0 ? CertificateState::Revoked : CertificateState::Active;
  authorisation.terminal_number = static_cast<int>(find->column_int64(2));
  return authorisation;
}

Result<std::vector<TerminalRecord>> SqliteEnrollmentStore::terminals() {
  std::lock_guard lock(m_mutex);
  auto query = m_db.prepare(
      "SELECT t.terminal_id, t.office, t.terminal_number, t.enrolled_unix, t.revoked_unix, "
      "  (SELECT max(issued_unix) FROM certificates c WHERE c.terminal_id = t.terminal_id) "
      "FROM terminals t ORDER BY t.terminal_id");
  if (!query) return query.error();
  std::vector<TerminalRecord> list;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    TerminalRecord record;
    record.terminal_id = query->column_text(0);
    record.office = query->column_text(1);
    record.terminal_number = static_cast<int>(query->column_int64(2));
    record.enrolled_unix = query->column_int64(3);
    record.state = query->column_is_null(4) ? CertificateState::Active : CertificateState::Revoked;
    if (const auto issued = query->column_optional_int64(5))
      record.certificate_expires_unix = *issued + kTerminalCertificateDays * 24 * 60 * 60;
    list.push_back(std::move(record));
  }
  return list;
}

Result<int> SqliteEnrollmentStore::revoke_terminal(const std::string& terminal_id, int64_t now_unix) {
  std::lock_guard lock(m_mutex);
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto terminal =
      m_db.prepare("UPDATE terminals SET revoked_unix = IFNULL(revoked_unix, ?2) WHERE terminal_id = ?1");
  if (!terminal) return terminal.error();
  terminal->bind(1, terminal_id).bind(2, now_unix);
  if (auto ran = terminal->run(); !ran) return ran.error();
  if (m_db.changes() == 0) return make_error("no terminal " + terminal_id + " has enrolled with this centre");
  auto certificates = m_db.prepare(
      "UPDATE certificates SET revoked_unix = ?2 WHERE terminal_id = ?1 AND revoked_unix IS NULL");
  if (!certificates) return certificates.error();
  certificates->bind(1, terminal_id).bind(2, now_unix);
  if (auto ran = certificates->run(); !ran) return ran.error();
  const int revoked = static_cast<int>(m_db.changes());
  // Unused codes for it are void too: revoking means "this box is not to be trusted".
  auto codes = m_db.prepare(
      "UPDATE enrollment_codes SET expires_unix = MIN(expires_unix, ?2) WHERE terminal_id = ?1 AND used_unix IS NULL");
  if (!codes) return codes.error();
  codes->bind(1, terminal_id).bind(2, now_unix);
  if (auto ran = codes->run(); !ran) return ran.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return revoked;
}

}  // namespace pk::centre
