// A headless counter terminal: the real App in counter mode, real frames, a real store file,
// the simulated ADF scanner. Widgets are tapped by id like a finger would.
#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "domain/text_normalize.h"
#include "domain/utf8.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/app.h"
#include "kiosk/centre_key.h"
#include "kiosk/operator/operator_admin.h"
#include "kiosk/operator/operator_desk.h"
#include "kiosk/operator/operator_journey.h"
#include "protocol/sealing.h"
#include "tests/kiosk/operator/counter_terminal.h"
#include "ui/drawn_boxes.h"

namespace fs = std::filesystem;
using namespace pk::kiosk::op;
using pk::kiosk::test::CounterTerminal;

namespace {

// A feeder that takes its time over every sheet, like a jam-prone or very slow device.
class SlowScanner final : public pk::scanner::ScannerDriver {
 public:
  SlowScanner(std::chrono::milliseconds per_page) : m_sim(7), m_delay(per_page) {}
  pk::scanner::SimScanner& sim() { return m_sim; }
  [[nodiscard]] const pk::DeviceInfo& info() const override { return m_sim.info(); }
  [[nodiscard]] pk::DeviceState state() const override { return m_sim.state(); }
  void on_hotplug(pk::HotplugCallback callback) override { m_sim.on_hotplug(std::move(callback)); }
  [[nodiscard]] pk::Result<void> open() override { return m_sim.open(); }
  [[nodiscard]] pk::Result<void> start(const pk::scanner::ScanSettings& s) override { return m_sim.start(s); }
  [[nodiscard]] pk::Result<std::optional<pk::imaging::Page>> next_page() override {
    std::this_thread::sleep_for(m_delay);
    return m_sim.next_page();
  }
  void cancel() override { m_sim.cancel(); }
  [[nodiscard]] pk::scanner::ScannerStatus status() const override { return m_sim.status(); }

 private:
  pk::scanner::SimScanner m_sim;
  std::chrono::milliseconds m_delay;
};

std::string sha_hex(const std::vector<uint8_t>& bytes) {
  std::array<uint8_t, 32> d{};
  crypto_hash_sha256(d.data(), bytes.data(), bytes.size());
  std::string out;
  for (uint8_t b : d) out += "0123456789abcdef"[b >> 4], out += "0123456789abcdef"[b & 15];
  return out;
}

}  // namespace

TEST_F(CounterTerminal, WrongPinStaysOnLoginRightPinOpensTheDeskAndTheAuditSaysSo) {
  EXPECT_EQ(state().screen, OperatorScreen::Login);
  log_in("1357");
  EXPECT_EQ(state().screen, OperatorScreen::Login);
  EXPECT_FALSE(state().login_error.empty());
  EXPECT_TRUE(state().pin_input.empty()) << "a typed PIN does not linger";
  log_in("246810");
  EXPECT_EQ(state().screen, OperatorScreen::Home);
  EXPECT_EQ(state().operator_id, "1001");

  auto audit = m_app->store().audit_entries(0, 1000);
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  for (const auto& e : audit.value()) {
    actions.push_back(e.action);
    EXPECT_EQ(e.detail.find("1357"), std::string::npos);
    EXPECT_EQ(e.detail.find("246810"), std::string::npos);
  }
  EXPECT_NE(std::find(actions.begin(), actions.end(), "operator_added"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "login_failed"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "login"), actions.end());
}

TEST_F(CounterTerminal, FiveWrongPinsOnTheScreenLockTheOperatorOut) {
  for (int i = 0; i < kMaxFailures; ++i) log_in("1111");
  log_in("246810");
  EXPECT_EQ(state().screen, OperatorScreen::Login) << "locked: even the right PIN is refused";
  auto audit = m_app->store().audit_entries(0, 1000);
  ASSERT_TRUE(audit);
  bool locked = false;
  for (const auto& e : audit.value()) locked = locked || e.action == "login_locked_out";
  EXPECT_TRUE(locked);
}

