#include "tests/drivers/printer/usb_permission_probe.h"

#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdint>

#include "drivers/printer/usb_printer.h"

namespace pk::test {
namespace {

// Root keeps its uid (the testbed's files stay reachable) but loses the capabilities that let
// it open any file, so a node with mode 000 is refused as it is to the kiosk user.
bool drop_file_capabilities() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
  if (syscall(SYS_capget, &header, data) != 0) return false;
  const std::uint32_t mask = (1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH) | (1U << CAP_FOWNER);
  data[0].effective &= ~mask;
  data[0].permitted &= ~mask;
  data[0].inheritable &= ~mask;
  return syscall(SYS_capset, &header, data) == 0;
}

[[noreturn]] void child(int out) {
  if (!drop_file_capabilities()) _exit(3);
  if (access("/proc/self/status", R_OK) != 0) _exit(4);
  std::string message;
  {
    UsbPrinter printer(UsbPrinterConfig{});
    auto opened = printer.open();
    if (opened.ok()) _exit(5);
    message = opened.error().message;
  }
  const char* data = message.data();
  std::size_t left = message.size();
  while (left > 0) {
    const ssize_t n = write(out, data, left);
    if (n <= 0) _exit(6);
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  _exit(0);
}

}  // namespace

Result<std::string> open_without_permission(const std::filesystem::path& devnode) {
  if (chmod(devnode.c_str(), 0) != 0) return make_error("cannot chmod " + devnode.string());
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return make_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) return make_error("fork failed");
  if (pid == 0) {
    close(pipe_fds[0]);
    child(pipe_fds[1]);
  }
  close(pipe_fds[1]);
  std::string message;
  std::array<char, 512> buffer{};
  for (ssize_t n; (n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0;) {
    message.append(buffer.data(), static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return make_error("the unprivileged child failed with status " + std::to_string(status));
  }
  return message;
}

}  // namespace pk::test
