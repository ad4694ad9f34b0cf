// SyncWorker against the real centre: delivery, purge, status flowing back, failures recorded.
#include <gtest/gtest.h>

#include <atomic>
#include <ctime>
#include <mutex>

#include "protocol/encoding.h"
#include "sync/sync_worker.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

SyncOptions quick_options(const std::filesystem::path& store_file, const std::string& url) {
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = url;
  options.http.connect_timeout = std::chrono::milliseconds(1'000);
  options.http.total_timeout = std::chrono::milliseconds(3'000);
  options.tus.chunk_bytes = 8 * 1024;
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(50);
  options.status_poll = std::chrono::milliseconds(50);
  return options;
}

TEST(SyncWorker, DeliversPurgesAndReportsStatusChanges) {
  RunningCentre centre("worker-deliver");
  ASSERT_TRUE(centre.server);
  const auto store_file = centre.dir.file("terminal.sqlite");
  auto store = store::Store::open(store_file);
  ASSERT_TRUE(store.ok());
  const auto saved = fill_store(**store, 4, 2, 20'000);
  std::map<std::string, std::vector<Digest>> sealed_hashes;
  for (const auto& application : saved) {
    auto record = (*store)->find_by_tracking_code(application.tracking_code);
    for (const auto& document : (*record)->documents)
      sealed_hashes[application.tracking_code].push_back(sha256(*document.sealed_content));
  }

  std::mutex mutex;
  std::map<std::string, CentreStatus> heard;
  SyncOptions options = quick_options(store_file, centre.server->base_url());
  options.http.tls = centre.http.tls;
  options.on_status = [&](const std::string& code, CentreStatus status) {
    std::lock_guard lock(mutex);
    heard[code] = status;
  };
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  worker.wake();
  // Delivered, then purged: the worker marks an entry delivered and purges its pages in two
  // steps, so "the outbox is empty" alone may be seen between them.
  const auto all_purged = [&] {
    for (const auto& [code, hashes] : sealed_hashes) {
      auto record = (*store)->find_by_tracking_code(code);
      if (!record.ok() || !*record || (*record)->state != store::ApplicationState::Purged) return false;
    }
    return true;
  };
  ASSERT_TRUE(
      eventually([&] { return undelivered(store_file).empty() && all_purged(); }, std::chrono::seconds(30)));

  for (const auto& [code, hashes] : sealed_hashes) {
    auto record = (*store)->find_by_tracking_code(code);
    ASSERT_TRUE(record.ok() && *record);
    EXPECT_EQ((*record)->state, store::ApplicationState::Purged);
    for (const auto& document : (*record)->documents) EXPECT_FALSE(document.sealed_content.has_value());
    auto status = centre.server->storage().status(kTestTerminal, code);
    ASSERT_TRUE(status.ok() && *status);
    EXPECT_EQ((*status)->status, CentreStatus::Received);
    ASSERT_EQ((*status)->pages.size(), hashes.size());
    for (size_t i = 0; i < hashes.size(); ++i) {
      const std::string& path = (*status)->pages[i].upload_path;
      auto bytes = centre.server->storage().read_upload(path.substr(path.rfind('/') + 1));
      EXPECT_EQ(sha256(*bytes), hashes[i]);
    }
  }
  EXPECT_EQ(centre.server->storage().counts()->applications, 4);

  // A reviewer decides at the centre: the terminal hears of it.
  const std::string code = saved.front().tracking_code;
  ASSERT_TRUE(centre.server->storage().set_status(code, CentreStatus::Approved).ok());
  EXPECT_TRUE(eventually(
      [&] {
        std::lock_guard lock(mutex);
        return heard[code] == CentreStatus::Approved;
      },
      std::chrono::seconds(10)));
  worker.stop();
  EXPECT_EQ(worker.counters().delivered, 4);
}

TEST(SyncWorker, RecordsFailedAttemptsWithBackoffWhenTheCentreIsDown) {
  TempDir dir("worker-down");
  const auto store_file = dir.file("terminal.sqlite");
  auto store = store::Store::open(store_file);
  ASSERT_TRUE(store.ok());
  (void)fill_store(**store, 1, 1, 1000);
  // A port nobody listens on: bind one, then close it.
  int port = 0;
  {
    RunningCentre gone("worker-gone");
    port = gone.server->port();
  }
  SyncOptions options = quick_options(store_file, "http://127.0.0.1:" + std::to_string(port));
  options.backoff = {std::chrono::milliseconds(60'000), std::chrono::milliseconds(120'000)};
  const int64_t before = std::time(nullptr);
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually(
      [&] {
        auto entries = undelivered(store_file);
        return entries.size() == 1 && entries[0].attempts >= 1;
      },
      std::chrono::seconds(10)));
  worker.stop();
  const auto entries = undelivered(store_file);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].attempts, 1);  // backoff: not retried within the minute
  ASSERT_TRUE(entries[0].last_error.has_value());
  EXPECT_NE(entries[0].last_error->find("submit"), std::string::npos) << *entries[0].last_error;
  EXPECT_GE(entries[0].next_attempt_at_unix, before + 30);
  EXPECT_LE(entries[0].next_attempt_at_unix, std::time(nullptr) + 61);
}