// The stack: N pages, a cover sheet for each document, a blank sheet among them. The review
// gets every page in stack order, the blank set aside; the record gets every kept page.
TEST_F(CounterTerminal, ABatchArrivesInOrderAndTheRecordHoldsEveryKeptPage) {
  log_in("246810");
  open_service_11();
  ASSERT_TRUE(
      sim().inject("LOAD 8 qr:PKSH1|T|id_document text text blank text qr:PKSH1|T|photo photo blank"));
  tap("scan");
  ASSERT_TRUE(frames_until([&] { return !state().scanning; }, 60)) << "the scan never ended";
  ASSERT_EQ(state().pages.size(), 8u);
  for (size_t i = 0; i < 8; ++i) EXPECT_EQ(state().pages[i].sequence, static_cast<int>(i + 1));
  const PageRole roles[] = {PageRole::Cover,   PageRole::Content, PageRole::Content, PageRole::Blank,
                            PageRole::Content, PageRole::Cover,   PageRole::Content, PageRole::Blank};
  for (size_t i = 0; i < 8; ++i) EXPECT_EQ(state().pages[i].role, roles[i]) << "page " << i + 1;
  EXPECT_EQ(state().pages[1].document, 0);
  EXPECT_EQ(state().pages[4].document, 0);
  EXPECT_EQ(state().pages[6].document, 1);

  tap("review");
  ASSERT_EQ(state().screen, OperatorScreen::PageReview);
  tap("page/3");
  tap("rotate");
  // The kept pages as they will be sealed (the turned one is re-encoded, so only counted).
  std::vector<std::string> expected;
  for (int seq : {2, 5, 7})
    for (const ReviewPage& p : state().pages)
      if (p.sequence == seq) expected.push_back(sha_hex(p.bytes));
  tap("submit");
  ASSERT_EQ(state().screen, OperatorScreen::Receipt) << state().submit_problem;
  const std::string code = state().receipt.tracking_digits;
  EXPECT_TRUE(state().receipt.printed) << state().receipt.print_problem;

  auto record = m_app->store().find_by_tracking_code(code);
  ASSERT_TRUE(record);
  ASSERT_TRUE(record.value().has_value());
  const pk::store::ApplicationRecord& r = **record;
  EXPECT_EQ(r.channel, pk::store::Channel::Counter);
  ASSERT_TRUE(r.operator_id.has_value());
  EXPECT_EQ(*r.operator_id, "1001");
  EXPECT_EQ(r.service_number, 11);
  ASSERT_EQ(r.documents.size(), 4u) << "pages 2, 3, 5 (identity document) and 7 (photo)";
  std::vector<std::string> stored;
  for (const auto& d : r.documents) {
    ASSERT_TRUE(d.sealed_content);
    auto clear = pk::store::open_sealed(*d.sealed_content, m_keys);
    ASSERT_TRUE(clear) << "sealed to the centre's key";
    stored.push_back(sha_hex({clear->bytes().begin(), clear->bytes().end()}));
  }
  for (const std::string& sha : expected)
    EXPECT_NE(std::find(stored.begin(), stored.end(), sha), stored.end()) << "a kept page is missing";
  auto personal = pk::store::open_sealed(r.sealed_personal, m_keys);
  ASSERT_TRUE(personal);
  const std::string personal_text(personal->bytes().begin(), personal->bytes().end());
  EXPECT_NE(personal_text.find("0012345679"), std::string::npos);

  // The audit has the login and the submission, and nothing of the citizen.
  auto audit = m_app->store().audit_entries(0, 1000);
  ASSERT_TRUE(audit);
  bool saved = false, login = false;
  for (const auto& e : audit.value()) {
    saved = saved || (e.action == "application_saved" && e.actor == "operator:1001");
    login = login || (e.action == "login" && e.actor == "operator:1001");
    EXPECT_EQ(e.detail.find("0012345679"), std::string::npos) << e.action;
    EXPECT_EQ(e.detail.find("246810"), std::string::npos) << e.action;
  }
  EXPECT_TRUE(saved);
  EXPECT_TRUE(login);

  // The outbox shows it: not yet at the centre, not tried yet.
  tap("finish");
  tap("outbox");
  ASSERT_EQ(state().screen, OperatorScreen::Outbox);
  ASSERT_EQ(state().outbox.rows.size(), 1u);
  EXPECT_EQ(state().outbox.rows[0].tracking_code, code);
  EXPECT_EQ(state().outbox.rows[0].attempts, 0);
  ASSERT_TRUE(m_app->store().record_attempt(1, "centre unreachable", 0));
  tap("refresh");
  EXPECT_EQ(state().outbox.rows[0].attempts, 1);
  EXPECT_EQ(state().outbox.rows[0].last_error, "centre unreachable");
  EXPECT_NE(m_app->target("outbox/" + code), nullptr);
}

