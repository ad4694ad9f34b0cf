// KILL -9: the sync runs in a process of its own (sync_child) that is SIGKILLed at random
// points, 30 times, while it delivers 100 applications with pages and the terminal's ledger
// keeps changing; then it runs to the end. Every application is at the centre exactly once,
// every page byte-identical by SHA-256, the outbox is empty, the pages are purged, and the
// centre holds the terminal's ledger exactly as the terminal does, no row missing or doubled.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <random>

#include "protocol/encoding.h"
#include "sla/ledger.h"
#include "tests/support/postgres_server.h"
#include "tests/sync/sync_test_support.h"

extern char** environ;

namespace pk::sync::test {
namespace {

sla::LedgerOptions beat_every(int seconds) {
  sla::LedgerOptions options;
  options.heartbeat_interval_seconds = seconds;
  return options;
}

// A clock for the terminal's ledger that the test moves by hand.
class StepTime final : public sla::TimeSource {
 public:
  explicit StepTime(int64_t wall) : m_now{wall, 1'000} {}
  sla::TimePoint now() override { return m_now; }
  std::string boot_id() override { return "kill-test-boot"; }
  void advance(int64_t seconds) {
    m_now.wall_unix += seconds;
    m_now.monotonic_ms += seconds * 1000;
  }

 private:
  sla::TimePoint m_now;
};

// The child talks to the centre as the terminal the fixture enrolled (its TLS identity).
pid_t spawn_child(const std::filesystem::path& store, const RunningCentre& centre,
                  const std::string& terminal) {
  std::vector<std::string> args = {PK_SYNC_CHILD, store.string(), centre.server->base_url(), terminal};
  const TlsOptions& tls = centre.http.tls;
  if (tls.any()) {
    for (const std::string& value :
         {tls.client_cert_file, tls.client_key_file, tls.ca_file, tls.pinned_public_key})
      args.push_back(value);
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string program = args[0];
  pid_t pid = -1;
  if (posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
  return pid;
}

void kill_child(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

// The whole test, against a centre on SQLite (empty `database_url`) or on PostgreSQL.
void kill_repeatedly_then_finish(const std::string& database_url) {
  RunningCentre centre("kill-9", [&](centre::CentreConfig& config) { config.database_url = database_url; });
  ASSERT_TRUE(centre.server);
  const auto store_file = centre.dir.file("terminal.sqlite");
  const std::string terminal = "SKO-TEST-0001";  // the fixture's enrolled terminal: the centre files
                                                 // ledger rows under the certificate's terminal
  constexpr int kApplications = 100;
  constexpr int kKills = 30;

  const PageDigests expected = fill_store_file(store_file, kApplications, 2, 24'000);
  ASSERT_EQ(expected.size(), static_cast<size_t>(kApplications));
  // The terminal's own ledger, in this process: outages open and close while the child syncs.
  StepTime time(1'760'000'000);
  auto ledger = sla::Ledger::open(store_file, time, beat_every(30));
  ASSERT_TRUE(ledger.ok()) << ledger.error().message;

  std::mt19937 random(9);
  int64_t open_outage = 0;
  std::size_t undelivered_after_first_kill = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    const pid_t child = spawn_child(store_file, centre, terminal);
    ASSERT_GT(child, 0);
    // Ledger changes while the child runs: a beat, an outage opening or closing.
    for (int step = 0; step < 3; ++step) {
      time.advance(20);
      ASSERT_TRUE((*ledger)->heartbeat().ok());
      if (open_outage == 0) {
        auto opened = (*ledger)->open_outage(sla::OutageCause::PrinterDown, sla::ServiceScope::all(), "test");
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        open_outage = *opened;
      } else {
        ASSERT_TRUE((*ledger)->close_outage(open_outage).ok());
        open_outage = 0;
      }
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 120)(random)));
    }
    kill_child(child);
    if (kill == 0) undelivered_after_first_kill = undelivered(store_file).size();
  }
  if (open_outage != 0) {
    ASSERT_TRUE((*ledger)->close_outage(open_outage).ok());
  }

  // The last run goes to the end: outbox empty and every ledger row acknowledged.
  const pid_t last = spawn_child(store_file, centre, terminal);
  ASSERT_GT(last, 0);
  auto sync_ledger = sla::Ledger::open_for_sync(store_file, time);
  ASSERT_TRUE(sync_ledger.ok());
  const bool finished = eventually(
      [&] {
        auto changes = (*sync_ledger)->changes_for_centre(1000);
        // Purged too: the purge follows the delivery mark, so a kill between them leaves
        // pages that the next start purges (purge_leftovers); wait for that as well.
        auto store = store::Store::open(store_file);
        auto stats = store ? (*store)->stats(0) : Result<store::StoreStats>(make_error("no store"));
        return undelivered(store_file).empty() && changes.ok() && changes->empty() && stats.ok() &&
               stats->count(store::ApplicationState::Purged) == kApplications;
      },
      std::chrono::seconds(120));
  kill_child(last);
  {
    auto store = store::Store::open(store_file);
    auto stats = (*store)->stats(0);
    auto changes = (*sync_ledger)->changes_for_centre(1000);
    ASSERT_TRUE(finished) << "undelivered " << undelivered(store_file).size() << ", purged "
                          << stats->count(store::ApplicationState::Purged) << ", sent "
                          << stats->count(store::ApplicationState::Sent) << ", ledger rows unsent "
                          << (changes ? changes->size() : 0);
  }
  // The kills did land during the work, not after it: the first one cut a run with work left.
  // (After all 30 the outbox may be empty on a fast machine: the runs add up to seconds.)
  EXPECT_GT(undelivered_after_first_kill, 0u);

  expect_each_at_centre_once(*centre.server, store_file, expected);

  // The ledger at the centre is the terminal's, row for row.
  auto local = (*ledger)->snapshot();
  ASSERT_TRUE(local.ok());
  auto ledgers = centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  const centre::TerminalLedger* at_centre = nullptr;
  for (const auto& l : *ledgers)
    if (l.terminal_id == terminal) at_centre = &l;
  ASSERT_NE(at_centre, nullptr);
  ASSERT_EQ(at_centre->snapshot.outages.size(), local->outages.size());
  for (size_t i = 0; i < local->outages.size(); ++i) {
    const sla::Outage& mine = local->outages[i];
    const sla::Outage& theirs = at_centre->snapshot.outages[i];
    EXPECT_EQ(theirs.id, mine.id);
    EXPECT_EQ(theirs.start_unix, mine.start_unix);
    EXPECT_EQ(theirs.end_unix, mine.end_unix) << "outage " << mine.id;
    EXPECT_EQ(theirs.monotonic_duration_ms, mine.monotonic_duration_ms) << "outage " << mine.id;
    EXPECT_EQ(theirs.end, mine.end);
  }
  EXPECT_GE(local->outages.size(), static_cast<size_t>(kKills));
  ASSERT_EQ(at_centre->snapshot.runs.size(), local->runs.size());
  // The child may have recorded the centre's time once more just before its end, unsent.
  auto unsent = (*sync_ledger)->changes_for_centre(100'000);
  ASSERT_TRUE(unsent.ok());
  EXPECT_TRUE(unsent->outages.empty() && unsent->runs.empty());
  EXPECT_EQ(at_centre->snapshot.clock_events.size() + unsent->clock_events.size(),
            local->clock_events.size());
  EXPECT_GT(local->clock_events.size(), 0u);  // the child's heartbeats recorded the centre's time
}

TEST(KillMinus9, SyncKilledAtRandomPointsDeliversEverythingExactlyOnce) { kill_repeatedly_then_finish({}); }

// The same with the centre on PostgreSQL: its uploads' bytes in the database.
TEST(KillMinus9Postgres, SyncKilledAtRandomPointsDeliversEverythingExactlyOnce) {
  auto postgres = pk::test::PostgresServer::start("kill-9");
  ASSERT_TRUE(postgres.ok()) << postgres.error().message;
  kill_repeatedly_then_finish((*postgres)->url());
}

}  // namespace
}  // namespace pk::sync::test
