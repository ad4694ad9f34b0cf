#include "tests/support/postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#ifndef PK_TEST_BINARY_DIR
#define PK_TEST_BINARY_DIR "."
#endif

namespace pk::test {
namespace {

namespace fs = std::filesystem;

// Who runs initdb and the server: ourselves, or `nobody` when we are root.
struct Identity {
  bool drop = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

Result<Identity> server_identity() {
  if (::geteuid() != 0) return Identity{};
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr)
    return make_error("running as root, and there is no user `nobody` to run PostgreSQL as");
  return Identity{true, nobody->pw_uid, nobody->pw_gid};
}

Result<void> hand_over(const fs::path& path, const Identity& as) {
  if (as.drop && ::chown(path.c_str(), as.uid, as.gid) != 0)
    return make_error("cannot give " + path.string() + " to the user PostgreSQL runs as");
  return {};
}

std::string log_tail(const fs::path& log) {
  std::ifstream in(log, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 1500) text = "..." + text.substr(text.size() - 1500);
  return text;
}

// fork + exec `args` as `as`, output to `log`. The child only makes system calls before exec.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log, const Identity& as,
            bool die_with_parent) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (std::string& arg : copy) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string log_file = log.string();
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int out = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out >= 0) {
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
  }
  const int null = ::open("/dev/null", O_RDONLY);
  if (null >= 0) ::dup2(null, STDIN_FILENO);
  if (as.drop && (::setgroups(0, nullptr) != 0 || ::setgid(as.gid) != 0 || ::setuid(as.uid) != 0))
    ::_exit(126);
  // After the change of user, which clears it: the server ends when the test process does.
  if (die_with_parent && (::prctl(PR_SET_PDEATHSIG, SIGQUIT) != 0 || ::getppid() != parent)) ::_exit(125);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

