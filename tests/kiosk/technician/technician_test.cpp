// Technician mode on real headless frames: reached from a visible button, PIN-protected with
// argon2id and lockout, audited, showing the service-level ledger's figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "kiosk/app.h"
#include "kiosk/technician/technician_desk.h"
#include "tests/support/headless_kiosk.h"

namespace fs = std::filesystem;

namespace {

class Technician : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void SetUp() override {
    m_pace.tap = 0.5;
    open(kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "technician"), pk::kiosk::test::CentreKey::AsFound);
    ASSERT_NE(m_app->technician_desk(), nullptr);
    ASSERT_TRUE(m_app->technician_desk()->set_technician("4321", "13579", 1'700'000'000));
    frames();
  }
  std::vector<std::string> audit_actions() {
    auto entries = m_app->store().audit_entries(0, 1000);
    EXPECT_TRUE(entries);
    std::vector<std::string> out;
    for (const auto& e : entries.value()) out.push_back(e.action);
    return out;
  }
};

}  // namespace

TEST_F(Technician, WrongPinIsRefusedAndAuditedRightPinOpensServiceLevels) {
  tap("technician");
  ASSERT_TRUE(m_app->technician_desk()->active());
  EXPECT_FALSE(m_app->technician_desk()->flow().logged_in());
  type_digits("4321");
  tap("tech/pin");
  type_digits("11111");
  tap("tech/signin");
  EXPECT_FALSE(m_app->technician_desk()->flow().logged_in());
  EXPECT_FALSE(m_app->technician_desk()->flow().state().login_error.empty());
  EXPECT_TRUE(m_app->technician_desk()->flow().state().pin.empty()) << "a checked PIN leaves memory";
  type_digits("13579");
  tap("tech/signin");
  ASSERT_TRUE(m_app->technician_desk()->flow().logged_in());
  EXPECT_EQ(m_app->technician_desk()->flow().state().screen, pk::kiosk::tech::TechScreen::ServiceLevels);
  // Kept beside the test binary, to look at.
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "technician-sla.png"));
  tap("tech/tab/devices");
  tap("tech/tab/outbox");
  tap("tech/exit");
  EXPECT_FALSE(m_app->technician_desk()->active());
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Welcome);

  const auto actions = audit_actions();
  auto count = [&](const char* a) { return std::count(actions.begin(), actions.end(), a); };
  EXPECT_EQ(count("technician_login_failed"), 1);
  EXPECT_EQ(count("technician_login"), 1);
  EXPECT_EQ(count("technician_logout"), 1);
  for (const auto& e : m_app->store().audit_entries(0, 1000).value())
    EXPECT_EQ(e.detail.find("13579"), std::string::npos) << "no PIN in the audit log";
}

TEST_F(Technician, FiveWrongPinsLockEvenTheRightOne) {
  tap("technician");
  type_digits("4321");
  for (int i = 0; i < 5; ++i) {
    tap("tech/pin");
    type_digits("24680");
    tap("tech/signin");
  }
  tap("tech/pin");
  type_digits("13579");
  tap("tech/signin");
  EXPECT_FALSE(m_app->technician_desk()->flow().logged_in()) << "locked out";
  const auto actions = audit_actions();
  EXPECT_GE(std::count(actions.begin(), actions.end(), "technician_locked_out"), 1);
}

TEST_F(Technician, WelcomeScreenShowsAnnouncedOutages) {
  ASSERT_NE(m_app->ledger(), nullptr);
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  pk::sla::Notice notice;
  notice.id = "n1";
  notice.published_unix = now - 3600;
  notice.starts_unix = now + 4 * 86400;
  notice.ends_unix = now + 4 * 86400 + 7200;
  notice.text_fa = "به‌روزرسانی سامانه مرکزی";
  notice.text_en = "Central system upgrade";
  const pk::sla::Notice notices[] = {notice};
  ASSERT_TRUE(m_app->ledger()->store_notices(notices));
  const std::vector<uint8_t> before = m_app->platform().read_pixels();
  m_app->refresh_notices();
  frames();
  const std::vector<uint8_t> after = m_app->platform().read_pixels();
  // The notice band is the theme's notice colour (255, 244, 214): it appears only now.
  auto notice_pixels = [](const std::vector<uint8_t>& px) {
    int n = 0;
    for (size_t i = 0; i < px.size(); i += 4) n += px[i] == 255 && px[i + 1] == 244 && px[i + 2] == 214;
    return n;
  };
  EXPECT_EQ(notice_pixels(before), 0);
  EXPECT_GT(notice_pixels(after), 10'000);
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "welcome-notice.png"));
}
