// Kill the terminal during an outage (a real SIGKILL of a child process writing the file),
// restart it, and check the outage is closed at its last heartbeat: a bounded error, never
// lost, never doubled. Then the same after a power cut (a new boot, the monotonic clock reset).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "domain/sla_figures.h"
#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

const int64_t kT0 = at(1404, 7, 5, 10);
constexpr int64_t kMono0 = 10'000;

// In a child: start, see the centre go down, beat 4 times 30 s apart, run 10 s more, die.
void run_and_get_killed(const std::filesystem::path& file) {
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    FakeTime time(kT0, kMono0, "boot-a");
    auto ledger = Ledger::open(file, time, beat_every(30));
    if (!ledger) _exit(2);
    auto detector = OutageDetector::create(**ledger);
    if (!detector) _exit(3);
    if (!detector->observe(look(Status::Down, {}, {}, {}, "timeout"))) _exit(4);
    for (int i = 0; i < 4; ++i) {
      time.advance(30);
      if (!detector->tick()) _exit(5);
    }
    time.advance(10);
    raise(SIGKILL);
    _exit(6);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  ASSERT_EQ(WTERMSIG(status), SIGKILL);
}

TEST(SlaLedgerCrash, KilledDuringAnOutageClosesItAtTheLastHeartbeat) {
  TempDir dir("crash-kill");
  const auto file = dir.file("store.db");
  run_and_get_killed(file);

  // Restarted 5 minutes after the last beat, same boot.
  FakeTime time(kT0 + 120 + 300, kMono0 + (120 + 300) * 1000, "boot-a");
  auto ledger = Ledger::open(file, time, beat_every(30));
  ASSERT_TRUE(ledger) << ledger.error().message;
  EXPECT_EQ((*ledger)->recovery().closed_outages, 1);
  EXPECT_EQ((*ledger)->recovery().unknown_gap_seconds, 300);

  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 1u);
  const Outage& o = snapshot->outages[0];
  EXPECT_EQ(o.end, OutageEnd::LastHeartbeat);
  EXPECT_EQ(o.start_unix, kT0);
  EXPECT_EQ(*o.end_unix, kT0 + 120);
  EXPECT_EQ(*o.monotonic_duration_ms, 120'000);
  // It really lasted at least 130 s (the child died 10 s after its last beat): the error is
  // under one heartbeat interval.
  EXPECT_LE(130 - effective_interval(o, snapshot->as_of_unix).length(), 30);
  // The time the terminal was dead is a gap between runs: unknown, not up.
  ASSERT_EQ(snapshot->runs.size(), 2u);
  EXPECT_EQ(snapshot->runs[0].interval(), (Interval{kT0, kT0 + 120}));
  EXPECT_EQ(snapshot->runs[1].start_unix, kT0 + 420);

  // The centre is still down: the detector opens a new outage, it does not resurrect the old.
  auto detector = OutageDetector::create(**ledger);
  ASSERT_TRUE(detector);
  EXPECT_FALSE(detector->is_down(OutageCause::CentreUnreachable));
  ASSERT_TRUE(detector->observe(look(Status::Down)));
  time.advance(60);
  ASSERT_TRUE(detector->observe(look(Status::Up)));
  snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 2u);
  const PeriodFigures mehr = service_year_figures(*snapshot, 3, 1404).months[6].figures;
  EXPECT_EQ(mehr.unplanned_seconds, 120 + 60);
  EXPECT_EQ(mehr.outages, 2);
  EXPECT_EQ(mehr.period_seconds - mehr.unknown_seconds, 120 + 60);  // known: the two runs

  // Restarting again changes nothing that was already closed.
  ledger->reset();
  auto again = Ledger::open(file, time);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)->recovery().closed_outages, 0);
  auto last = (*again)->snapshot();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->outages.size(), 2u);
}

TEST(SlaLedgerCrash, PowerCutThenANewBootClosesAtTheOldBootsLastBeat) {
  TempDir dir("crash-power");
  const auto file = dir.file("store.db");
  run_and_get_killed(file);
  // After the power cut: a new boot, the monotonic clock starts again near zero, and the RTC
  // came back an hour behind.
  FakeTime time(kT0 - 3600, 2'000, "boot-b");
  auto ledger = Ledger::open(file, time);
  ASSERT_TRUE(ledger) << ledger.error().message;
  EXPECT_EQ((*ledger)->recovery().closed_outages, 1);
  EXPECT_EQ((*ledger)->recovery().unknown_gap_seconds, 0);  // the wall clock went back: no gap to show
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 1u);
  EXPECT_EQ(*snapshot->outages[0].monotonic_duration_ms, 120'000);
  EXPECT_EQ(snapshot->outages[0].end, OutageEnd::LastHeartbeat);
}

}  // namespace
}  // namespace pk::sla
