#include "loadgen/codes.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>

namespace pk::loadgen {

Result<std::vector<CodeLine>> parse_codes(std::string_view text) {
  std::vector<CodeLine> codes;
  std::istringstream in{std::string(text)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::istringstream words(line);
    CodeLine code;
    std::string extra;
    if (!(words >> code.terminal_id >> code.code) || (words >> extra) || code.terminal_id.size() > 64 ||
        code.code.size() > 64)
      return make_error("codes line " + std::to_string(number) + ": expected \"TERMINAL_ID CODE\"");
    if (codes.size() >= 10'000) return make_error("codes: more than 10,000 lines");
    codes.push_back(std::move(code));
  }
  return codes;
}

Result<std::string> issue_codes(const IssueCommand& command) {
  const std::vector<std::string> args{command.centre_binary.string(),
                                      "--data",
                                      command.centre_data.string(),
                                      "--issue-enrollment-codes",
                                      std::to_string(command.count),
                                      "--office",
                                      command.office,
                                      "--terminal-id-prefix",
                                      command.terminal_id_prefix,
                                      "--ttl-hours",
                                      std::to_string(command.ttl_hours)};
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return make_error("issue codes: cannot make a pipe");
  const pid_t child = fork();
  if (child < 0) {
    close(out[0]);
    close(out[1]);
    return make_error("issue codes: cannot fork");
  }
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + command.timeout;
  bool timed_out = false;
  bool eof = false;
  char buffer[4096];
  // Bounded by the deadline and by the size a 10,000-code output can have.
  while (output.size() < (size_t{4} << 20)) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fd{out[0], POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t got = read(out[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      eof = true;
      break;
    }
    output.append(buffer, static_cast<size_t>(got));
  }
  close(out[0]);
  if (!eof) kill(child, SIGKILL);  // too slow, too much output, or the pipe failed
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return make_error("issue codes: " + args[0] + " did not finish in time");
  if (!eof) return make_error("issue codes: cannot read the output of " + args[0]);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return make_error("issue codes: " + args[0] + " --issue-enrollment-codes failed (exit status " +
                      std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  return output;
}

}  // namespace pk::loadgen
