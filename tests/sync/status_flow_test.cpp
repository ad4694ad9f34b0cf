// Statuses flow back (issue 8.3): what a reviewer decides at the centre reaches the terminal's
// store, where the kiosk's status lookup reads it offline; polling is bounded and rotates.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <mutex>

#include "kiosk/citizen/status_lookup.h"
#include "kiosk/strings.h"
#include "sync/sync_worker.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

// The HTTP options the fixture gives for talking to its centre (its TLS identity, once the
// fixture enrolls a terminal); plain defaults with a fixture that does not.
template <class Fixture>
HttpOptions http_of(const Fixture& centre) {
  if constexpr (requires { centre.http; }) {
    return centre.http;
  } else {
    return {};
  }
}

std::optional<store::CentreStatus> centre_status_in_store(const std::filesystem::path& file,
                                                          const std::string& code) {
  auto store = store::Store::open(file);
  if (!store) return std::nullopt;
  auto record = (*store)->find_by_tracking_code(code);
  if (!record || !*record) return std::nullopt;
  return (*record)->centre_status;
}

TEST(StatusFlow, CentreDecisionsReachTheStoreAndPollingStopsWhenFinal) {
  RunningCentre centre("status-flow");
  ASSERT_TRUE(centre.server);
  const auto store_file = centre.dir.file("terminal.sqlite");
  std::vector<std::string> codes;
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    for (const auto& saved : fill_store(**store, 3, 1, 5'000)) codes.push_back(saved.tracking_code);
  }
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = centre.server->base_url();
  options.http = http_of(centre);
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  options.status_poll = std::chrono::milliseconds(30);
  options.status_batch = 1;  // one question per round: the rounds must rotate over the captures
  // Every status call is reported, whether or not the status changed (the kiosk's status check
  // waits on it).
  std::mutex asked_mutex;
  std::map<std::string, std::pair<int, int>> asked;  // code -> answered, failed
  options.on_status_asked = [&](const std::string& code, bool answered) {
    std::lock_guard lock(asked_mutex);
    ++(answered ? asked[code].first : asked[code].second);
  };
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually([&] { return undelivered(store_file).empty(); }, std::chrono::seconds(30)));
  // The worker stores the centre's first word and purges right after marking the delivery.
  ASSERT_TRUE(eventually(
      [&] {
        for (const std::string& code : codes)
          if (centre_status_in_store(store_file, code) != store::CentreStatus::Received) return false;
        return true;
      },
      std::chrono::seconds(10)));

  // Delivered: the centre's first word is in the store, and the pages are purged.
  for (const std::string& code : codes) {
    EXPECT_EQ(centre_status_in_store(store_file, code), store::CentreStatus::Received) << code;
    auto store = store::Store::open(store_file);
    auto record = (*store)->find_by_tracking_code(code);
    EXPECT_EQ((*record)->state, store::ApplicationState::Purged);
    for (const auto& document : (*record)->documents) EXPECT_FALSE(document.sealed_content.has_value());
  }

  ASSERT_TRUE(centre.server->storage().set_status(codes[0], CentreStatus::InReview).ok());
  ASSERT_TRUE(centre.server->storage().set_status(codes[2], CentreStatus::Rejected).ok());
  EXPECT_TRUE(eventually(
      [&] {
        return centre_status_in_store(store_file, codes[0]) == store::CentreStatus::InReview &&
               centre_status_in_store(store_file, codes[2]) == store::CentreStatus::Rejected;
      },
      std::chrono::seconds(10)));
  ASSERT_TRUE(centre.server->storage().set_status(codes[0], CentreStatus::Approved).ok());
  EXPECT_TRUE(eventually(
      [&] { return centre_status_in_store(store_file, codes[0]) == store::CentreStatus::Approved; },
      std::chrono::seconds(10)));
  // codes[1] stays received: it is asked about, round after round, with nothing new to store.
  EXPECT_TRUE(eventually(
      [&] {
        std::lock_guard lock(asked_mutex);
        return asked[codes[1]].first >= 2;
      },
      std::chrono::seconds(10)));
  worker.stop();
  EXPECT_GE(worker.counters().statuses_changed, 6);  // 3 received, in review, rejected, approved
  for (const auto& [code, counts] : asked) EXPECT_EQ(counts.second, 0) << code << ": a failed status call";

  // Final decisions are no longer asked about; the one still received is.
  auto store = store::Store::open(store_file);
  auto to_poll = (*store)->centre_statuses_to_poll(10, 0);
  ASSERT_TRUE(to_poll.ok());
  EXPECT_EQ(*to_poll, std::vector<std::string>{codes[1]});
  // The audit log says what the centre decided and when we heard it.
  auto audit = (*store)->audit_entries(0, 1000);
  ASSERT_TRUE(audit.ok());
  int decisions = 0;
  for (const auto& entry : *audit) decisions += entry.action == "centre_status" ? 1 : 0;
  EXPECT_EQ(decisions, 6);
}

std::optional<store::CentreDecision> decision_in_store(const std::filesystem::path& file,
                                                       const std::string& code) {
  auto store = store::Store::open(file);
  if (!store) return std::nullopt;
  auto record = (*store)->find_by_tracking_code(code);
  if (!record || !*record) return std::nullopt;
  return (*record)->centre_decision;
}

