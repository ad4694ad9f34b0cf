// The back office's cases on each backend (SQLite + files, PostgreSQL): listing with each filter,
// one case with its submission and pages, and decisions: forward only, never away from a final
// status, each kind's own statuses, notes and credits where they belong, nothing decided while
// pages are arriving, and the decision in the terminal's status check.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "tests/centre/backend_fixture.h"

namespace pk::centre::test {
namespace {

using sync::CentreStatus;
using ::testing::HasSubstr;

constexpr int64_t kCreated = 1'760'000'000;
constexpr int64_t kNow = 1'760'100'000;

sync::Submission sample(const std::string& code, const std::string& kind, int64_t service, int64_t created,
                        const std::vector<std::vector<uint8_t>>& pages = {}) {
  auto s = submission(code, pages, kind);
  s.service_number = service;
  s.created_at_unix = created;
  return s;
}

CaseDecisionRequest decision(CentreStatus status, const std::string& note = "",
                             const std::string& credit = "") {
  return {status, {note, credit, 0}, "manager.a"};
}

// The tracking codes list_cases() gives, for the filter that `set` fills in.
std::vector<std::string> codes_of(CentreStorage& storage, const std::function<void(CaseFilter&)>& set = {}) {
  CaseFilter filter;
  if (set) set(filter);
  auto cases = storage.list_cases(filter);
  EXPECT_TRUE(cases.ok()) << (cases.ok() ? "" : cases.error().message);
  std::vector<std::string> codes;
  if (cases)
    for (const CaseSummary& c : *cases) codes.push_back(c.tracking_code);
  return codes;
}

CaseFilter of_terminal(const std::string& terminal) {
  CaseFilter filter;
  filter.terminal_ids = std::vector<std::string>{terminal};
  return filter;
}

class CaseStorageTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    m_storage = open_storage();
    ASSERT_TRUE(m_storage);
  }

  // Refused, with a message that names the case and says why (`why`).
  void expect_refused(const std::string& code, const CaseDecisionRequest& request, const std::string& why) {
    auto refused = m_storage->decide(code, request, kNow);
    ASSERT_FALSE(refused.ok()) << code << " -> " << sync::to_string(request.status);
    EXPECT_THAT(refused.error().message, HasSubstr(code));
    EXPECT_THAT(refused.error().message, HasSubstr(why));
  }

  void expect_decided(const std::string& code, const CaseDecisionRequest& request) {
    auto decided = m_storage->decide(code, request, kNow);
    ASSERT_TRUE(decided.ok()) << decided.error().message;
  }

  CentreStatus status_of(const std::string& terminal, const std::string& code) {
    auto status = m_storage->status(terminal, code);
    EXPECT_TRUE(status.ok() && *status);
    return status.ok() && *status ? (*status)->status : CentreStatus::Receiving;
  }

  std::unique_ptr<CentreStorage> m_storage;
};

