#pragma once
// Starts a private pcscd for the tests: its own socket (systemd socket activation, so it never
// touches a system pcscd's /run/pcscd/pcscd.comm), its own reader.conf.d with the vsmartcard
// vpcd reader on a free TCP port, foreground, logs in the build tree; stopped after the suite.
// The client library is pointed at the private socket with PCSCLITE_CSOCK_NAME.
#include <sys/types.h>
#include <cstdint>
#include <string>

namespace pk::cardreader::testing {

class PcscdFixture {
 public:
  // Empty when pcscd runs; otherwise why it cannot (for GTEST_SKIP).
  [[nodiscard]] std::string start();
  void stop();
  [[nodiscard]] std::uint16_t vpcd_port() const { return m_port; }
  [[nodiscard]] const std::string& log_path() const { return m_log; }

 private:
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
  std::string m_dir;
  std::string m_log;
};

}  // namespace pk::cardreader::testing
