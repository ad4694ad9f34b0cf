#pragma once
// A throwaway PostgreSQL server for tests, from Debian's binaries (postgresql-15): a cluster in
// a temporary folder under the test binary's folder (real disk, fsync on; /var/tmp when the
// user the server runs as cannot reach the build folder), listening on
// 127.0.0.1 at a free port and on a socket in that folder, trust authentication for the
// superuser `pishkhan`. The destructor stops it (immediate shutdown) and deletes the folder
// (kept, with the server's log, when the test failed).
//
// initdb runs once per build folder: the cluster is copied from a template made on first use
// (initdb is the slow part). PostgreSQL refuses to run as root: when the tests run as root,
// initdb and the server run as `nobody`, whose folder it then is. The server gets the
// parent-death signal, so a test process that dies leaves no server behind.
#include <sys/types.h>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/result.h"

namespace pk::test {

class PostgresServer {
 public:
  // `name` names the folder. Errors say what is missing (e.g. the postgresql-15 package).
  [[nodiscard]] static Result<std::unique_ptr<PostgresServer>> start(const std::string& name);
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer();

  // postgresql://pishkhan@127.0.0.1:<port>/<database>
  [[nodiscard]] std::string url(const std::string& database = "postgres") const;
  [[nodiscard]] int port() const { return m_port; }
  // Makes another database on this server; returns its URL.
  [[nodiscard]] Result<std::string> create_database(const std::string& name);

 private:
  PostgresServer() = default;
  [[nodiscard]] Result<void> launch();
  void stop();

  std::filesystem::path m_dir;     // the temporary folder
  std::filesystem::path m_socket;  // the socket folder (in m_dir unless that path is too long)
  bool m_socket_outside = false;
  int m_port = 0;
  pid_t m_pid = -1;
};

// The folder of Debian's PostgreSQL 15 binaries (initdb, postgres).
[[nodiscard]] std::filesystem::path postgres_bin_dir();

}  // namespace pk::test
