// The counter terminal as safe as the kiosk (issue 19, item 3), on real headless frames: an
// idle operator is logged out after the configured time with a countdown first; a walk-in's
// failure report and status check on the kiosk's own screens; technician mode; the outage
// notices; the unenrolled message worded for the operator. The time is the frame clock the
// test passes to render_frame: minutes go by without a real wait.
// PNGs of the changed screens are kept beside the test binary (counter-safety/).
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "domain/tracking_code.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "kiosk/citizen/journey.h"
#include "kiosk/strings.h"
#include "sla/ledger.h"
#include "tests/kiosk/operator/counter_terminal.h"
#include "tests/kiosk/pixel_count.h"
#include "ui/theme.h"

namespace fs = std::filesystem;
using pk::kiosk::CitizenScreen;
using pk::kiosk::test::CounterTerminal;
using OperatorScreen = pk::kiosk::op::OperatorScreen;

namespace {

const fs::path kShots = fs::path(PK_TEST_BINARY_DIR) / "counter-safety";

class CounterSafety : public CounterTerminal {
 protected:
  void configure(pk::kiosk::Config& config) override { config.operator_idle_logout_seconds = 120; }

  // Pixels of exactly this colour in the rectangle (the inside of a filled band).
  int pixels_of(ImU32 colour, const pk::ui::Rect& r) {
    return pk::kiosk::test::pixels_of(m_app->platform(), colour, r);
  }
  [[nodiscard]] pk::ui::Rect whole_screen() {
    return {{0, 0},
            {static_cast<float>(m_app->platform().width()), static_cast<float>(m_app->platform().height())}};
  }
  [[nodiscard]] pk::ui::Theme theme() {
    return pk::ui::kiosk_theme(static_cast<float>(m_app->platform().height()));
  }
  void shoot(const std::string& name) {
    fs::create_directories(kShots);
    ASSERT_TRUE(m_app->screenshot(kShots / (name + ".png")));
  }
  void english() {
    tap("lang");
    ASSERT_EQ(m_desk->flow().language(), pk::catalog::Language::English);
  }
  // Renders frames from now to now + seconds, one a second, touching nothing.
  void wait(double seconds) {
    const double until = m_now + seconds;
    while (m_now < until) {
      m_now = std::min(until, m_now + 1);
      m_app->render_frame(m_now);
    }
    m_app->render_frame(m_now + 0.01);  // a second frame: the widgets of the last state are laid out
  }
  // A failure report about the kiosk in general, from the desk; returns its tracking digits.
  std::string walk_in_failure_report() {
    tap("walkin/report");
    EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::ReportService);
    tap("report/0");
    tap("problem/device_fault");
    tap("send_report");
    EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::Saved) << m_app->flow().state().submit_problem;
    return m_app->flow().state().saved.tracking_digits;
  }
  bool audited(std::string_view action) {
    auto audit = m_app->store().audit_entries(0, 1000);
    EXPECT_TRUE(audit);
    if (!audit) return false;
    return std::any_of(audit->begin(), audit->end(), [&](const auto& e) { return e.action == action; });
  }
};

}  // namespace