Result<void> run(const std::vector<std::string>& args, const fs::path& log, const Identity& as) {
  const pid_t pid = spawn(args, log, as, false);
  if (pid < 0) return make_error("cannot start " + args[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  return make_error(args[0] + " failed (status " + std::to_string(status) + "): " + log_tail(log));
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

// Whether `as` can reach into `folder` (every folder above it searchable for it).
bool reachable(const fs::path& folder, const Identity& as) {
  if (!as.drop) return true;
  for (fs::path at = fs::absolute(folder);; at = at.parent_path()) {
    struct stat st {};
    if (::stat(at.c_str(), &st) == 0) {
      const bool searchable = (st.st_mode & S_IXOTH) != 0 ||
                              (st.st_uid == as.uid && (st.st_mode & S_IXUSR) != 0) ||
                              (st.st_gid == as.gid && (st.st_mode & S_IXGRP) != 0);
      if (!searchable) return false;
    }
    if (at == at.parent_path()) return true;
  }
}

// Under the test binary's folder (the real disk, beside the other test files), unless the user
// PostgreSQL runs as cannot reach it (a build under /root): then in /var/tmp, also on disk.
fs::path scratch_root(const Identity& as) {
  const fs::path beside = fs::path(PK_TEST_BINARY_DIR) / "pg-tmp";
  if (reachable(fs::path(PK_TEST_BINARY_DIR), as)) return beside;
  return fs::path("/var/tmp") / "pishkhan-pg-tests";
}

// The initdb'd cluster every test's server is copied from: made once, by whichever test gets
// there first (the others see it renamed into place whole, or make their own and drop it).
Result<fs::path> template_cluster(const Identity& as) {
  const fs::path root = scratch_root(as);
  const fs::path cluster = root / "template-15";
  std::error_code ec;
  if (fs::exists(cluster / "PG_VERSION", ec)) return cluster;
  fs::create_directories(root, ec);
  if (ec) return make_error("cannot create " + root.string() + ": " + ec.message());
  if (auto handed = hand_over(root, as); !handed) return handed.error();
  const fs::path work = root / ("initdb-" + std::to_string(::getpid()));
  fs::remove_all(work, ec);
  fs::create_directories(work, ec);
  if (auto handed = hand_over(work, as); !handed) return handed.error();
  // --no-sync: initdb's own files need not survive a power cut; the server runs with fsync on.
  auto made = run({(postgres_bin_dir() / "initdb").string(), "-D", (work / "data").string(), "-A", "trust",
                   "-U", "pishkhan", "-E", "UTF8", "--locale=C", "--no-sync"},
                  work / "initdb.log", as);
  if (!made) {
    fs::remove_all(work, ec);
    return made.error();
  }
  fs::rename(work / "data", cluster, ec);  // fails when another test got there first: fine
  fs::remove_all(work, ec);
  if (!fs::exists(cluster / "PG_VERSION", ec))
    return make_error("initdb made no cluster at " + cluster.string());
  return cluster;
}

}  // namespace

fs::path postgres_bin_dir() { return "/usr/lib/postgresql/15/bin"; }

Result<std::unique_ptr<PostgresServer>> PostgresServer::start(const std::string& name) {
  std::error_code ec;
  if (!fs::exists(postgres_bin_dir() / "postgres", ec))
    return make_error("PostgreSQL 15's server is not installed (" +
                      (postgres_bin_dir() / "postgres").string() +
                      "): install the Debian package postgresql-15 (scripts/bootstrap does)");
  auto as = server_identity();
  if (!as) return as.error();
  auto cluster = template_cluster(*as);
  if (!cluster) return cluster.error();

  static std::atomic<int> counter{0};
  std::unique_ptr<PostgresServer> server(new PostgresServer());
  server->m_dir =
      scratch_root(*as) / (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(server->m_dir, ec);
  fs::create_directories(server->m_dir, ec);
  if (ec) return make_error("cannot create " + server->m_dir.string() + ": " + ec.message());
  if (auto handed = hand_over(server->m_dir, *as); !handed) return handed.error();
  if (auto copied = run({"/bin/cp", "-a", cluster->string(), (server->m_dir / "data").string()},
                        server->m_dir / "copy.log", *as);
      !copied)
    return copied.error();
  // A socket path has at most 107 bytes: a deep build folder puts the socket in /tmp instead.
  server->m_socket = server->m_dir;
  if ((server->m_socket / ".s.PGSQL.65535").string().size() > 100) {
    char folder[] = "/tmp/pk-pg-XXXXXX";
    if (::mkdtemp(folder) == nullptr) return make_error("cannot make a socket folder in /tmp");
    server->m_socket = folder;
    server->m_socket_outside = true;
    if (auto handed = hand_over(server->m_socket, *as); !handed) return handed.error();
  }
  if (auto launched = server->launch(); !launched) return launched.error();
  return server;
}

Result<void> PostgresServer::launch() {
  auto as = server_identity();
  if (!as) return as.error();
  const fs::path log = m_dir / "postgres.log";
  std::string last_error;
  for (int attempt = 0; attempt < 3; ++attempt) {  // another process may take the free port first
    m_port = free_port();
    m_pid = spawn({(postgres_bin_dir() / "postgres").string(), "-D", (m_dir / "data").string(), "-p",
                   std::to_string(m_port), "-k", m_socket.string(), "-c", "listen_addresses=127.0.0.1", "-c",
                   "fsync=on", "-c", "synchronous_commit=on", "-c", "shared_buffers=16MB", "-c",
                   "max_connections=60", "-c", "logging_collector=off"},
                  log, *as, true);
    if (m_pid < 0) return make_error("cannot start postgres");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    const std::string ping = url();
    while (std::chrono::steady_clock::now() < deadline) {
      if (PQping(ping.c_str()) == PQPING_OK) return {};
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    last_error = log_tail(log);
    stop();
  }
  return make_error("the test PostgreSQL server did not start: " + last_error);
}

void PostgresServer::stop() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGQUIT);  // immediate shutdown: the cluster is thrown away
  int status = 0;
  for (int waited_ms = 0; ::waitpid(m_pid, &status, WNOHANG) == 0; waited_ms += 10) {
    if (waited_ms > 10'000) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  m_pid = -1;
}

PostgresServer::~PostgresServer() {
  stop();
  std::error_code ec;
  if (m_socket_outside) fs::remove_all(m_socket, ec);
  if (!::testing::Test::HasFailure()) fs::remove_all(m_dir, ec);
}

std::string PostgresServer::url(const std::string& database) const {
  return "postgresql://pishkhan@127.0.0.1:" + std::to_string(m_port) + "/" + database;
}

Result<std::string> PostgresServer::create_database(const std::string& name) {
  PGconn* connection = PQconnectdb(url().c_str());
  std::string error;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = PQerrorMessage(connection);
  } else {
    const std::string sql = "CREATE DATABASE \"" + name + "\"";
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  PQfinish(connection);
  if (!error.empty()) return make_error("CREATE DATABASE " + name + ": " + error);
  return url(name);
}

}  // namespace pk::test
