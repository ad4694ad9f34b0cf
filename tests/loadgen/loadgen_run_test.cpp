// pishkhan-loadgen run small against the real pishkhan-centre binary on loopback: everything
// acknowledged is at the centre exactly once; Ctrl-C stops it with a partial report; a centre
// that is not on loopback is refused before anything happens.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child process with its stdout on a pipe and its stderr in a file; killed if still running
// when destroyed.
class Child {
 public:
  Child(const std::vector<std::string>& args, const fs::path& stderr_file) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return;
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    m_pid = fork();
    if (m_pid == 0) {
      dup2(out[1], STDOUT_FILENO);
      const int err = open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (err >= 0) dup2(err, STDERR_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    m_out = out[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (m_pid > 0 && !m_exited) {
      kill(m_pid, SIGKILL);
      int status = 0;
      waitpid(m_pid, &status, 0);
    }
    if (m_out >= 0) close(m_out);
  }

  [[nodiscard]] bool started() const { return m_pid > 0 && m_out >= 0; }
  void signal(int number) const {
    if (m_pid > 0 && !m_exited) kill(m_pid, number);
  }

  // Reads stdout until a whole line starting with `prefix` arrives; nullopt at EOF or timeout.
  std::optional<std::string> line_starting(const std::string& prefix, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      for (size_t end = m_buffer.find('\n'); end != std::string::npos; end = m_buffer.find('\n')) {
        std::string line = m_buffer.substr(0, end);
        m_buffer.erase(0, end + 1);
        m_output += line + "\n";
        if (line.starts_with(prefix)) return line;
      }
      if (!read_some(deadline)) return std::nullopt;
    }
  }

  // Reads stdout to its end and waits for the exit status; -1 when it outlives `timeout`.
  int finish(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (read_some(deadline)) {
    }
    m_output += m_buffer;
    m_buffer.clear();
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t done = waitpid(m_pid, &status, WNOHANG);
      if (done == m_pid) {
        m_exited = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

  [[nodiscard]] const std::string& output() const { return m_output; }

 private:
  bool read_some(std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || m_out < 0) return false;
    pollfd fd{m_out, POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const ssize_t got = read(m_out, chunk, sizeof chunk);
    if (got <= 0) return false;
    m_buffer.append(chunk, static_cast<size_t>(got));
    return true;
  }

  pid_t m_pid = -1;
  int m_out = -1;
  bool m_exited = false;
  std::string m_buffer;
  std::string m_output;
};

class LoadgenRun : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("loadgen-" + name);
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    m_centre.reset();
    if (!HasFailure()) fs::remove_all(m_dir);
  }

  // The real centre on an ephemeral loopback port; sets m_url and m_pin.
  void start_centre() {
    m_centre = std::make_unique<Child>(
        std::vector<std::string>{PK_CENTRE_BINARY, "--data", (m_dir / "centre").string(), "--port", "0"},
        m_dir / "centre.log");
    ASSERT_TRUE(m_centre->started());
    auto pin = m_centre->line_starting("pin ", 60s);
    ASSERT_TRUE(pin) << read_file(m_dir / "centre.log");
    m_pin = pin->substr(4);
    auto listening = m_centre->line_starting("listening on ", 30s);
    ASSERT_TRUE(listening) << read_file(m_dir / "centre.log");
    m_url = "https://" + listening->substr(std::string("listening on ").size());
  }

  fs::path m_dir;
  std::unique_ptr<Child> m_centre;
  std::string m_url;
  std::string m_pin;
};

TEST_F(LoadgenRun, ASmallRunDeliversEveryApplicationExactlyOnce) {
  ASSERT_NO_FATAL_FAILURE(start_centre());
  const fs::path json = m_dir / "run.json";
  Child loadgen({PK_LOADGEN_BINARY,
                 "--centre-url",
                 m_url,
                 "--centre-pin",
                 m_pin,
                 "--centre-data",
                 (m_dir / "centre").string(),
                 "--centre-binary",
                 PK_CENTRE_BINARY,
                 "--terminals",
                 "20",
                 "--duration",
                 "10",
                 "--submissions-per-second",
                 "5",
                 "--burst",
                 "10",
                 "--burst-at",
                 "3",
                 "--heartbeat-interval",
                 "4",
                 "--replay-percent",
                 "20",
                 "--seed",
                 "7",
                 "--json",
                 json.string()},
                m_dir / "loadgen.log");
  ASSERT_TRUE(loadgen.started());
  const int status = loadgen.finish(300s);
  const std::string report = loadgen.output() + read_file(m_dir / "loadgen.log");
  ASSERT_EQ(status, 0) << report;
  const auto figures = nlohmann::json::parse(read_file(json), nullptr, false);
  ASSERT_TRUE(figures.is_object()) << read_file(json);
  EXPECT_EQ(figures["exit_code"], 0);
  EXPECT_EQ(figures["enrollment"]["enrolled"], 20);
  EXPECT_EQ(figures["check"]["lost"], 0) << report;
  EXPECT_EQ(figures["check"]["duplicates"], 0) << report;
  EXPECT_EQ(figures["check"]["mismatches"], 0) << report;
  EXPECT_EQ(figures["check"]["unverified"], 0) << report;
  EXPECT_EQ(figures["request_errors"], 0) << report;
  // 5 a second for 10 seconds, and the burst of 10: every one acknowledged and found intact.
  EXPECT_EQ(figures["submissions"]["planned"], 60);
  EXPECT_EQ(figures["submissions"]["burst"], 10);
  EXPECT_EQ(figures["submissions"]["acknowledged"], 60) << report;
  EXPECT_EQ(figures["check"]["intact"], 60) << report;
  EXPECT_GT(figures["submissions"]["replays"].get<int>(), 0);
  std::map<std::string, int> requests;
  for (const auto& route : figures["routes"]) {
    requests[route["route"].get<std::string>()] += route["requests"].get<int>();
    EXPECT_EQ(route["errors"], 0) << route.dump();
  }
  for (const char* route :
       {"POST /v1/enroll", "GET /v1/health", "GET /v1/seal/key", "POST /v1/heartbeat", "GET /v1/notices",
        "POST /v1/ledger", "POST /v1/applications", "POST /v1/applications (replay)",
        "PATCH /v1/uploads/{id}", "GET /v1/applications/{code}"})
    EXPECT_GT(requests[route], 0) << route;
  EXPECT_EQ(requests["PATCH /v1/uploads/{id}"], 120);  // two pages of 150 KB, one PATCH each
  // The application's reply gives each page's offset, as the terminal's delivery uses it: no HEAD.
  EXPECT_EQ(requests.count("HEAD /v1/uploads/{id}"), 0u);
  EXPECT_NE(report.find("requests/s"), std::string::npos);
}

TEST_F(LoadgenRun, CtrlCStopsItWithAPartialReport) {
  ASSERT_NO_FATAL_FAILURE(start_centre());
  // The codes from the centre's own command, handed over as a file.
  Child issue({PK_CENTRE_BINARY, "--data", (m_dir / "centre").string(), "--issue-enrollment-codes", "5",
               "--office", "B", "--terminal-id-prefix", "STOP-"},
              m_dir / "issue.log");
  ASSERT_EQ(issue.finish(60s), 0) << read_file(m_dir / "issue.log");
  const std::string codes = issue.output();
  ASSERT_EQ(std::count(codes.begin(), codes.end(), '\n'), 5) << codes;
  EXPECT_TRUE(codes.starts_with("STOP-0001 ")) << codes;
  { std::ofstream(m_dir / "codes.txt") << codes; }

  const fs::path json = m_dir / "run.json";
  Child loadgen({PK_LOADGEN_BINARY, "--centre-url", m_url, "--centre-pin", m_pin, "--codes",
                 (m_dir / "codes.txt").string(), "--duration", "120", "--submissions-per-second", "4",
                 "--heartbeat-interval", "2", "--json", json.string()},
                m_dir / "loadgen.log");
  ASSERT_TRUE(loadgen.started());
  // Once the load has begun (its stderr says so), Ctrl-C.
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (read_file(m_dir / "loadgen.log").find("load started") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  std::this_thread::sleep_for(2s);  // a little load to report on
  loadgen.signal(SIGINT);
  const int status = loadgen.finish(60s);
  const std::string report = loadgen.output() + read_file(m_dir / "loadgen.log");
  EXPECT_EQ(status, 130) << report;
  EXPECT_NE(loadgen.output().find("interrupted"), std::string::npos) << report;
  const auto figures = nlohmann::json::parse(read_file(json), nullptr, false);
  ASSERT_TRUE(figures.is_object()) << report;
  EXPECT_EQ(figures["interrupted"], true);
  EXPECT_EQ(figures["enrollment"]["enrolled"], 5);
  EXPECT_LT(figures["load"]["seconds"].get<double>(), 60.0);
  // What was acknowledged before the stop was still checked, and is there once.
  EXPECT_EQ(figures["check"]["verified"], true);
  EXPECT_EQ(figures["check"]["lost"], 0) << report;
  EXPECT_EQ(figures["check"]["duplicates"], 0) << report;
  EXPECT_EQ(figures["check"]["mismatches"], 0) << report;
}

TEST_F(LoadgenRun, ACentreThatIsNotOnLoopbackIsRefusedBeforeAnythingHappens) {
  const std::string pin = "sha256//" + std::string(43, 'A') + "=";
  for (const char* url : {"https://192.0.2.1:8443", "https://centre.example:8470", "https://10.0.0.1"}) {
    Child loadgen({PK_LOADGEN_BINARY, "--centre-url", url, "--centre-pin", pin, "--codes",
                   (m_dir / "no-such-file").string()},
                  m_dir / "loadgen.log");
    ASSERT_TRUE(loadgen.started());
    EXPECT_EQ(loadgen.finish(30s), 2) << url;
    const std::string said = read_file(m_dir / "loadgen.log");
    EXPECT_NE(said.find("not a loopback address"), std::string::npos) << said;
    EXPECT_NE(said.find("only drives a centre on this machine"), std::string::npos) << said;
    EXPECT_EQ(said.find("no-such-file"), std::string::npos) << "refused before reading anything: " << said;
  }
}

}  // namespace