TEST_F(CounterSafety, AnIdleOperatorIsLoggedOutAfterTheConfiguredTimeWithACountdownFirst) {
  log_in("246810");
  ASSERT_EQ(state().screen, OperatorScreen::Home);
  tap("new");
  tap("service/11");
  type_digits("0012345679");
  ASSERT_EQ(state().identity.number, pk::to_persian_digits("0012345679"));

  wait(60);  // half the configured 120 s: nothing shows yet
  EXPECT_FALSE(state().logout_in_seconds.has_value());
  EXPECT_EQ(m_app->target("stay"), nullptr);
  const pk::ui::Theme t = theme();
  const pk::ui::Rect banner_band{{0, t.header_height + 4}, {whole_screen().max.x, t.header_height + 40}};
  EXPECT_EQ(pixels_of(t.notice_bg, banner_band), 0);

  wait(35);  // 25 s left: the countdown is on the screen
  ASSERT_TRUE(state().logout_in_seconds.has_value());
  EXPECT_EQ(*state().logout_in_seconds, 25);
  ASSERT_NE(m_app->target("stay"), nullptr);
  EXPECT_GT(pixels_of(t.notice_bg, banner_band), 1000) << "the banner's band is drawn";
  shoot("idle-countdown-fa");

  tap("stay");  // a touch keeps the session and what was typed
  EXPECT_FALSE(state().logout_in_seconds.has_value());
  EXPECT_EQ(state().screen, OperatorScreen::NewApplication);
  EXPECT_EQ(state().identity.number, pk::to_persian_digits("0012345679"));

  wait(110);
  ASSERT_TRUE(state().logout_in_seconds.has_value());
  EXPECT_EQ(state().operator_id, "1001") << "not before the configured time";
  wait(11);
  EXPECT_EQ(state().screen, OperatorScreen::Login);
  EXPECT_FALSE(m_desk->flow().logged_in());
  EXPECT_TRUE(state().identity.number.empty()) << "the application in progress is wiped";
  EXPECT_EQ(state().service, 0);
  EXPECT_FALSE(state().logout_in_seconds.has_value());
  EXPECT_EQ(m_app->target("stay"), nullptr);
  EXPECT_TRUE(audited("idle_logout"));
}

TEST_F(CounterSafety, ACodeShownToTheScannerPutsOffTheIdleLogoutAsATouchDoes) {
  log_in("246810");
  wait(100);  // 20 s of the configured 120 s left: the countdown shows
  ASSERT_TRUE(state().logout_in_seconds.has_value());
  auto* scanner = dynamic_cast<pk::barcode::SimBarcodeScanner*>(m_app->barcode_scanner());
  ASSERT_NE(scanner, nullptr) << "the simulated barcode scanner is configured by default";
  ASSERT_TRUE(scanner->inject("SCAN PKSV1|11"));  // a kiosk's slip for service 11
  wait(1);
  EXPECT_EQ(state().screen, OperatorScreen::NewApplication);
  EXPECT_EQ(state().service, 11);
  EXPECT_FALSE(state().logout_in_seconds.has_value()) << "the scan is the operator at work";
  wait(80);  // 100 s after the last touch would have logged out; 81 s after the scan does not
  EXPECT_TRUE(m_desk->flow().logged_in());
  EXPECT_EQ(state().service, 11);

  ASSERT_TRUE(scanner->inject("SCAN not-one-of-ours"));  // any code read is work, ours or not
  wait(1);
  wait(80);
  EXPECT_TRUE(m_desk->flow().logged_in());
  EXPECT_FALSE(state().logout_in_seconds.has_value());
}

TEST_F(CounterSafety, TheCountdownInEnglishAndAWalkInsErrandIsWipedWithTheOperator) {
  english();
  log_in("246810");
  wait(100);
  ASSERT_TRUE(state().logout_in_seconds.has_value());
  EXPECT_EQ(*state().logout_in_seconds, 20);
  shoot("idle-countdown-en");
  tap("stay");

  // An errand left open on the citizen's screens: the operator's clock still runs.
  tap("walkin/report");
  tap("report/0");
  tap("problem/device_fault");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::ReportDetails);
  EXPECT_EQ(m_app->flow().language(), pk::catalog::Language::English) << "the operator's language";
  EXPECT_TRUE(m_app->flow().state().report.problem_chosen);
  wait(121);
  EXPECT_EQ(state().screen, OperatorScreen::Login);
  EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::Welcome) << "the errand ends with the session";
  EXPECT_FALSE(m_app->flow().state().report.problem_chosen) << "and nothing of it is kept";
  EXPECT_NE(m_app->target("login"), nullptr) << "the counter's login is on the screen";
  EXPECT_TRUE(audited("idle_logout"));
}

