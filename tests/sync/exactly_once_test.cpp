// EXACTLY ONCE: the real centre behind a proxy that cuts, drops replies after the centre has
// done the work, truncates, corrupts, stalls and answers 503 at random; the worker is stopped
// and started again many times. In the end every application is at the centre once, every
// page byte-identical, the outbox is empty and the terminal's pages are purged.
#include <gtest/gtest.h>

#include <random>

#include "protocol/encoding.h"
#include "sync/sync_worker.h"
#include "tests/support/postgres_server.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

// The whole test, against a centre on SQLite (empty `database_url`) or on PostgreSQL.
void flaky_link_and_restarts(const std::string& database_url) {
  RunningCentre centre("exactly-once",
                       [&](centre::CentreConfig& config) { config.database_url = database_url; });
  ASSERT_TRUE(centre.server);
  std::mt19937 random(7);
  FaultProxy proxy(centre.server->port(), [&] {
    const int roll = std::uniform_int_distribution<int>(0, 99)(random);
    const size_t at = std::uniform_int_distribution<size_t>(0, 40'000)(random);
    if (roll < 45) return Fault{};
    if (roll < 60) return Fault{FaultKind::CutRequest, at, {}};
    if (roll < 75) return Fault{FaultKind::DropReply, 0, {}};
    if (roll < 82) return Fault{FaultKind::TruncateReply, at % 400, {}};
    if (roll < 89) return Fault{FaultKind::CorruptReply, at % 600, {}};
    if (roll < 97) return Fault{FaultKind::Answer503, 0, {}};
    return Fault{FaultKind::Stall, 0, std::chrono::milliseconds(1'500)};
  });

  constexpr int kApplications = 200;  // the acceptance: at least 200 submissions with pages
  const auto store_file = centre.dir.file("terminal.sqlite");
  const PageDigests expected = fill_store_file(store_file, kApplications, 2, 6'000);
  ASSERT_EQ(expected.size(), static_cast<size_t>(kApplications));

  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = centre.url(proxy.port());  // TLS through the proxy: it relays raw bytes
  options.http = centre.http;
  options.http.connect_timeout = std::chrono::milliseconds(1'000);
  options.http.total_timeout = std::chrono::milliseconds(1'000);
  options.tus.chunk_bytes = 4 * 1024;
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);

  int restarts = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(4);
  while (!undelivered(store_file).empty() && std::chrono::steady_clock::now() < deadline) {
    SyncWorker worker(options);
    ASSERT_TRUE(worker.start().ok());
    // Run for a random while, then stop: mid-upload, mid-submission, wherever it is.
    const auto run_for = std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 1'500)(random));
    (void)eventually([&] { return undelivered(store_file).empty(); }, run_for);
    worker.stop();
    ++restarts;
  }
  EXPECT_GT(restarts, 3);
  EXPECT_GT(proxy.faults_fired(), 20);
  ASSERT_TRUE(undelivered(store_file).empty());

  expect_each_at_centre_once(*centre.server, store_file, expected);
}

TEST(ExactlyOnce, FlakyLinkAndRestartsNeverLoseOrDuplicate) { flaky_link_and_restarts({}); }

// The same with the centre on PostgreSQL: its uploads' bytes in the database.
TEST(ExactlyOncePostgres, FlakyLinkAndRestartsNeverLoseOrDuplicate) {
  auto postgres = pk::test::PostgresServer::start("exactly-once");
  ASSERT_TRUE(postgres.ok()) << postgres.error().message;
  flaky_link_and_restarts((*postgres)->url());
}

}  // namespace
}  // namespace pk::sync::test
