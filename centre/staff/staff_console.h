#pragma once
// The back office: the web console's files at /console/ and its JSON routes under /v1/staff/
// (centre/staff/README.md lists them, with the roles). A staff member signs in with a password
// and a TOTP code and then holds a session cookie; every change needs the session's CSRF token
// too. What a staff member does, and every look at a citizen's personal data, goes to the
// append-only audit log.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "centre/centre_storage.h"
#include "centre/certificate_authority.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/signing_key.h"
#include "centre/staff/staff_store.h"
#include "protocol/sealing.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace pk::centre {

// What the back office acts on: the centre's own records and keys.
struct StaffContext {
  CentreStorage& storage;
  EnrollmentStore& enrollment;
  DiagnosticsStore& diagnostics;
  StaffStore& staff;
  const store::KeyPair& sealing;  // opens personal data and pages; seals TOTP secrets
  const CertificateAuthority& ca;
  // The catalog as shipped (--catalog), and where an edited one is published: once that file
  // exists it is the catalog (served_catalog_file()).
  std::filesystem::path shipped_catalog_file;
  std::filesystem::path published_catalog_file;
  std::filesystem::path console_dir;  // the console's static files

  [[nodiscard]] std::filesystem::path served_catalog_file() const {
    return std::filesystem::exists(published_catalog_file) ? published_catalog_file : shipped_catalog_file;
  }
};

inline constexpr int64_t kSessionIdleSeconds = 15 * 60;
inline constexpr int64_t kSessionMaxSeconds = 12 * 60 * 60;
inline constexpr int kMaxFailedSignIns = 10;
inline constexpr int64_t kLockSeconds = 15 * 60;
inline constexpr int64_t kSetupLinkSeconds = 72 * 60 * 60;
inline constexpr std::string_view kSessionCookie = "pk_staff";

// A set-up link for `username` (made now, or a fresh one for an existing account): the path
// `/console/#/setup/<token>` to hand to its holder. The command line's --staff-setup-link.
struct SetupLink {
  std::string path;
  bool created = false;  // the account was made now
};
[[nodiscard]] Result<SetupLink> make_setup_link(StaffStore& staff, const StaffAccount& account,
                                                int64_t now_unix);

class StaffConsole {
 public:
  explicit StaffConsole(StaffContext context) : m_context(std::move(context)) {}
  [[nodiscard]] const StaffContext& context() const { return m_context; }
  void add_routes(httplib::Server& server);

  // Who is asking, when they may: a signed-in staff member with an unexpired session (and for a
  // change, its CSRF token). nullopt: `response` holds the 401 or 403.
  struct Caller {
    StaffAccount account;
    StaffSession session;
  };

 private:
  enum class Access { Read, Change };
  [[nodiscard]] std::optional<Caller> caller(const httplib::Request& request, httplib::Response& response,
                                             Access access);
  // caller() and one of the roles given; otherwise 403 {"reason":"role"}.
  [[nodiscard]] std::optional<Caller> caller_in(const httplib::Request& request, httplib::Response& response,
                                                Access access, std::initializer_list<StaffRole> roles);
  void audit(const std::string& actor, std::string action, std::string subject, std::string detail = "{}");

  void add_file_routes(httplib::Server& server);
  void add_session_routes(httplib::Server& server);
  void add_account_routes(httplib::Server& server);
  void add_case_routes(httplib::Server& server);
  void add_notice_routes(httplib::Server& server);
  void add_fleet_routes(httplib::Server& server);
  void add_sla_routes(httplib::Server& server);
  void add_catalog_routes(httplib::Server& server);

  // Signs `account` in: a new session and its cookie on `response`.
  [[nodiscard]] bool open_session(const StaffAccount& account, httplib::Response& response);
  // The terminals enrolled at `office`: an office's scope on cases and service levels.
  [[nodiscard]] Result<std::vector<std::string>> terminals_of(const std::string& office);

  StaffContext m_context;
};

// The JSON of an account for the console (never its secrets).
[[nodiscard]] std::string account_json(const StaffAccount& account);

}  // namespace pk::centre