// A walk-in's errand runs on the citizen's screens, with the operator's clock still running:
// the countdown shows there too, and a touch on it keeps both the session and the errand.
TEST_F(CounterSafety, TheCountdownShowsOverAWalkInsErrand) {
  log_in("246810");
  tap("walkin/report");
  tap("report/0");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::ReportDetails);
  const pk::ui::Theme t = theme();
  const pk::ui::Rect banner_band{{0, t.header_height + 4}, {whole_screen().max.x, t.header_height + 40}};
  wait(60);
  EXPECT_EQ(m_app->target("stay"), nullptr);
  EXPECT_EQ(pixels_of(t.notice_bg, banner_band), 0);

  wait(35);
  ASSERT_TRUE(state().logout_in_seconds.has_value());
  ASSERT_NE(m_app->target("stay"), nullptr) << "the countdown is on the errand's screen";
  EXPECT_GT(pixels_of(t.notice_bg, banner_band), 1000) << "the banner's band is drawn";
  shoot("idle-countdown-errand-fa");

  tap("stay");
  EXPECT_FALSE(state().logout_in_seconds.has_value());
  EXPECT_EQ(m_app->target("stay"), nullptr);
  EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::ReportDetails) << "the errand goes on";
  EXPECT_EQ(state().operator_id, "1001");
}

// The text engine's cache keeps a layout of every string drawn: the national code the operator
// typed, digit by digit. A logout forgets them as the end of a citizen's session does: after it
// the cache holds the login screen's layouts and nothing else, as before anyone logged in.
TEST_F(CounterSafety, AnOperatorsLogoutForgetsTheLayoutsOfWhatWasTyped) {
  const size_t login_screen = m_app->text().stats().cached_layouts;
  ASSERT_GT(login_screen, 0U);
  log_in("246810");
  tap("new");
  tap("service/11");
  type_digits("0012345679");
  EXPECT_GT(m_app->text().stats().cached_layouts, login_screen + 10) << "each prefix typed was laid out";

  tap("logout");
  ASSERT_EQ(state().screen, OperatorScreen::Login);
  EXPECT_EQ(m_app->text().stats().cached_layouts, login_screen);
}

TEST_F(CounterSafety, AnIdleLogoutForgetsTheLayoutsOfWhatWasTyped) {
  const size_t login_screen = m_app->text().stats().cached_layouts;
  log_in("246810");
  tap("new");
  tap("service/11");
  type_digits("0012345679");
  wait(121);
  ASSERT_EQ(state().screen, OperatorScreen::Login);
  EXPECT_EQ(m_app->text().stats().cached_layouts, login_screen);
}

TEST_F(CounterSafety, TechnicianModeOpensOnACounterTerminal) {
  ASSERT_EQ(state().screen, OperatorScreen::Login);
  shoot("login-fa");
  tap("technician");
  ASSERT_NE(m_app->technician_desk(), nullptr);
  EXPECT_TRUE(m_app->technician_desk()->active());
  EXPECT_NE(m_app->target("tech/pin"), nullptr) << "the technician's sign-in, not the counter's login";
  EXPECT_EQ(m_app->target("login"), nullptr);
  shoot("technician-from-counter");
}

TEST_F(CounterSafety, AWalkInFailureReportGetsATrackingCodeAndAPrintedReceipt) {
  log_in("246810");
  shoot("home-fa");
  const std::string digits = walk_in_failure_report();
  shoot("walk-in-report-saved-fa");
  auto code = pk::parse_tracking_code(digits);
  ASSERT_TRUE(code) << digits;
  EXPECT_EQ(code->kind(), pk::TrackingKind::FailureReport);
  EXPECT_TRUE(m_app->flow().state().saved.printed) << m_app->flow().state().saved.print_problem;
  int receipts = 0;
  for (const auto& entry : fs::directory_iterator(m_dir / "receipts"))
    if (entry.path().extension() == ".png") ++receipts;
  EXPECT_EQ(receipts, 1) << "the failure receipt was printed";

  auto record = m_app->store().find_by_tracking_code(digits);
  ASSERT_TRUE(record);
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->kind, pk::store::ApplicationKind::FailureReport);
  EXPECT_EQ((*record)->channel, pk::store::Channel::Counter);
  ASSERT_TRUE((*record)->operator_id.has_value());
  EXPECT_EQ(*(*record)->operator_id, "1001");

  tap("finish");
  EXPECT_EQ(m_app->flow().state().screen, CitizenScreen::Welcome);
  EXPECT_TRUE(m_app->flow().state().saved.tracking_digits.empty()) << "nothing of the walk-in is kept";
  EXPECT_EQ(state().screen, OperatorScreen::Home);
  EXPECT_NE(m_app->target("walkin/report"), nullptr) << "the desk is drawn again";
}

