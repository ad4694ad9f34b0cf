#pragma once
// The reference central service: the /v1 HTTP API over cpp-httplib with mutual TLS (endpoints
// listed in centre/README.md). start() binds (port 0 picks a free one) and serves on its own
// thread; stop() (or the destructor) ends it.
//
// Every route but POST /v1/enroll and GET /v1/enroll/ca needs a client certificate issued by
// the centre's CA to a terminal that is enrolled and not revoked; anything else gets 403 with a
// JSON error. The TLS layer asks for a certificate but does not insist, so a terminal that has
// none yet can enroll; the check is made per request, against the enrollment store (a verdict
// is reused for at most CentreConfig::revocation_check_interval).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "centre/centre_storage.h"
#include "centre/certificate_authority.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/sealing_key.h"
#include "centre/signing_key.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_store.h"
#include "domain/result.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace pk::centre {

// A terminal as the centre knows it from its certificate: its id and its number (the TTTT of
// its tracking codes).
struct TerminalIdentity {
  std::string id;
  int number = 0;
};

// What one terminal may ask the centre to hold at once. Past a limit the request is refused
// with 413 (one request too large) or 429 (too much pending), with a JSON reason.
struct TerminalQuotas {
  int max_pages_per_submission = 200;
  int64_t max_submission_bytes = int64_t{512} * 1024 * 1024;
  int64_t max_pending_uploads = 2'000;
  int64_t max_pending_bytes = int64_t{2} * 1024 * 1024 * 1024;
};

// How terminals reach an instance: straight over TLS (the embedded default, one process), or
// through a front door (nginx, scripts/centre) that ends TLS, checks client certificates, holds
// slow and hostile clients off, and passes whole requests to this instance on loopback.
enum class Listener { Tls, FrontDoor };

struct CentreConfig {
  std::filesystem::path data_dir;  // keys, the CA; and the records too when database_url is empty
  // Empty: the records in SQLite files under data_dir (the embedded default). A postgresql://
  // URL: applications, uploads (their bytes too), ledgers, enrollment records and diagnostics
  // bundles in that PostgreSQL database, which several centre instances may share
  // (centre/centre_backends.h).
  std::string database_url;
  // Served signed at /v1/catalog until an administrator publishes an edited catalog from the
  // console, which goes to <data_dir>/catalog.json and is served from then on.
  std::filesystem::path catalog_file;
  // The web console's static files, served at /console/ (centre/console in the source tree).
  std::filesystem::path console_dir;
  Listener listener = Listener::Tls;
  // With Listener::FrontDoor: the secret the front door sends with every request. A request
  // without it is refused, so nothing else on the machine can pose as the front door.
  std::string front_door_secret;
  // Threads serving requests (0: cpp-httplib's default). Behind a front door every request
  // arrives whole, so a thread is busy only while the request is handled.
  int worker_threads = 0;
  std::string host = "127.0.0.1";
  int port = 0;
  int64_t max_upload_bytes = int64_t{64} * 1024 * 1024;
  TerminalQuotas quotas;
  // An enrollment request is a code and a certificate request: a few kilobytes.
  int64_t max_enroll_bytes = 32 * 1024;
  // A submission's manifest, a ledger or a heartbeat.
  int64_t max_document_bytes = int64_t{4} * 1024 * 1024;
  // A diagnostics bundle is a few tens of kilobytes; anything past this is refused (413).
  int64_t max_diagnostics_bytes = int64_t{16} * 1024 * 1024;
  // Names and addresses terminals reach the centre by (its certificate's subjectAltName);
  // 127.0.0.1 and localhost are always added.
  std::vector<std::string> server_names;
  // How long a "this certificate is good" verdict may be reused before asking the store again:
  // a revocation takes effect within this time, on a running server too.
  std::chrono::milliseconds revocation_check_interval{1'000};
};

class CentreServer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<CentreServer>> start(CentreConfig config);
  CentreServer(const CentreServer&) = delete;
  CentreServer& operator=(const CentreServer&) = delete;
  ~CentreServer();

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::string base_url() const;
  [[nodiscard]] CentreStorage& storage() { return *m_storage; }
  [[nodiscard]] const SigningKey& signing_key() const { return m_key; }
  // The key terminals seal captures to (its public half is served at /v1/seal/key).
  [[nodiscard]] const store::KeyPair& sealing_key() const { return m_seal; }
  [[nodiscard]] const CertificateAuthority& certificate_authority() const { return *m_ca; }
  [[nodiscard]] EnrollmentStore& enrollment() { return *m_enrollment; }
  [[nodiscard]] DiagnosticsStore& diagnostics() { return *m_diagnostics; }
  [[nodiscard]] StaffStore& staff() { return *m_staff; }
  // Blocks until the server thread has ended.
  void stop();
  // Asks the listen loop to end and returns at once (what a signal handler may call).
  void request_stop();
  // Blocks until the listen loop has ended (the executable's main thread).
  void wait();

