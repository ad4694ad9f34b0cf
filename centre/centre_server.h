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
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "centre/centre_storage.h"
#include "centre/certificate_authority.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/sealing_key.h"
#include "centre/signing_key.h"
#include "domain/result.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace pk::centre {

struct CentreConfig {
  std::filesystem::path data_dir;
  std::filesystem::path catalog_file;  // served signed at /v1/catalog
  std::string host = "127.0.0.1";
  int port = 0;
  int64_t max_upload_bytes = int64_t{64} * 1024 * 1024;
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
  // The terminal id of the request's client certificate (routes run only after it was
  // admitted, so this is an enrolled, non-revoked terminal); nullopt without a certificate.
  [[nodiscard]] static std::optional<std::string> terminal_of(const httplib::Request& request);
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
  void add_enrollment_routes();
  // Whether the request's client certificate belongs to an enrolled, non-revoked terminal;
  // when not, `response` holds the 403 and the reason.
  [[nodiscard]] bool admit(const httplib::Request& request, httplib::Response& response);
  void add_application_routes();
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
};

}  // namespace pk::centre
