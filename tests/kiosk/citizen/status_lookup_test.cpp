// The citizen's status check (look_up_status) on a real store: the centre's status in words, and
// under it the back office's own words where the status calls for them.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "domain/catalog.h"
#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "kiosk/citizen/status_lookup.h"
#include "kiosk/strings.h"

namespace pk::kiosk {
namespace {

namespace fs = std::filesystem;
using catalog::Language;

class StatusLookup : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("status_lookup_" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    auto store = store::Store::open(m_dir / "store.db");
    ASSERT_TRUE(store) << store.error().message;
    m_store = std::move(store).value();
  }
  void TearDown() override {
    m_store.reset();
    fs::remove_all(m_dir);
  }
  // Saves a capture of `kind` and what the centre said about it; returns its 14 digits.
  std::string saved(TrackingKind kind, store::CentreStatus status,
                    std::optional<store::CentreDecision> decision = std::nullopt) {
    store::NewApplication app;
    app.kind = kind == TrackingKind::Application ? store::ApplicationKind::Application
                                                 : store::ApplicationKind::FailureReport;
    if (kind == TrackingKind::Application) app.service_number = 3;
    app.terminal_id = "SKO-TEST-0001";
    app.created_at_unix = 1'800'000'000;
    app.sealed_personal = {1, 2, 3};
    std::string digits;
    auto saved = m_store->save_application(app, [&](int64_t sequence) {
      digits = make_tracking_code(kind, 1, sequence).value().digits();
      return digits;
    });
    EXPECT_TRUE(saved) << saved.error().message;
    EXPECT_TRUE(m_store->record_centre_status(digits, status, 1'800'000'100, decision));
    return digits;
  }
  StatusOutcome look_up(const std::string& digits, Language language) {
    auto outcome = look_up_status(*m_store, digits, language);
    EXPECT_TRUE(outcome) << outcome.error().message;
    EXPECT_TRUE(outcome->found);
    return outcome ? std::move(outcome).value() : StatusOutcome{};
  }

  fs::path m_dir;
  std::unique_ptr<store::Store> m_store;
};

const store::CentreDecision kBring{"اصل گذرنامه و دو قطعه عکس ۳×۴ را به باجه بیاورید.", "", 1'800'000'050};

TEST_F(StatusLookup, DocumentsRequestedShowsWhatToBringInBothLanguages) {
  const std::string code = saved(TrackingKind::Application, store::CentreStatus::DocumentsRequested, kBring);
  for (const Language language : {Language::Persian, Language::English}) {
    const StatusOutcome out = look_up(code, language);
    EXPECT_EQ(out.message, strings::kStatusDocumentsRequested.in(language));
    ASSERT_EQ(out.details.size(), 1u);
    EXPECT_EQ(out.details[0].heading, strings::kDecisionDocuments.in(language));
    EXPECT_EQ(out.details[0].text, kBring.note) << "staff's words as they wrote them";
  }
}

TEST_F(StatusLookup, RejectedShowsTheReason) {
  const std::string code = saved(TrackingKind::Application, store::CentreStatus::Rejected,
                                 store::CentreDecision{"The passport had expired.", "", 1'800'000'050});
  const StatusOutcome out = look_up(code, Language::Persian);
  EXPECT_EQ(out.message, strings::kStatusRejected.in(Language::Persian));
  ASSERT_EQ(out.details.size(), 1u);
  EXPECT_EQ(out.details[0].heading, strings::kDecisionReason.in(Language::Persian));
  EXPECT_EQ(out.details[0].text, "The passport had expired.");
}

// A note written for an earlier step (the documents asked for) is not shown once the file is
// back in review or approved without a new one: it would no longer be true.
TEST_F(StatusLookup, AnApplicationsOldNoteIsNotShownWithALaterStatus) {
  const std::string code = saved(TrackingKind::Application, store::CentreStatus::DocumentsRequested, kBring);
  ASSERT_TRUE(m_store->record_centre_status(code, store::CentreStatus::InReview, 1'800'000'200));
  StatusOutcome out = look_up(code, Language::English);
  EXPECT_EQ(out.message, strings::kStatusInReview.in(Language::English));
  EXPECT_TRUE(out.details.empty());
  ASSERT_TRUE(m_store->record_centre_status(code, store::CentreStatus::Approved, 1'800'000'300));
  out = look_up(code, Language::English);
  EXPECT_EQ(out.message, strings::kStatusApproved.in(Language::English));
  EXPECT_TRUE(out.details.empty());
}

TEST_F(StatusLookup, AFailureReportIsAnsweredThenResolvedWithACredit) {
  const std::string code = saved(TrackingKind::FailureReport, store::CentreStatus::InReview);
  StatusOutcome out = look_up(code, Language::Persian);
  EXPECT_EQ(out.message, strings::kReportStatusInReview.in(Language::Persian));
  EXPECT_TRUE(out.details.empty());

  const store::CentreDecision reply{"چاپگر دستگاه تعمیر شد.", "", 1'800'000'200};
  ASSERT_TRUE(m_store->record_centre_status(code, store::CentreStatus::InReview, 1'800'000'210, reply));
  out = look_up(code, Language::Persian);
  EXPECT_EQ(out.message, strings::kReportStatusAnswered.in(Language::Persian));
  ASSERT_EQ(out.details.size(), 1u);
  EXPECT_EQ(out.details[0].heading, strings::kDecisionReply.in(Language::Persian));
  EXPECT_EQ(out.details[0].text, reply.note);

  const store::CentreDecision resolved{"The printer was replaced.", "۵۰۰٬۰۰۰ ریال", 1'800'000'300};
  ASSERT_TRUE(m_store->record_centre_status(code, store::CentreStatus::Resolved, 1'800'000'310, resolved));
  out = look_up(code, Language::English);
  EXPECT_EQ(out.message, strings::kReportStatusResolved.in(Language::English));
  ASSERT_EQ(out.details.size(), 2u);
  EXPECT_EQ(out.details[0].heading, strings::kDecisionReply.in(Language::English));
  EXPECT_EQ(out.details[0].text, resolved.note);
  EXPECT_EQ(out.details[1].heading, strings::kDecisionCredit.in(Language::English));
  EXPECT_EQ(out.details[1].text, resolved.credit);
}

TEST_F(StatusLookup, AResolvedReportWithoutACreditShowsOnlyTheReply) {
  const std::string code = saved(TrackingKind::FailureReport, store::CentreStatus::Resolved,
                                 store::CentreDecision{"Fixed.", "", 1'800'000'050});
  const StatusOutcome out = look_up(code, Language::English);
  ASSERT_EQ(out.details.size(), 1u);
  EXPECT_EQ(out.details[0].heading, strings::kDecisionReply.in(Language::English));
}

TEST_F(StatusLookup, TheAnswerNamesTheServiceTheDayAndTheNextStep) {
  std::ifstream file(fs::path(PK_SOURCE_DATA_DIR) / "catalog.json");
  const std::string json{std::istreambuf_iterator<char>(file), {}};
  auto catalog = catalog::parse_catalog(json, "catalog.json");
  ASSERT_TRUE(catalog) << catalog.error().message;
  const catalog::Service* service = catalog->find(3);
  ASSERT_NE(service, nullptr);
  const std::string in_review = saved(TrackingKind::Application, store::CentreStatus::InReview);
  auto out = look_up_status(*m_store, in_review, Language::Persian, &catalog.value());
  ASSERT_TRUE(out);
  EXPECT_EQ(out->service, "۳. " + service->title.fa);
  // 1,800,000,000 is in January 2027: Dey 1405.
  EXPECT_NE(out->saved_at.find("۱۴۰۵"), std::string::npos) << out->saved_at;
  EXPECT_NE(out->next_step.find(to_persian_digits(std::to_string(service->handling_days)) + " روز کاری"),
            std::string::npos)
      << out->next_step;
  // Each decision has its own next step; a report in review has the wait for the answer.
  const std::pair<store::CentreStatus, const Text*> steps[] = {
      {store::CentreStatus::DocumentsRequested, &strings::kNextBringDocuments},
      {store::CentreStatus::Approved, &strings::kNextCollect},
      {store::CentreStatus::Rejected, &strings::kNextDispute}};
  for (const auto& [status, step] : steps) {
    const std::string code = saved(TrackingKind::Application, status, kBring);
    auto english = look_up_status(*m_store, code, Language::English, &catalog.value());
    ASSERT_TRUE(english);
    EXPECT_EQ(english->next_step, step->in(Language::English));
    EXPECT_EQ(english->service, "3. " + service->title.en);
  }
  const std::string report = saved(TrackingKind::FailureReport, store::CentreStatus::InReview);
  auto report_out = look_up_status(*m_store, report, Language::English, &catalog.value());
  ASSERT_TRUE(report_out);
  EXPECT_EQ(report_out->next_step, strings::kNextWaitReport.in(Language::English));
  EXPECT_TRUE(report_out->service.empty()) << "a kiosk-wide report names no service";
}

}  // namespace
}  // namespace pk::kiosk