 private:
  CentreServer(CentreConfig config, std::unique_ptr<CentreStorage> storage, SigningKey key,
               std::unique_ptr<CertificateAuthority> ca, std::unique_ptr<EnrollmentStore> enrollment);
  void add_routes();
  void reply_signed(std::istream& in, const httplib::Request& request, httplib::Response& response,
                    const char* content_type) const;
  // The longest body `method path` takes; a request announcing more is refused before reading.
  [[nodiscard]] int64_t body_limit(const std::string& method, const std::string& path) const;
  [[nodiscard]] bool within_body_limit(const httplib::Request& request, httplib::Response& response) const;
  void add_enrollment_routes();
  // The back office's paths (/console/..., /v1/staff/...): staff sessions, not certificates.
  [[nodiscard]] static bool is_staff_path(const std::string& path);
  [[nodiscard]] bool presents_client_certificate(const httplib::Request& request) const;
  // The terminal of the request's client certificate when it is enrolled and not revoked;
  // otherwise the status (403, or 503 when the records cannot be read) and the reason.
  struct Admission {
    std::optional<TerminalIdentity> identity;
    int status = 403;
    std::string reason;
  };
  [[nodiscard]] Admission admission(const httplib::Request& request);
  // Whether the request may go on to a route; when not, `response` holds the refusal.
  [[nodiscard]] bool admit(const httplib::Request& request, httplib::Response& response);
  // The terminal a request speaks for: always its client certificate's, never a body field.
  // When the body also names a terminal (`claimed`, e.g. its "terminal_id") it must be that
  // same one: a terminal may not act for another. nullopt: `response` holds the refusal.
  [[nodiscard]] std::optional<TerminalIdentity> terminal(const httplib::Request& request,
                                                         httplib::Response& response, std::string_view route,
                                                         const std::string* claimed = nullptr);
  void add_application_routes();
  // Whether the submission breaks one of the terminal's quotas; if so `response` holds the
  // 413 or 429 and its reason.
  [[nodiscard]] bool check_quotas(const std::string& terminal_id, const sync::Submission& submission,
                                  httplib::Response& response);
  [[nodiscard]] bool pending_over_quota(const std::string& terminal_id, int64_t more_uploads,
                                        int64_t more_bytes, httplib::Response& response);
  void add_upload_routes();
  void add_info_routes();
  void add_ledger_routes();
  void add_diagnostics_routes();

  CentreConfig m_config;
  std::unique_ptr<CentreStorage> m_storage;
  SigningKey m_key;
  store::KeyPair m_seal;
  std::unique_ptr<CertificateAuthority> m_ca;
  std::unique_ptr<EnrollmentStore> m_enrollment;
  std::unique_ptr<DiagnosticsStore> m_diagnostics;
  std::unique_ptr<StaffStore> m_staff;
  std::unique_ptr<StaffConsole> m_console;
  std::mutex m_enroll_mutex;  // one enrollment at a time: a code is checked and used atomically
  struct Verdict {
    Authorisation authorisation;
    std::chrono::steady_clock::time_point checked;
  };
  std::mutex m_verdicts_mutex;
  std::map<std::string, Verdict> m_verdicts;  // by certificate SHA-256
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  int m_listen_fd = -1;  // the listening socket, once bound (its backlog is raised after bind)
};

}  // namespace pk::centre