// Frames keep coming while a slow feeder scans: the UI thread only ever takes pages that are
// ready, so no frame waits for a sheet.
TEST_F(CounterTerminal, FramesKeepComingWhileASlowScanRuns) {
  auto slow = std::make_unique<SlowScanner>(std::chrono::milliseconds(250));
  ASSERT_TRUE(slow->sim().inject("LOAD 5 text"));
  ASSERT_TRUE(m_app->replace_scanner(std::move(slow)));
  log_in("246810");
  open_service_11();
  tap("scan");
  ASSERT_TRUE(state().scanning);
  int frames_while_scanning = 0;
  double worst_ms = 0;
  size_t seen_midway = 0;
  const auto start = std::chrono::steady_clock::now();
  while (state().scanning && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    const auto t0 = std::chrono::steady_clock::now();
    m_now += 1.0 / 60;
    m_app->render_frame(m_now);
    worst_ms = std::max(
        worst_ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ++frames_while_scanning;
    if (state().scanning && state().pages.size() > 0 && state().pages.size() < 5)
      seen_midway = state().pages.size();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(state().scanning);
  EXPECT_EQ(state().pages.size(), 5u);
  // Five sheets at 250 ms each take over a second: dozens of frames meanwhile, none waiting
  // a sheet's time (a frame here costs a few ms; sanitizer builds more, never 250).
  EXPECT_GT(frames_while_scanning, 20);
  EXPECT_LT(worst_ms, 200.0);
  EXPECT_GT(seen_midway, 0u) << "thumbnails appear while the scan runs, not only at its end";
}

TEST_F(CounterTerminal, TheScriptedOperatorJourneyRunsAndLeavesAScreenshotPerStep) {
  const fs::path shots = m_dir / "shots";
  auto done = run_operator_journey(*m_app, shots, {.operator_id = "1002"});
  ASSERT_TRUE(done) << done.error().message;
  int pngs = 0;
  for (const auto& entry : fs::directory_iterator(shots))
    if (entry.path().extension() == ".png") ++pngs;
  EXPECT_GE(pngs, 13);
  EXPECT_EQ(state().screen, OperatorScreen::Home);
  auto stats = m_app->store().stats(0);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending_outbox, 1);
}

// The page thumbnails are in the widgets' record, so the layout check sees a caption, a
// neighbour or the selected page's frame that crosses a page: on the batch screen as pages
// arrive and on the review screen with a page selected (its frame is the widest).
TEST_F(CounterTerminal, PageThumbnailsAreRecordedAndNothingCrossesThem) {
  m_app->drawn().set_recording(true);
  const auto thumbnails = [&] {
    const auto& boxes = m_app->drawn().boxes();
    return std::count_if(boxes.begin(), boxes.end(), [](const pk::ui::DrawnBox& b) {
      return b.kind == pk::ui::BoxKind::Image && b.text.starts_with("thumbnail/");
    });
  };
  const auto expect_no_layout_fault = [&] {
    for (const pk::ui::LayoutFault& f :
         pk::ui::check_layout(m_app->drawn().boxes(), {{0, 0}, {1920, 1080}}, m_app->drawn().screen()))
      ADD_FAILURE() << f.message;
  };
  log_in("246810");
  open_service_11();
  ASSERT_TRUE(sim().inject("LOAD 6 text photo text blank text qr:PKSH1|T|photo"));
  tap("scan");
  ASSERT_TRUE(frames_until([&] { return !state().scanning; }, 60)) << "the scan never ended";
  frames();
  EXPECT_EQ(thumbnails(), 6);
  expect_no_layout_fault();

  tap("review");
  ASSERT_EQ(state().screen, OperatorScreen::PageReview);
  tap("page/3");
  EXPECT_GE(thumbnails(), 1);
  expect_no_layout_fault();
}