// The enrolled test terminal syncing its ledger through `proxy`, a heartbeat every 100 ms.
SyncOptions beating_every_100ms(const RunningCentre& centre, const FaultProxy& proxy,
                                const std::filesystem::path& store_file) {
  SyncOptions options = quick_options(store_file, centre.url(proxy.port()));
  options.http.tls = centre.http.tls;
  options.terminal_id = kTestTerminal;
  options.ledger = LedgerSync::On;
  options.ledger_every = std::chrono::milliseconds(100);
  options.heartbeat_every = std::chrono::milliseconds(100);
  return options;
}

// The heartbeat is the kiosk's probe of the link (kiosk/idle_probes.h): while the centre is
// away it keeps its pace instead of backing off with the ledger sync (which would wait 100, 200,
// 400, 800 ms... here), and the first beat answered afterwards ends the run of missed ones.
TEST(SyncWorker, HeartbeatKeepsItsPaceWhileTheCentreIsAway) {
  RunningCentre centre("worker-heartbeat");
  ASSERT_TRUE(centre.server);
  std::atomic<bool> away{true};
  FaultProxy proxy(centre.server->port(),
                   [&] { return away ? Fault{FaultKind::Answer503} : Fault{FaultKind::None}; });
  const auto store_file = centre.dir.file("terminal.sqlite");
  ASSERT_TRUE(store::Store::open(store_file).ok());
  SyncWorker worker(beating_every_100ms(centre, proxy, store_file));
  ASSERT_TRUE(worker.start().ok());

  // Twelve beats at 100 ms take about 1.2 s; backed off to 8 times they would take over 8 s.
  ASSERT_TRUE(eventually([&] { return worker.counters().heartbeats_missed >= 12; }, std::chrono::seconds(6)));
  SyncCounters counters = worker.counters();
  EXPECT_EQ(counters.heartbeats_answered, 0);
  EXPECT_GE(counters.heartbeats_missed_in_row, 12);

  away = false;
  ASSERT_TRUE(eventually([&] { return worker.counters().heartbeats_answered > 0; }, std::chrono::seconds(5)));
  counters = worker.counters();
  EXPECT_EQ(counters.heartbeats_missed_in_row, 0);
  EXPECT_GE(counters.heartbeats_missed, 12);
  worker.stop();
}

// A centre that answers with a refusal is up: a revoked terminal's heartbeats count as refused,
// never as missed, so an idle kiosk opens no centre outage for its own revocation, and a run of
// missed beats (the link down) ends at the first refusal as it would at an answer.
TEST(SyncWorker, ARefusedHeartbeatIsTheCentreUpNotAMissedBeat) {
  RunningCentre centre("worker-heartbeat-refused");
  ASSERT_TRUE(centre.server);
  std::atomic<bool> away{true};
  FaultProxy proxy(centre.server->port(),
                   [&] { return away ? Fault{FaultKind::Answer503} : Fault{FaultKind::None}; });
  const auto store_file = centre.dir.file("terminal.sqlite");
  ASSERT_TRUE(store::Store::open(store_file).ok());
  SyncWorker worker(beating_every_100ms(centre, proxy, store_file));
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(
      eventually([&] { return worker.counters().heartbeats_missed_in_row >= 3; }, std::chrono::seconds(6)));

  // The link comes back, but the terminal has been revoked meanwhile: the centre answers 403.
  ASSERT_TRUE(centre.server->enrollment().revoke_terminal(kTestTerminal, std::time(nullptr)).ok());
  away = false;
  ASSERT_TRUE(eventually([&] { return worker.counters().heartbeats_refused >= 3; }, std::chrono::seconds(6)));
  const SyncCounters counters = worker.counters();
  EXPECT_EQ(counters.heartbeats_missed_in_row, 0) << "the centre answered: the run of missed beats is over";
  // (A beat or two may still be answered while the revocation reaches the centre's admission.)
  const int64_t missed = counters.heartbeats_missed;
  const int64_t answered = counters.heartbeats_answered;
  ASSERT_TRUE(
      eventually([&] { return worker.counters().heartbeats_refused >= counters.heartbeats_refused + 3; },
                 std::chrono::seconds(6)));
  EXPECT_EQ(worker.counters().heartbeats_missed, missed) << "refusals are not missed beats";
  EXPECT_EQ(worker.counters().heartbeats_answered, answered)
      << "nor answers: they carry no clock for the ledger";
  EXPECT_EQ(worker.counters().heartbeats_missed_in_row, 0);
  worker.stop();
}

}  // namespace
}  // namespace pk::sync::test