TEST_P(CaseStorageTest, CasesAreListedNewestFirstByEachFilter) {
  const auto page = bytes_of(40, 1);
  (void)submit(*m_storage, "T1", "k1", sample("KSK1-1", "application", 3, kCreated));
  (void)submit(*m_storage, "T1", "k2", sample("KSK1-2", "failure_report", 5, kCreated + 10));
  const auto pages =
      submit(*m_storage, "T2", "k3", sample("KSK2-1", "application", 3, kCreated + 20, {page}));
  (void)submit(*m_storage, "T3", "k4", sample("KSK3-1", "application", 7, kCreated + 30));

  EXPECT_EQ(codes_of(*m_storage), (std::vector<std::string>{"KSK3-1", "KSK2-1", "KSK1-2", "KSK1-1"}));
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.kind = "failure_report"; }),
            std::vector<std::string>{"KSK1-2"});
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.kind = "application"; }),
            (std::vector<std::string>{"KSK3-1", "KSK2-1", "KSK1-1"}));
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.service_number = 3; }),
            (std::vector<std::string>{"KSK2-1", "KSK1-1"}));
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.status = CentreStatus::Receiving; }),
            std::vector<std::string>{"KSK2-1"});
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.terminal_ids = std::vector<std::string>{"T1"}; }),
            (std::vector<std::string>{"KSK1-2", "KSK1-1"}));
  EXPECT_EQ(codes_of(*m_storage,
                     [](CaseFilter& f) {
                       f.terminal_ids = std::vector<std::string>{"T3", "T2"};
                     }),
            (std::vector<std::string>{"KSK3-1", "KSK2-1"}));
  // An office without terminals sees nothing, not everything.
  EXPECT_TRUE(
      codes_of(*m_storage, [](CaseFilter& f) { f.terminal_ids = std::vector<std::string>{}; }).empty());
  EXPECT_EQ(codes_of(*m_storage, [](CaseFilter& f) { f.limit = 2; }),
            (std::vector<std::string>{"KSK3-1", "KSK2-1"}));
  EXPECT_EQ(codes_of(*m_storage,
                     [](CaseFilter& f) {
                       f.terminal_ids = std::vector<std::string>{"T1"};
                       f.kind = "application";
                       f.service_number = 3;
                       f.status = CentreStatus::Received;
                     }),
            std::vector<std::string>{"KSK1-1"});

  auto receiving = m_storage->list_cases(of_terminal("T2"));
  ASSERT_TRUE(receiving.ok());
  ASSERT_EQ(receiving->size(), 1u);
  const CaseSummary& summary = receiving->front();
  EXPECT_EQ(summary.terminal_id, "T2");
  EXPECT_EQ(summary.kind, "application");
  EXPECT_EQ(summary.service_number, 3);
  EXPECT_EQ(summary.channel, "kiosk");
  EXPECT_EQ(summary.created_at_unix, kCreated + 20);
  EXPECT_EQ(summary.status, CentreStatus::Receiving);
  EXPECT_EQ(summary.pages, 1);
  EXPECT_EQ(summary.pages_complete, 0);
  EXPECT_FALSE(summary.decision);

  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(upload(*m_storage, "T2", upload_id(pages[0]), page, 40).outcome, AppendOutcome::Appended);
  auto received = m_storage->list_cases(of_terminal("T2"));
  ASSERT_TRUE(received.ok());
  ASSERT_EQ(received->size(), 1u);
  EXPECT_EQ(received->front().pages_complete, 1);
  EXPECT_EQ(received->front().status, CentreStatus::Received);
}

TEST_P(CaseStorageTest, ACaseIsFoundWithItsSubmissionAndPages) {
  const auto sent = sample("KSK1-1", "application", 3, kCreated, {bytes_of(10, 1), bytes_of(20, 2)});
  const auto pages = submit(*m_storage, "T1", "k1", sent);
  ASSERT_EQ(pages.size(), 2u);
  auto found = m_storage->find_case("KSK1-1");
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(*found);
  const CaseDetail& detail = **found;
  EXPECT_EQ(detail.summary.tracking_code, "KSK1-1");
  EXPECT_EQ(detail.summary.terminal_id, "T1");
  EXPECT_EQ(detail.summary.pages, 2);
  EXPECT_EQ(detail.submission, sent);
  EXPECT_EQ(detail.page_upload_ids, (std::vector<std::string>{upload_id(pages[0]), upload_id(pages[1])}));
  auto missing = m_storage->find_case("KSK9-9");
  ASSERT_TRUE(missing.ok()) << missing.error().message;
  EXPECT_FALSE(*missing);
}

TEST_P(CaseStorageTest, AnApplicationMovesForwardAndStaysWhereItEnds) {
  (void)submit(*m_storage, "T1", "k1", sample("KSK1-1", "application", 3, kCreated));
  expect_decided("KSK1-1", decision(CentreStatus::InReview));
  expect_decided("KSK1-1", decision(CentreStatus::DocumentsRequested, "a copy of the birth certificate"));
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::DocumentsRequested);
  // In review and documents requested are one step: a reviewer goes between them.
  expect_decided("KSK1-1", decision(CentreStatus::InReview));
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::InReview);
  expect_refused("KSK1-1", decision(CentreStatus::Received), "received");
  expect_decided("KSK1-1", decision(CentreStatus::Approved, "ready at the counter"));
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::Approved);
  // Final: neither back nor to another final status.
  expect_refused("KSK1-1", decision(CentreStatus::InReview), "approved");
  expect_refused("KSK1-1", decision(CentreStatus::Rejected, "changed my mind"), "approved");
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::Approved);
  expect_refused("KSK9-9", decision(CentreStatus::InReview), "KSK9-9");
}

