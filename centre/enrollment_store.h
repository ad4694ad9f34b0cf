#pragma once
// The centre's record of enrollment codes, terminals and the certificates it issued: by default
// in its own SQLite file (<data_dir>/enrollment.sqlite, WAL), apart from the application storage;
// with --database, in PostgreSQL (make_postgres_enrollment_store).
// The command line (--issue-enrollment-code, --revoke-terminal) and a running server open it
// at the same time; every call is one short transaction.
//
// What callers may rely on:
//  - Codes are kept only as SHA-256 hashes; a code is used at most once, and the reply given
//    for it is kept, so the same request (same code, same key) after a lost reply gets the
//    same answer instead of burning the code.
//  - Terminal numbers are never reused: a terminal enrolled again (after a factory reset) gets
//    a fresh number, so tracking codes from its new life cannot collide with the old ones.
//  - Enrolling a terminal again revokes every certificate it had before.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "centre/certificate_authority.h"
#include "domain/result.h"

namespace pk::centre {

namespace pg {
class Pool;
}

enum class CodeState { Unknown, Fresh, Used, Expired };

struct CodeCheck {
  CodeState state = CodeState::Unknown;
  std::string terminal_id;
  std::string office;
  int64_t expires_unix = 0;
  // For a used code: the key it was used with and the reply that was given.
  std::string used_key_sha256;
  std::string used_cert_sha256;
  std::string reply;
};

enum class CertificateState { Unknown, Active, Revoked };

struct Authorisation {
  CertificateState state = CertificateState::Unknown;
  std::string terminal_id;
  int terminal_number = 0;  // the TTTT of its tracking codes; 0 when unknown
};

// A terminal as the fleet page shows it: its latest enrollment.
struct TerminalRecord {
  std::string terminal_id;
  std::string office;
  int terminal_number = 0;
  int64_t enrolled_unix = 0;
  int64_t certificate_expires_unix = 0;
  CertificateState state = CertificateState::Unknown;  // Active or Revoked
};

struct IssuedCode {
  std::string code;  // canonical; format_enrollment_code() for people
  int64_t expires_unix = 0;
};

class EnrollmentStore {
 public:
  virtual ~EnrollmentStore() = default;
  // The embedded default: SQLite in <data_dir>/enrollment.sqlite.
  [[nodiscard]] static Result<std::unique_ptr<EnrollmentStore>> open(const std::filesystem::path& data_dir);

  // A new single-use code for `terminal_id` at `office`, valid for ttl_seconds.
  [[nodiscard]] Result<IssuedCode> issue_code(const std::string& office, const std::string& terminal_id,
                                              int64_t now_unix, int64_t ttl_seconds);
  [[nodiscard]] virtual Result<CodeCheck> check_code(const std::string& code_sha256, int64_t now_unix) = 0;
  // Marks the code used by `key_sha256`, gives the terminal a fresh number, revokes its earlier
  // certificates and records `cert`, all in one transaction; make_reply(number) builds the
  // reply that is kept for retries. Returns that reply. Fails when the code is no longer fresh
  // (used meanwhile, by this process or another sharing the records, or expired).
  [[nodiscard]] virtual Result<std::string> complete_enrollment(
      const std::string& code_sha256, const std::string& key_sha256, const IssuedCertificate& cert,
      int64_t now_unix, const std::function<std::string(int)>& make_reply) = 0;
  [[nodiscard]] virtual Result<Authorisation> authorise(const std::string& cert_sha256) = 0;
  // Every terminal ever enrolled, by terminal id, with its latest enrollment.
  [[nodiscard]] virtual Result<std::vector<TerminalRecord>> terminals() = 0;
  // Revokes the terminal and every certificate it holds. Error when the id is not known.
  [[nodiscard]] virtual Result<int> revoke_terminal(const std::string& terminal_id, int64_t now_unix) = 0;

 protected:
  // Records a code issue_code() made and checked.
  [[nodiscard]] virtual Result<void> insert_code(const std::string& code_sha256,
                                                 const std::string& terminal_id, const std::string& office,
                                                 int64_t now_unix, int64_t expires_unix) = 0;
  static constexpr int kMaxTerminalNumber = 9999;
};

// The same records in PostgreSQL (centre/postgres_migrations.cpp), shared by every centre
// instance on that database: a code is used once however many instances race for it (the
// enrollment is one transaction holding the code's row lock), and terminal numbers are handed out
// one enrollment at a time (a transaction-scoped advisory lock), so none is given twice.
[[nodiscard]] std::unique_ptr<EnrollmentStore> make_postgres_enrollment_store(std::shared_ptr<pg::Pool> pool);

}  // namespace pk::centre
