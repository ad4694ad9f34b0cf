// EnrollmentStore on PostgreSQL: the same records and rules as the SQLite store
// (centre/enrollment_store.cpp), safe for several centre instances sharing the database.
#include "centre/enrollment_store.h"
#include "centre/postgres_database.h"

namespace pk::centre {
namespace {

using pg::Connection;
using pg::Params;

// Every enrollment takes this transaction-scoped lock ("pkenroll" in ASCII): terminal numbers
// are the highest ever given plus one, so two enrollments must not pick one at the same time.
constexpr int64_t kEnrollmentLock = 0x706b656e726f6c6c;

class PostgresEnrollmentStore final : public EnrollmentStore {
 public:
  explicit PostgresEnrollmentStore(std::shared_ptr<pg::Pool> pool) : m_pool(std::move(pool)) {}

  Result<CodeCheck> check_code(const std::string& code_sha256, int64_t now_unix) override {
    return m_pool->read<CodeCheck>("enrollment: check a code", [&](Connection& c) -> Result<CodeCheck> {
      auto rows = c.exec(
          "SELECT terminal_id, office, expires_unix, used_unix, used_key_sha256, used_cert_sha256, reply "
          "FROM enrollment_codes WHERE code_sha256 = $1",
          Params().text(code_sha256));
      if (!rows) return rows.error();
      CodeCheck check;
      if (rows->empty()) return check;
      check.terminal_id = rows->text(0, 0);
      check.office = rows->text(0, 1);
      check.expires_unix = rows->int64(0, 2);
      if (!rows->is_null(0, 3)) {
        check.state = CodeState::Used;
        check.used_key_sha256 = rows->text(0, 4);
        check.used_cert_sha256 = rows->text(0, 5);
        check.reply = rows->text(0, 6);
      } else {
        check.state = now_unix >= check.expires_unix ? CodeState::Expired : CodeState::Fresh;
      }
      return check;
    });
  }

  Result<std::string> complete_enrollment(const std::string& code_sha256, const std::string& key_sha256,
                                          const IssuedCertificate& cert, int64_t now_unix,
                                          const std::function<std::string(int)>& make_reply) override {
    // nullopt: the code is no longer fresh; an error string: no number left.
    using Outcome = std::optional<std::pair<bool, std::string>>;  // (ok, reply or message)
    auto outcome = m_pool->transaction<Outcome>("enrollment: record", [&](Connection& c) -> Result<Outcome> {
      if (auto locked = c.exec("SELECT pg_advisory_xact_lock($1)", Params().int64(kEnrollmentLock)); !locked)
        return locked.error();
      // The code's row stays locked to the end: a second instance using it waits, then finds
      // it used.
      auto code = c.exec(
          "SELECT terminal_id, office FROM enrollment_codes WHERE code_sha256 = $1 AND used_unix IS NULL "
          "AND expires_unix > $2 FOR UPDATE",
          Params().text(code_sha256).int64(now_unix));
      if (!code) return code.error();
      if (code->empty()) return Outcome();
      const std::string terminal_id = code->text(0, 0);
      const std::string office = code->text(0, 1);

      // Retire the number the terminal had, revoke its certificates, then give it a fresh number.
      auto retire = c.exec(
          "INSERT INTO retired_numbers SELECT terminal_number FROM terminals WHERE terminal_id = $1 "
          "ON CONFLICT DO NOTHING",
          Params().text(terminal_id));
      if (!retire) return retire.error();
      auto revoke =
          c.exec("UPDATE certificates SET revoked_unix = $2 WHERE terminal_id = $1 AND revoked_unix IS NULL",
                 Params().text(terminal_id).int64(now_unix));
      if (!revoke) return revoke.error();
      auto highest = c.exec(
          "SELECT greatest(coalesce((SELECT max(terminal_number) FROM terminals), 0), "
          "coalesce((SELECT max(terminal_number) FROM retired_numbers), 0))");
      if (!highest) return highest.error();
      const int number = static_cast<int>(highest->int64(0, 0)) + 1;
      if (number > kMaxTerminalNumber)
        return Outcome(std::pair(
            false, "every terminal number up to " + std::to_string(kMaxTerminalNumber) + " has been used"));
      const std::string reply = make_reply(number);
      auto terminal = c.exec(
          "INSERT INTO terminals (terminal_id, office, terminal_number, enrolled_unix) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (terminal_id) DO UPDATE SET office = excluded.office, terminal_number = "
          "excluded.terminal_number, enrolled_unix = excluded.enrolled_unix, revoked_unix = NULL",
          Params().text(terminal_id).text(office).int64(number).int64(now_unix));
      if (!terminal) return terminal.error();
      auto certificate = c.exec(
          "INSERT INTO certificates (cert_sha256, terminal_id, key_sha256, issued_unix) VALUES ($1, $2, $3, $4)",
          Params().text(cert.sha256).text(terminal_id).text(key_sha256).int64(now_unix));
      if (!certificate) return certificate.error();
      auto used = c.exec(
          "UPDATE enrollment_codes SET used_unix = $2, used_key_sha256 = $3, used_cert_sha256 = $4, reply = $5 "
          "WHERE code_sha256 = $1",
          Params().text(code_sha256).int64(now_unix).text(key_sha256).text(cert.sha256).text(reply));
      if (!used) return used.error();
      return Outcome(std::pair(true, reply));
    });
    if (!outcome) return outcome.error();
    if (!*outcome) return make_error("enrollment code is no longer valid");
    if (!(*outcome)->first) return make_error((*outcome)->second);
    return (*outcome)->second;
  }

