#include "tests/drivers/cardreader/pcscd_fixture.h"

#include <PCSC/winscard.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace pk::cardreader::testing {

namespace {

constexpr const char* kPcscd = "/usr/sbin/pcscd";
constexpr const char* kVpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

bool port_free(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_ANY);
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// vpcd opens two slots, on port and port + 1.
std::uint16_t free_port_pair() {
  for (std::uint16_t port = static_cast<std::uint16_t>(36000 + (::getpid() % 2000) * 2); port < 65000;
       port += 2)
    if (port_free(port) && port_free(static_cast<std::uint16_t>(port + 1))) return port;
  return 0;
}

}  // namespace

std::string PcscdFixture::start() {
  if (::access(kPcscd, X_OK) != 0)
    return "pcscd is not installed (Debian package pcscd; run scripts/bootstrap)";
  if (::access(kVpcdDriver, R_OK) != 0)
    return "the vpcd reader driver is not installed (Debian package vsmartcard-vpcd)";
  if (::geteuid() != 0) return "pcscd needs root to write /run/pcscd (CI runs as root)";
  m_port = free_port_pair();
  if (m_port == 0) return "no free TCP port pair for vpcd";
  m_dir = std::string(PK_TEST_BINARY_DIR) + "/pcscd-" + std::to_string(::getpid());
  std::filesystem::remove_all(m_dir);
  std::filesystem::create_directories(m_dir + "/reader.conf.d");
  {
    std::ofstream conf(m_dir + "/reader.conf.d/vpcd");
    conf << "FRIENDLYNAME \"Virtual PCD\"\n"
         << "DEVICENAME /dev/null:" << m_port << "\n"
         << "LIBPATH " << kVpcdDriver << "\n"
         << "CHANNELID " << m_port << "\n";
  }
  const std::string socket_path = m_dir + "/pcscd.comm";
  m_log = m_dir + "/pcscd.log";

  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof address.sun_path) return "socket path too long: " + socket_path;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener, 16) != 0)
    return "cannot create the pcscd socket " + socket_path;

  m_pid = ::fork();
  if (m_pid == 0) {
    // Socket activation as systemd does it: the socket is fd 3, LISTEN_PID is our pid.
    ::dup2(listener, 3);
    const int log = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::setenv("LISTEN_FDS", "1", 1);
    ::setenv("LISTEN_PID", std::to_string(::getpid()).c_str(), 1);
    const std::string conf_dir = m_dir + "/reader.conf.d";
    ::execl(kPcscd, "pcscd", "--foreground", "--info", "-c", conf_dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(listener);
  ::setenv("PCSCLITE_CSOCK_NAME", socket_path.c_str(), 1);

  // Wait (bounded) for pcscd to load vpcd: that is pcscd starting, not the driver polling.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    SCARDCONTEXT context = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context) == SCARD_S_SUCCESS) {
      DWORD size = 0;
      const LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
      SCardReleaseContext(context);
      if (rv == SCARD_S_SUCCESS && size > 1) return {};
    }
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_pid = -1;
      return "pcscd exited at start; see " + m_log;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop();
  return "pcscd did not list the vpcd reader within 10 s; see " + m_log;
}

void PcscdFixture::stop() {
  if (m_pid > 0) {
    ::kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && ::waitpid(m_pid, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (::waitpid(m_pid, &status, WNOHANG) == 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
    }
  }
  m_pid = -1;
}

}  // namespace pk::cardreader::testing
