// EXACTLY ONCE: the real centre behind a proxy that cuts, drops replies after the centre has
// done the work, truncates, corrupts, stalls and answers 503 at random; the worker is stopped
// and started again many times. In the end every application is at the centre once, every
// page byte-identical, the outbox is empty and the terminal's pages are purged.
#include <gtest/gtest.h>

#include <random>

#include "sync/encoding.h"
#include "sync/sync_worker.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

TEST(ExactlyOnce, FlakyLinkAndRestartsNeverLoseOrDuplicate) {
  RunningCentre centre("exactly-once");
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
  std::map<std::string, std::vector<Digest>> expected;
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    for (const auto& saved : fill_store(**store, kApplications, 2, 6'000)) {
      auto record = (*store)->find_by_tracking_code(saved.tracking_code);
      for (const auto& document : (*record)->documents)
        expected[saved.tracking_code].push_back(sha256(*document.sealed_content));
    }
  }

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

  auto counts = centre.server->storage().counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->applications, kApplications);  // no duplicate
  EXPECT_EQ(counts->uploads, 2 * kApplications);
  EXPECT_EQ(counts->complete_uploads, 2 * kApplications);
  auto store = store::Store::open(store_file);
  for (const auto& [code, hashes] : expected) {
    auto status = centre.server->storage().status(code);
    ASSERT_TRUE(status.ok() && *status) << code;
    ASSERT_EQ((*status)->pages.size(), hashes.size());
    for (size_t i = 0; i < hashes.size(); ++i) {
      const std::string& path = (*status)->pages[i].upload_path;
      auto bytes = centre.server->storage().read_upload(path.substr(path.rfind('/') + 1));
      EXPECT_EQ(sha256(*bytes), hashes[i]) << code << " page " << i;
    }
    auto record = (*store)->find_by_tracking_code(code);
    EXPECT_EQ((*record)->state, store::ApplicationState::Purged) << code;
  }
}

}  // namespace
}  // namespace pk::sync::test
