// Crash test: a child process saves applications in a loop and reports each tracking code on a
// pipe only after save_application returned; the parent SIGKILLs it at random moments. Every
// acknowledged code must then be in the store exactly once, and no sequence value reused.
//
// SIGKILL tests the process dying at any instant (the OS page cache survives); it does not
// model a power cut that loses unsynced pages: synchronous=FULL is what covers that.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "base/database.h"
#include "offline-store/store.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::store {
namespace {

[[noreturn]] void child_main(const std::filesystem::path& file, int out_fd) {
  auto store = Store::open(file);
  if (!store) _exit(2);
  // Pages are prepared once: sealing is not what this test is about, and it keeps the child fast.
  const NewApplication application = test::sample_application(2, 4000);
  for (;;) {
    auto saved = (*store)->save_application(application, test::tracking_code_for);
    if (!saved) _exit(3);
    const std::string line = saved->tracking_code + "\n";
    if (::write(out_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
  }
}

// Appends what the pipe delivers to `all` until `enough` says stop or the writer is gone.
template <class Enough>
void read_pipe(int in_fd, std::string& all, Enough enough) {
  char buffer[4096];
  while (!enough(all)) {
    const ssize_t got = ::read(in_fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    all.append(buffer, static_cast<size_t>(got));
  }
}

// Only complete lines are acknowledgements.
std::vector<std::string> complete_lines(const std::string& all) {
  std::vector<std::string> codes;
  size_t start = 0;
  for (size_t end; (end = all.find('\n', start)) != std::string::npos; start = end + 1) {
    codes.push_back(all.substr(start, end - start));
  }
  return codes;
}

TEST(StoreCrash, AcknowledgedSavesSurviveSigkillAtRandomMoments) {
  test::TempDir dir("crash");
  const auto file = dir.file("store.db");
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_us(0, 60'000);

  constexpr int kRounds = 30;
  std::vector<std::string> acknowledged;
  int rounds_killed_mid_run = 0;
  for (int round = 0; round < kRounds; ++round) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      child_main(file, fds[1]);
    }
    ::close(fds[1]);
    std::string received;
    // Odd rounds wait for the first acknowledgement, so at least half the kills land while
    // saving even on a slow, busy machine; even rounds may also kill while opening or migrating.
    if (round % 2 == 1)
      read_pipe(fds[0], received, [](const std::string& r) { return r.find('\n') != r.npos; });
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    read_pipe(fds[0], received, [](const std::string&) { return false; });
    const auto codes = complete_lines(received);
    ::close(fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    // The child must have died from our kill, not from an error of its own.
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "round " << round << ": child exited with status "
        << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (!codes.empty()) ++rounds_killed_mid_run;
    acknowledged.insert(acknowledged.end(), codes.begin(), codes.end());

    // After every kill the file opens cleanly and holds everything acknowledged so far.
    const test::Snapshot snap = test::snapshot(file);
    ASSERT_EQ(snap.integrity, "ok") << "round " << round;
    if (snap.schema_version == 0) {
      // Killed before the schema's first commit: then nothing can have been acknowledged.
      ASSERT_TRUE(acknowledged.empty());
      continue;
    }
    std::set<std::string> stored;
    for (const auto& row : snap.applications) {
      stored.insert(row.tracking_code);
      // Each stored application is whole: its pages, one outbox row.
      EXPECT_EQ(row.documents, 2) << row.tracking_code;
      EXPECT_EQ(row.outbox_rows, 1) << row.tracking_code;
    }
    ASSERT_EQ(stored.size(), snap.applications.size()) << "a tracking code is stored twice";
    for (const auto& code : acknowledged) {
      ASSERT_EQ(stored.count(code), 1u) << "acknowledged " << code << " lost after round " << round;
    }
    // Sequence values are dense 1..N: a value is taken only by a commit that stores it, so a
    // killed transaction gives its value back untouched, and no value appears twice.
    for (size_t i = 0; i < snap.applications.size(); ++i) {
      ASSERT_EQ(snap.applications[i].sequence, static_cast<int64_t>(i) + 1);
    }
    ASSERT_EQ(snap.tracking_sequence, static_cast<int64_t>(snap.applications.size()));
  }

  // A code acknowledged twice would mean a sequence value handed out twice.
  const std::set<std::string> distinct(acknowledged.begin(), acknowledged.end());
  EXPECT_EQ(distinct.size(), acknowledged.size());
  // The test only proves something if the child was regularly killed while saving.
  EXPECT_GE(rounds_killed_mid_run, kRounds / 2);
  std::cout << "[ crash    ] " << acknowledged.size() << " acknowledged saves over " << kRounds << " kills, "
            << rounds_killed_mid_run << " rounds acknowledged at least one\n";

  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  auto stats = (*store)->stats(0);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending_outbox, stats->count(ApplicationState::Queued));
}

}  // namespace
}  // namespace pk::store