TEST_F(CounterSafety, AStatusCheckWorksFromTheCounter) {
  english();
  log_in("246810");
  const std::string digits = walk_in_failure_report();
  ASSERT_FALSE(digits.empty());
  tap("finish");

  tap("walkin/status");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::StatusEntry);
  for (const std::string& key : pk::kiosk::keys_for(digits, true)) tap(key);
  tap("lookup");
  ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::StatusResult)
      << m_app->flow().state().tracking_error;
  EXPECT_TRUE(m_app->flow().state().status.found);
  EXPECT_FALSE(m_app->flow().state().status.message.empty());
  shoot("walk-in-status-en");
  tap("finish");
  EXPECT_EQ(state().screen, OperatorScreen::Home);
}

TEST_F(CounterSafety, OutageNoticesShowOnTheLoginAndTheDesk) {
  const pk::ui::Theme t = theme();
  EXPECT_EQ(pixels_of(t.notice_bg, whole_screen()), 0);
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  pk::sla::Notice notice;
  notice.id = "n1";
  notice.published_unix = now - 3600;
  notice.starts_unix = now + 4 * 86400;
  notice.ends_unix = now + 4 * 86400 + 7200;
  notice.text_fa = "به‌روزرسانی سامانه مرکزی";
  notice.text_en = "Central system upgrade";
  const pk::sla::Notice notices[] = {notice};
  ASSERT_NE(m_app->ledger(), nullptr);
  ASSERT_TRUE(m_app->ledger()->store_notices(notices));
  m_app->refresh_notices();
  frames();
  EXPECT_GT(pixels_of(t.notice_bg, whole_screen()), 5000) << "the notice's band on the login screen";
  shoot("login-notice-fa");
  log_in("246810");
  EXPECT_GT(pixels_of(t.notice_bg, whole_screen()), 5000) << "and on the desk";
  shoot("home-notice-fa");
  english();
  shoot("home-notice-en");
}

class UnenrolledCounter : public CounterSafety {
 protected:
  [[nodiscard]] bool enrolled() const override { return false; }
};

TEST_F(UnenrolledCounter, TheOperatorIsToldToAskTheTechnicianNotToGoToTheCounter) {
  // The wording: an operator is the counter, so the text sends them to the technician.
  const pk::kiosk::Text& text = pk::kiosk::strings::kNotEnrolledCounter;
  EXPECT_NE(std::string_view(text.in(pk::Language::Persian)).find("کارشناس فنی"), std::string_view::npos);
  EXPECT_EQ(std::string_view(text.in(pk::Language::Persian)).find("باجه"), std::string_view::npos);
  EXPECT_NE(std::string_view(text.in(pk::Language::English)).find("ask the technician to enroll it"),
            std::string_view::npos);
  EXPECT_EQ(std::string_view(text.in(pk::Language::English)).find("counter"), std::string_view::npos);

  log_in("246810");
  const pk::ui::Theme t = theme();
  EXPECT_GT(pixels_of(t.error_bg, whole_screen()), 5000) << "the desk says it, in a red band";
  shoot("home-unenrolled-fa");
  english();
  shoot("home-unenrolled-en");
  tap("walkin/report");
  tap("report/0");
  EXPECT_GT(pixels_of(t.error_text, whole_screen()), 100) << "the report says it too, offering no send";
  EXPECT_EQ(m_app->target("send_report"), nullptr);
  shoot("walk-in-report-unenrolled-en");
}
