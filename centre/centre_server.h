#pragma once
// The reference central service: the /v1 HTTP API over cpp-httplib (endpoints listed in
// centre/README.md). start() binds (port 0 picks a free one) and serves on its own thread;
// stop() (or the destructor) ends it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "centre/centre_storage.h"
#include "centre/sealing_key.h"
#include "centre/signing_key.h"
#include "domain/result.h"

namespace httplib {
class Server;
}

namespace pk::centre {

struct CentreConfig {
  std::filesystem::path data_dir;
  std::filesystem::path catalog_file;  // served signed at /v1/catalog
  std::string host = "127.0.0.1";
  int port = 0;
  int64_t max_upload_bytes = int64_t{64} * 1024 * 1024;
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
  // Blocks until the server thread has ended.
  void stop();
  // Asks the listen loop to end and returns at once (what a signal handler may call).
  void request_stop();
  // Blocks until the listen loop has ended (the executable's main thread).
  void wait();

 private:
  CentreServer(CentreConfig config, std::unique_ptr<CentreStorage> storage, SigningKey key);
  void add_routes();
  void add_application_routes();
  void add_upload_routes();
  void add_info_routes();

  CentreConfig m_config;
  std::unique_ptr<CentreStorage> m_storage;
  SigningKey m_key;
  store::KeyPair m_seal;
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
};

}  // namespace pk::centre