TEST_P(CaseStorageTest, EachKindHasItsOwnStatusesAndNotesAndCreditsWhereTheyBelong) {
  (void)submit(*m_storage, "T1", "k1", sample("KSK1-1", "application", 3, kCreated));
  (void)submit(*m_storage, "T1", "k2", sample("KSK1-2", "failure_report", 5, kCreated));
  expect_refused("KSK1-1", decision(CentreStatus::Resolved, "fixed"), "resolved");
  expect_refused("KSK1-2", decision(CentreStatus::Approved, "fine"), "approved");
  expect_refused("KSK1-2", decision(CentreStatus::DocumentsRequested, "papers"), "documents_requested");
  // A rejection, a documents request and a resolution tell the citizen why.
  expect_refused("KSK1-1", decision(CentreStatus::Rejected), "rejected");
  expect_refused("KSK1-1", decision(CentreStatus::DocumentsRequested), "documents_requested");
  expect_refused("KSK1-2", decision(CentreStatus::Resolved), "resolved");
  // A credit only on a failure report.
  expect_refused("KSK1-1", decision(CentreStatus::Approved, "ready", "one free print"), "credit");
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::Received);
  EXPECT_EQ(status_of("T1", "KSK1-2"), CentreStatus::Received);

  expect_decided("KSK1-2", decision(CentreStatus::InReview, "we are sending a technician"));
  expect_decided("KSK1-2", decision(CentreStatus::Resolved, "the printer was replaced", "one free print"));
  expect_decided("KSK1-1", decision(CentreStatus::Rejected, "the photo is not of the applicant"));
  EXPECT_EQ(status_of("T1", "KSK1-2"), CentreStatus::Resolved);
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::Rejected);
}

TEST_P(CaseStorageTest, NothingIsDecidedWhilePagesAreArriving) {
  const auto page = bytes_of(30, 4);
  const auto pages = submit(*m_storage, "T1", "k1", sample("KSK1-1", "application", 3, kCreated, {page}));
  ASSERT_EQ(pages.size(), 1u);
  expect_refused("KSK1-1", decision(CentreStatus::InReview), "KSK1-1");
  EXPECT_EQ(status_of("T1", "KSK1-1"), CentreStatus::Receiving);
  EXPECT_EQ(upload(*m_storage, "T1", upload_id(pages[0]), page, 30).outcome, AppendOutcome::Appended);
  expect_decided("KSK1-1", decision(CentreStatus::InReview));
}

TEST_P(CaseStorageTest, TheDecisionReachesTheTerminalsStatusCheckAndTheCaseList) {
  (void)submit(*m_storage, "T1", "k1", sample("KSK1-2", "failure_report", 5, kCreated));
  auto before = m_storage->status("T1", "KSK1-2");
  ASSERT_TRUE(before.ok() && *before);
  EXPECT_FALSE((*before)->decision);

  expect_decided("KSK1-2", decision(CentreStatus::Resolved, "the printer was replaced", "one free print"));
  auto after = m_storage->status("T1", "KSK1-2");
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_TRUE(*after);
  ASSERT_TRUE((*after)->decision);
  EXPECT_EQ(*(*after)->decision, (sync::CentreDecision{"the printer was replaced", "one free print", kNow}));
  // As the terminal reads it off the wire.
  auto wire = sync::parse_application_status(sync::to_json(**after));
  ASSERT_TRUE(wire.ok()) << wire.error().message;
  EXPECT_EQ(wire->decision, (*after)->decision);
  // Another terminal still sees nothing.
  auto other = m_storage->status("T2", "KSK1-2");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(*other);

  auto cases = m_storage->list_cases(CaseFilter());
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ(cases->front().status, CentreStatus::Resolved);
  EXPECT_EQ(cases->front().decision, (*after)->decision);
  EXPECT_EQ(cases->front().decided_by, "manager.a");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStorageTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

}  // namespace
}  // namespace pk::centre::test
