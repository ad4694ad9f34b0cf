// The operator flow as plain data: no screen, no scanner. Pages arrive as the App would hand
// them over; the flow splits them by cover sheet, sets blanks aside and checks the file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/catalog.h"
#include "kiosk/operator/operator_flow.h"

using namespace pk::kiosk::op;
using pk::catalog::Language;

namespace {

pk::catalog::Catalog shipped_catalog() {
  std::ifstream in(std::string(PK_SOURCE_DATA_DIR) + "/catalog.json");
  std::ostringstream text;
  text << in.rdbuf();
  auto catalog = pk::catalog::parse_catalog(text.str(), "catalog.json");
  EXPECT_TRUE(catalog) << catalog.error().message;
  return std::move(catalog).value();
}

ArrivedPage page(bool blank = false, std::optional<std::string> cover = std::nullopt) {
  ArrivedPage p;
  p.blank = blank;
  p.cover_document = std::move(cover);
  p.page.bytes = {1, 2, 3};
  p.page.thumb_rgba = {0, 0, 0, 255, 255, 255, 255, 255};
  p.page.thumb_width = 1;
  p.page.thumb_height = 2;
  return p;
}

class OperatorFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_flow = std::make_unique<OperatorFlow>(m_catalog);
    m_flow->focus(OpField::OperatorId);
    m_flow->set_field_text(OpField::OperatorId, "1001");
    m_flow->focus(OpField::Pin);
    m_flow->set_field_text(OpField::Pin, "246810");
    ASSERT_TRUE(m_flow->login_requested());
    ASSERT_TRUE(m_flow->login_succeeded("1001"));
  }
  void open_service_11() {
    ASSERT_TRUE(m_flow->open_new_application());
    ASSERT_TRUE(m_flow->choose_service(11));
    m_flow->set_field_text(OpField::IdNumber, "0012345679");
    ASSERT_TRUE(m_flow->identify_next());
    ASSERT_EQ(m_flow->state().screen, OperatorScreen::BatchScan);
  }
  pk::catalog::Catalog m_catalog = shipped_catalog();
  std::unique_ptr<OperatorFlow> m_flow;
};

}  // namespace

TEST_F(OperatorFlowTest, CounterOnlyServicesAreOfferedAndIdentityIsCheckedLikeTheKiosk) {
  ASSERT_TRUE(m_flow->open_new_application());
  for (int n : {11, 12, 21}) EXPECT_FALSE(m_catalog.find(n)->offered_at(pk::catalog::Channel::Kiosk));
  EXPECT_FALSE(m_flow->choose_service(99));
  ASSERT_TRUE(m_flow->choose_service(12));
  EXPECT_EQ(m_flow->state().identity.kind, pk::identity::IdKind::AmayeshCard)
      << "service 12 asks for the card";
  ASSERT_TRUE(m_flow->set_id_kind(pk::identity::IdKind::NationalCode));
  m_flow->set_field_text(OpField::IdNumber, "0012345678");  // wrong check digit
  EXPECT_FALSE(m_flow->identify_next());
  EXPECT_FALSE(m_flow->state().identity.number_error.empty());
  EXPECT_EQ(m_flow->state().screen, OperatorScreen::NewApplication);
}

// A kiosk's slip for a counter-only service, read by the barcode scanner: the application
// opens with its service chosen, from Home or from the service list, never over one in progress.
TEST_F(OperatorFlowTest, AServiceSlipOpensANewApplicationWithItsService) {
  ASSERT_TRUE(m_flow->open_application_for(21));
  EXPECT_EQ(m_flow->state().screen, OperatorScreen::NewApplication);
  EXPECT_EQ(m_flow->state().service, 21);
  EXPECT_EQ(m_flow->state().field, OpField::IdNumber) << "the identity is next";
  EXPECT_FALSE(m_flow->open_application_for(11)) << "not over an application in progress";
  EXPECT_EQ(m_flow->state().service, 21);
  ASSERT_TRUE(m_flow->back());
  ASSERT_TRUE(m_flow->back());
  ASSERT_EQ(m_flow->state().screen, OperatorScreen::Home);
  EXPECT_FALSE(m_flow->open_application_for(99)) << "no such service";
  ASSERT_TRUE(m_flow->open_new_application());
  ASSERT_TRUE(m_flow->open_application_for(11)) << "from the service list";
  EXPECT_EQ(m_flow->state().service, 11);
  auto audit = m_flow->take_audit();
  EXPECT_TRUE(std::any_of(audit.begin(), audit.end(),
                          [](const auto& a) { return a.action == "service_slip_scanned"; }));
}