  Result<Authorisation> authorise(const std::string& cert_sha256) override {
    return m_pool->read<
        Authorisation>("enrollment: check a certificate", [&](Connection& c) -> Result<Authorisation> {
      auto rows = c.exec(
          "SELECT c.terminal_id, c.revoked_unix IS NOT NULL OR t.terminal_id IS NULL OR t.revoked_unix IS NOT NULL, "
          "coalesce(t.terminal_number, 0) FROM certificates c LEFT JOIN terminals t ON t.terminal_id = c.terminal_id WHERE c.cert_sha256 = $1",
          Params().text(cert_sha256));
      if (!rows) return rows.error();
      Authorisation authorisation;
      if (rows->empty()) return authorisation;
      authorisation.terminal_id = rows->text(0, 0);
      authorisation.state = rows->boolean(0, 1) ? CertificateState::Revoked : CertificateState::Active;
      authorisation.terminal_number = static_cast<int>(rows->int64(0, 2));
      return authorisation;
    });
  }

  Result<std::vector<TerminalRecord>> terminals() override {
    return m_pool->read<std::vector<TerminalRecord>>(
        "enrollment: list terminals", [](Connection& c) -> Result<std::vector<TerminalRecord>> {
          // Its latest certificate is the one it enrolled with last (the earlier ones are revoked).
          auto rows = c.exec(
              "SELECT t.terminal_id, t.office, t.terminal_number, t.enrolled_unix, t.revoked_unix IS NOT NULL, "
              "(SELECT max(issued_unix) FROM certificates c WHERE c.terminal_id = t.terminal_id) "
              "FROM terminals t ORDER BY t.terminal_id");
          if (!rows) return rows.error();
          std::vector<TerminalRecord> list;
          for (int i = 0; i < rows->size(); ++i) {
            TerminalRecord record;
            record.terminal_id = rows->text(i, 0);
            record.office = rows->text(i, 1);
            record.terminal_number = static_cast<int>(rows->int64(i, 2));
            record.enrolled_unix = rows->int64(i, 3);
            record.state = rows->boolean(i, 4) ? CertificateState::Revoked : CertificateState::Active;
            if (const auto issued = rows->optional_int64(i, 5))
              record.certificate_expires_unix = *issued + int64_t{kTerminalCertificateDays} * 24 * 60 * 60;
            list.push_back(std::move(record));
          }
          return list;
        });
  }

  Result<int> revoke_terminal(const std::string& terminal_id, int64_t now_unix) override {
    auto revoked = m_pool->transaction<std::optional<int>>(
        "enrollment: revoke " + terminal_id, [&](Connection& c) -> Result<std::optional<int>> {
          auto terminal =
              c.exec("UPDATE terminals SET revoked_unix = coalesce(revoked_unix, $2) WHERE terminal_id = $1",
                     Params().text(terminal_id).int64(now_unix));
          if (!terminal) return terminal.error();
          if (terminal->affected() == 0) return std::optional<int>();
          auto certificates = c.exec(
              "UPDATE certificates SET revoked_unix = $2 WHERE terminal_id = $1 AND revoked_unix IS NULL",
              Params().text(terminal_id).int64(now_unix));
          if (!certificates) return certificates.error();
          // Unused codes for it are void too: revoking means "this box is not to be trusted".
          auto codes = c.exec(
              "UPDATE enrollment_codes SET expires_unix = least(expires_unix, $2) WHERE terminal_id = $1 AND "
              "used_unix IS NULL",
              Params().text(terminal_id).int64(now_unix));
          if (!codes) return codes.error();
          return std::optional<int>(static_cast<int>(certificates->affected()));
        });
    if (!revoked) return revoked.error();
    if (!*revoked) return make_error("no terminal " + terminal_id + " has enrolled with this centre");
    return **revoked;
  }

 protected:
  Result<void> insert_code(const std::string& code_sha256, const std::string& terminal_id,
                           const std::string& office, int64_t now_unix, int64_t expires_unix) override {
    auto inserted = m_pool->transaction<bool>("enrollment: issue a code", [&](Connection& c) -> Result<bool> {
      auto rows = c.exec(
          "INSERT INTO enrollment_codes (code_sha256, terminal_id, office, issued_unix, expires_unix) "
          "VALUES ($1, $2, $3, $4, $5)",
          Params().text(code_sha256).text(terminal_id).text(office).int64(now_unix).int64(expires_unix));
      if (!rows) return rows.error();
      return true;
    });
    if (!inserted) return inserted.error();
    return {};
  }

 private:
  std::shared_ptr<pg::Pool> m_pool;
};

}  // namespace

std::unique_ptr<EnrollmentStore> make_postgres_enrollment_store(std::shared_ptr<pg::Pool> pool) {
  return std::make_unique<PostgresEnrollmentStore>(std::move(pool));
}

}  // namespace pk::centre