// The back office decides at the centre (centre/staff: CentreStorage::decide); the terminal's
// sync client hears the status with the decision, keeps both, and the citizen's status check
// on the kiosk shows staff's words: the documents to bring on an application, the reply and
// the credit on a failure report, which is asked about the same way as an application.
TEST(StatusFlow, ABackOfficeDecisionReachesTheKiosksStatusCheck) {
  RunningCentre centre("status-decision");
  ASSERT_TRUE(centre.server);
  const auto store_file = centre.dir.file("terminal.sqlite");
  std::string application;
  std::string report;
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    application = fill_store(**store, 1, 1, 2'000).at(0).tracking_code;
    store::NewApplication failure = store::test::sample_application(0, 0);
    failure.kind = store::ApplicationKind::FailureReport;
    failure.terminal_id = kTestTerminal;
    auto saved = (*store)->save_application(failure, [](int64_t sequence) {
      return test_tracking_code(sequence, kTestTerminalNumber, TrackingKind::FailureReport);
    });
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    report = saved->tracking_code;
  }
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = centre.server->base_url();
  options.http = http_of(centre);
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  options.status_poll = std::chrono::milliseconds(30);
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually(
      [&] {
        return centre_status_in_store(store_file, application) == store::CentreStatus::Received &&
               centre_status_in_store(store_file, report) == store::CentreStatus::Received;
      },
      std::chrono::seconds(30)));

  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const std::string bring = "اصل گذرنامه و دو قطعه عکس ۳×۴ را به باجه بیاورید.";
  centre::CaseDecisionRequest asked;
  asked.status = CentreStatus::DocumentsRequested;
  asked.decision.note = bring;
  asked.decided_by = "reviewer-1";
  auto decided = centre.server->storage().decide(application, asked, now);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  centre::CaseDecisionRequest resolved;
  resolved.status = CentreStatus::Resolved;
  resolved.decision.note = "The printer was replaced.";
  resolved.decision.credit = "500,000 rials";
  resolved.decided_by = "reviewer-1";
  decided = centre.server->storage().decide(report, resolved, now);
  ASSERT_TRUE(decided.ok()) << decided.error().message;

  EXPECT_TRUE(eventually(
      [&] {
        return centre_status_in_store(store_file, application) == store::CentreStatus::DocumentsRequested &&
               centre_status_in_store(store_file, report) == store::CentreStatus::Resolved &&
               decision_in_store(store_file, application).has_value() &&
               decision_in_store(store_file, report).has_value();
      },
      std::chrono::seconds(10)));
  worker.stop();
  const auto application_decision = decision_in_store(store_file, application);
  ASSERT_TRUE(application_decision.has_value());
  EXPECT_EQ(application_decision->note, bring);
  EXPECT_EQ(application_decision->credit, "");
  EXPECT_GT(application_decision->decided_unix, 0);
  const auto report_decision = decision_in_store(store_file, report);
  ASSERT_TRUE(report_decision.has_value());
  EXPECT_EQ(report_decision->note, "The printer was replaced.");
  EXPECT_EQ(report_decision->credit, "500,000 rials");

  // The resolved report is final: no longer asked about. The application still is.
  auto store = store::Store::open(store_file);
  ASSERT_TRUE(store.ok());
  auto to_poll = (*store)->centre_statuses_to_poll(10, 0);
  ASSERT_TRUE(to_poll.ok());
  EXPECT_EQ(*to_poll, std::vector<std::string>{application});

  // What the citizen sees at the kiosk, offline, from the same store.
  auto shown = kiosk::look_up_status(**store, application, catalog::Language::Persian);
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  EXPECT_EQ(shown->message, kiosk::strings::kStatusDocumentsRequested.in(Language::Persian));
  ASSERT_EQ(shown->details.size(), 1u);
  EXPECT_EQ(shown->details[0].heading, kiosk::strings::kDecisionDocuments.in(Language::Persian));
  EXPECT_EQ(shown->details[0].text, bring);
  shown = kiosk::look_up_status(**store, report, catalog::Language::English);
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  EXPECT_EQ(shown->message, kiosk::strings::kReportStatusResolved.in(Language::English));
  ASSERT_EQ(shown->details.size(), 2u);
  EXPECT_EQ(shown->details[0].text, "The printer was replaced.");
  EXPECT_EQ(shown->details[1].heading, kiosk::strings::kDecisionCredit.in(Language::English));
  EXPECT_EQ(shown->details[1].text, "500,000 rials");
}

TEST(StatusFlow, AStatusNeverMovesBackInTheStore) {
  TempDir dir("status-back");
  auto store = store::Store::open(dir.file("t.sqlite"));
  ASSERT_TRUE(store.ok());
  const auto saved = fill_store(**store, 1, 0, 0);
  ASSERT_EQ(saved.size(), 1u);
  const std::string& code = saved[0].tracking_code;
  EXPECT_TRUE(*(*store)->record_centre_status(code, store::CentreStatus::InReview, 100));
  // A late or stale reply: refused quietly, the stored status stays.
  EXPECT_FALSE(*(*store)->record_centre_status(code, store::CentreStatus::Received, 101));
  EXPECT_EQ((*(*store)->find_by_tracking_code(code))->centre_status, store::CentreStatus::InReview);
  EXPECT_EQ((*(*store)->find_by_tracking_code(code))->centre_status_at_unix, 100);
  EXPECT_FALSE((*store)->record_centre_status("no-such-code", store::CentreStatus::Approved, 102).ok());
}

}  // namespace
}  // namespace pk::sync::test