TEST_F(OperatorFlowTest, PagesArriveInStackOrderSplitByCoverSheetsWithBlanksSetAside) {
  open_service_11();  // documents: id_document (optional), photo
  ASSERT_TRUE(m_flow->scan_requested());
  ASSERT_TRUE(m_flow->scan_started());
  ASSERT_TRUE(m_flow->page_arrived(page(false, "id_document")));  // 1 cover
  ASSERT_TRUE(m_flow->page_arrived(page()));                      // 2
  ASSERT_TRUE(m_flow->page_arrived(page(true)));                  // 3 blank back
  ASSERT_TRUE(m_flow->page_arrived(page()));                      // 4
  ASSERT_TRUE(m_flow->page_arrived(page(false, "photo")));        // 5 cover
  ASSERT_TRUE(m_flow->page_arrived(page()));                      // 6
  ASSERT_TRUE(m_flow->scan_finished(""));
  const auto& pages = m_flow->state().pages;
  ASSERT_EQ(pages.size(), 6u);
  for (size_t i = 0; i < pages.size(); ++i) EXPECT_EQ(pages[i].sequence, static_cast<int>(i + 1));
  EXPECT_EQ(pages[0].role, PageRole::Cover);
  EXPECT_EQ(pages[1].document, 0);
  EXPECT_EQ(pages[2].role, PageRole::Blank);
  EXPECT_EQ(pages[3].document, 0);
  EXPECT_EQ(pages[4].role, PageRole::Cover);
  EXPECT_EQ(pages[5].document, 1);
  EXPECT_EQ(pages[5].role, PageRole::Content);
  ASSERT_TRUE(m_flow->open_review());
  EXPECT_EQ(m_flow->missing_for_submit(), "");
}

TEST_F(OperatorFlowTest, ReviewRotatesDeletesReordersAssignsAndRefusesAnIncompleteFile) {
  open_service_11();
  ASSERT_TRUE(m_flow->scan_started());
  m_flow->page_arrived(page());      // 1: before any cover sheet: not assigned
  m_flow->page_arrived(page(true));  // 2: blank
  m_flow->page_arrived(page());      // 3
  m_flow->scan_finished("");
  ASSERT_TRUE(m_flow->open_review());
  EXPECT_FALSE(m_flow->submit_requested()) << "unassigned pages and no photo";
  EXPECT_FALSE(m_flow->state().submit_problem.empty());

  ASSERT_TRUE(m_flow->select(1));
  ASSERT_TRUE(m_flow->assign_selected(1));  // photo
  ASSERT_TRUE(m_flow->select(3));
  ASSERT_TRUE(m_flow->assign_selected(1));
  ASSERT_TRUE(m_flow->move_selected(Direction::Earlier));  // 3 before 1 within the photo
  EXPECT_EQ(m_flow->state().pages[0].sequence, 3);
  const auto thumb_before = m_flow->state().pages[0].thumb_rgba;
  const auto id_before = m_flow->state().pages[0].thumb_id;
  ASSERT_TRUE(m_flow->rotate_selected());
  EXPECT_TRUE(m_flow->state().pages[0].rotate_180);
  EXPECT_NE(m_flow->state().pages[0].thumb_rgba, thumb_before) << "the thumbnail turns at once";
  EXPECT_NE(m_flow->state().pages[0].thumb_id, id_before) << "new pixels, new texture";
  ASSERT_TRUE(m_flow->select(2));
  ASSERT_TRUE(m_flow->delete_selected());
  EXPECT_EQ(m_flow->state().pages.size(), 2u);
  EXPECT_TRUE(m_flow->submit_requested());

  // Rescan: the next page scanned replaces the chosen one, in place, in its document.
  ASSERT_TRUE(m_flow->select(1));
  ASSERT_TRUE(m_flow->rescan_selected());
  ASSERT_TRUE(m_flow->scan_started());
  ASSERT_TRUE(m_flow->page_arrived(page()));
  m_flow->scan_finished("");
  ASSERT_EQ(m_flow->state().pages.size(), 2u);
  EXPECT_EQ(m_flow->state().pages[1].sequence, 4);
  EXPECT_EQ(m_flow->state().pages[1].document, 1);
}

