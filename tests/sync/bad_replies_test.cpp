// A misbehaving centre on loopback: every kind of bad reply gets a clear error recorded in the
// outbox and a retry (or a stop for a refusal), never a crash and never a dropped capture.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "sync/sync_worker.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

enum class Misbehaviour { Garbage, TruncatedJson, ServerError, Refusal, WrongChecksum, NeverAnswers };

struct Case {
  Misbehaviour misbehaviour;
  const char* expected_error;  // a piece of the recorded last_error
  int64_t min_attempts;
};

class BadReplies : public ::testing::TestWithParam<Case> {};

TEST_P(BadReplies, AreLoggedAndRetriedAndNothingIsDropped) {
  const Case c = GetParam();
  TempDir dir("bad-replies");
  httplib::Server server;
  const std::string page_sha(64, 'e');
  const std::string status_json =
      R"({"version":1,"tracking_code":")" + test_tracking_code(1) +
      R"(","status":"received","pages":[{"index":0,"upload":"/v1/uploads/00000000000000000000000000000000","sealed_size":1048,"received":1048,"sealed_sha256":")" +
      page_sha + R"(","complete":true}]})";
  auto handler = [&](const httplib::Request&, httplib::Response& response) {
    switch (c.misbehaviour) {
      case Misbehaviour::Garbage:
        response.set_content("\x01\x02 not json at all", "application/json");
        break;
      case Misbehaviour::TruncatedJson:
        response.set_content(status_json.substr(0, 50), "application/json");
        break;
      case Misbehaviour::ServerError:
        response.status = 500;
        response.set_content("boom", "text/plain");
        break;
      case Misbehaviour::Refusal:
        response.status = 400;
        response.set_content("{\"error\":\"no\"}", "application/json");
        break;
      case Misbehaviour::WrongChecksum:
        response.set_content(status_json, "application/json");
        break;
      case Misbehaviour::NeverAnswers:
        std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // the fault: a centre that hangs
        break;
    }
  };
  server.Post("/v1/applications", handler);
  server.Get(R"(/v1/applications/(.*))", handler);
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::yield();  // a stop() before listening would be lost

  const auto store_file = dir.file("terminal.sqlite");
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    (void)fill_store(**store, 1, 1, 1000);
  }
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = "http://127.0.0.1:" + std::to_string(port);
  // Long enough that a loaded machine does not turn another fault into a timeout (the last
  // attempt's error is what is checked), short of the hanging centre's 3 s.
  options.http.total_timeout = std::chrono::milliseconds(2000);
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  const bool attempted = eventually(
      [&] {
        auto entries = undelivered(store_file);
        return entries.size() == 1 && entries[0].attempts >= c.min_attempts;
      },
      std::chrono::seconds(20));
  worker.stop();
  server.stop();
  thread.join();
  ASSERT_TRUE(attempted);

  const auto entries = undelivered(store_file);
  ASSERT_EQ(entries.size(), 1u);
  ASSERT_TRUE(entries[0].last_error.has_value());
  EXPECT_NE(entries[0].last_error->find(c.expected_error), std::string::npos) << *entries[0].last_error;
  auto store = store::Store::open(store_file);
  auto record = (*store)->find_by_tracking_code(entries[0].tracking_code);
  ASSERT_TRUE(record.ok() && *record);
  EXPECT_EQ((*record)->state, store::ApplicationState::Queued == (*record)->state
                                  ? store::ApplicationState::Queued
                                  : store::ApplicationState::Captured);
  EXPECT_TRUE((*record)->documents[0].sealed_content.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Centre, BadReplies,
    ::testing::Values(Case{Misbehaviour::Garbage, "bad reply: application status: not valid JSON", 2},
                      Case{Misbehaviour::TruncatedJson, "not valid JSON", 2},
                      Case{Misbehaviour::ServerError, "HTTP 500: boom", 2},
                      // A refusal is not retried at once: the longest backoff (here 0) applies.
                      Case{Misbehaviour::Refusal, "HTTP 400", 1},
                      Case{Misbehaviour::WrongChecksum, "does not confirm", 2},
                      Case{Misbehaviour::NeverAnswers, "Operation timed out", 2}));

}  // namespace
}  // namespace pk::sync::test