TEST_F(OperatorFlowTest, AuditNotesNameActionsNeverTheCitizen) {
  open_service_11();
  m_flow->scan_started();
  m_flow->page_arrived(page(false, "photo"));
  m_flow->page_arrived(page());
  m_flow->scan_finished("");
  m_flow->open_review();
  m_flow->select(2);
  m_flow->rotate_selected();
  const auto notes = m_flow->take_audit();
  ASSERT_GE(notes.size(), 3u);
  EXPECT_EQ(notes.front().action, "application_opened");
  for (const SessionAudit& n : notes) {
    EXPECT_EQ(n.detail.find("0012345679"), std::string::npos) << n.action;
    EXPECT_EQ(n.detail.find("246810"), std::string::npos) << n.action;
  }
  EXPECT_TRUE(m_flow->take_audit().empty()) << "taken once";
}

TEST_F(OperatorFlowTest, LogoutWipesTheApplicationInProgress) {
  open_service_11();
  m_flow->scan_started();
  m_flow->page_arrived(page());
  EXPECT_FALSE(m_flow->logout()) << "not while the scanner runs";
  m_flow->scan_finished("");
  ASSERT_TRUE(m_flow->logout());
  EXPECT_EQ(m_flow->state().screen, OperatorScreen::Login);
  EXPECT_TRUE(m_flow->state().pages.empty());
  EXPECT_TRUE(m_flow->state().identity.number.empty());
  EXPECT_TRUE(m_flow->state().operator_id.empty());
  EXPECT_TRUE(m_flow->state().pin_input.empty());
}

TEST_F(OperatorFlowTest, AnIdleOperatorIsWarnedThenLoggedOutAndTheApplicationWiped) {
  m_flow = std::make_unique<OperatorFlow>(m_catalog, Language::Persian,
                                          IdleLogout{.after_seconds = 300, .warning_seconds = 30});
  m_flow->focus(OpField::OperatorId);
  m_flow->set_field_text(OpField::OperatorId, "1001");
  ASSERT_TRUE(m_flow->login_succeeded("1001"));
  m_flow->touched(1000);
  open_service_11();
  ASSERT_TRUE(m_flow->scan_started());
  ASSERT_TRUE(m_flow->page_arrived(page()));
  ASSERT_TRUE(m_flow->scan_finished(""));
  ASSERT_FALSE(m_flow->state().pages.empty());
  m_flow->touched(1000);
  (void)m_flow->take_audit();

  EXPECT_FALSE(m_flow->tick(1269));
  EXPECT_FALSE(m_flow->state().logout_in_seconds.has_value()) << "31 s left: no warning yet";
  EXPECT_DOUBLE_EQ(m_flow->seconds_until_next_tick(1269), 1.0);
  EXPECT_FALSE(m_flow->tick(1270.5));
  ASSERT_TRUE(m_flow->state().logout_in_seconds.has_value());
  EXPECT_EQ(*m_flow->state().logout_in_seconds, 30);  // 29.5 s left, shown as 30
  m_flow->touched(1271);                              // "touch to stay"
  EXPECT_FALSE(m_flow->state().logout_in_seconds.has_value());
  EXPECT_FALSE(m_flow->tick(1570));
  EXPECT_EQ(*m_flow->state().logout_in_seconds, 1);
  EXPECT_TRUE(m_flow->tick(1571));
  EXPECT_EQ(m_flow->state().screen, OperatorScreen::Login);
  EXPECT_FALSE(m_flow->logged_in());
  EXPECT_TRUE(m_flow->state().pages.empty());
  EXPECT_TRUE(m_flow->state().identity.number.empty());
  EXPECT_FALSE(m_flow->state().logout_in_seconds.has_value());
  const std::vector<SessionAudit> audit = m_flow->take_audit();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "idle_logout");
  EXPECT_FALSE(m_flow->tick(99999)) << "nobody is logged in: nothing to do";
}

TEST_F(OperatorFlowTest, ARunningBatchScanIsWorkNotIdleness) {
  m_flow->touched(0);
  open_service_11();
  ASSERT_TRUE(m_flow->scan_started());
  EXPECT_FALSE(m_flow->tick(10'000)) << "a long stack feeding through the scanner";
  EXPECT_FALSE(m_flow->state().logout_in_seconds.has_value());
  m_flow->scan_finished("");
  EXPECT_FALSE(m_flow->tick(10'000 + 299));
  EXPECT_TRUE(m_flow->tick(10'000 + 300)) << "idle counted from the scan's end";
}
