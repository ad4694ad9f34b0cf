// The welcome screen with 0, 1 and 3 planned-outage notices, in Persian and English, on the
// 1920x1080 panel and the common 1280x720 one: every errand's button stays whole on the screen,
// no notice band runs under a button or the footer, and the notices speak the session's
// language and name their services. PNGs of each go to welcome-notices/ for people to look at.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/app.h"
#include "sla/ledger.h"
#include "tests/kiosk/pixel_count.h"
#include "tests/support/headless_kiosk.h"
#include "ui/theme.h"

namespace fs = std::filesystem;
using pk::Language;

namespace {

struct Case {
  int width;
  int height;
  Language language;
  int notices;
};

std::string name_of(const Case& c) {
  return std::to_string(c.width) + "x" + std::to_string(c.height) + "_" +
         (c.language == Language::Persian ? "fa" : "en") + "_" + std::to_string(c.notices) + "_notices";
}

class WelcomeNotices : public ::testing::TestWithParam<Case>, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  int pixels_of(ImU32 colour, const pk::ui::Rect& r) {
    return pk::kiosk::test::pixels_of(m_app->platform(), colour, r);
  }
};

TEST_P(WelcomeNotices, ButtonsStayWholeAndNoticesStayAboveThem) {
  const Case c = GetParam();
  open(kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "welcome", c.language, c.width, c.height),
       pk::kiosk::test::CentreKey::AsFound);
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const std::vector<pk::sla::Notice> shown = pk::kiosk::test::outage_notices(c.notices, now);
  ASSERT_TRUE(m_app->ledger()->store_notices(shown));
  m_app->refresh_notices();
  m_app->render_frame(1);
  m_app->render_frame(1.1);
  const fs::path shots = fs::path(PK_TEST_BINARY_DIR) / "welcome-notices";
  fs::create_directories(shots);
  ASSERT_TRUE(m_app->screenshot(shots / (name_of(c) + ".png")));

  const pk::ui::Theme t = pk::ui::kiosk_theme(static_cast<float>(c.height));
  const pk::ui::Rect screen{{0, 0}, {static_cast<float>(c.width), static_cast<float>(c.height)}};
  std::vector<pk::ui::Rect> buttons;
  for (const char* id : {"start", "status", "report", "technician"}) {
    const pk::ui::Rect* r = m_app->target(id);
    ASSERT_NE(r, nullptr) << id << " is not on the screen";
    EXPECT_GE(r->min.y, screen.min.y) << id;
    EXPECT_LE(r->max.y, screen.max.y) << id << " runs off the bottom";
    EXPECT_GE(r->min.x, screen.min.x) << id;
    EXPECT_LE(r->max.x, screen.max.x) << id;
    // No notice band under a button.
    EXPECT_EQ(pixels_of(t.notice_bg, *r), 0) << "a notice runs under " << id;
    buttons.push_back(*r);
  }
  for (size_t i = 0; i < buttons.size(); ++i)
    for (size_t j = i + 1; j < buttons.size(); ++j) {
      const bool apart = buttons[i].max.x <= buttons[j].min.x || buttons[j].max.x <= buttons[i].min.x ||
                         buttons[i].max.y <= buttons[j].min.y || buttons[j].max.y <= buttons[i].min.y;
      EXPECT_TRUE(apart) << "buttons " << i << " and " << j << " overlap";
    }
  // The footer's line (catalog version, terminal id) is below the errands, not on them.
  const pk::ui::Rect* report = m_app->target("report");
  EXPECT_LE(report->max.y, screen.max.y - t.small_px * 1.5f) << "the footer runs over the errands";
  // Every notice is drawn (a band's colour is on the screen), or none when there are none.
  const int band = pixels_of(t.notice_bg, screen);
  if (c.notices == 0)
    EXPECT_EQ(band, 0);
  else
    EXPECT_GT(band, 2000 * c.notices) << "each notice has its band (scrolling ones at least in part)";
}

class WelcomeNoticeWords : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {};

TEST_F(WelcomeNoticeWords, TheSessionsLanguageAndTheServicesName) {
  open(kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "welcome_words", Language::Persian),
       pk::kiosk::test::CentreKey::AsFound);
  const std::vector<pk::sla::Notice> one =
      pk::kiosk::test::outage_notices(1, static_cast<int64_t>(std::time(nullptr)));
  ASSERT_TRUE(m_app->ledger()->store_notices(one));
  m_app->refresh_notices();
  const pk::catalog::Service* service = m_app->catalog().find(3);
  ASSERT_NE(service, nullptr);
  // A Persian kiosk switched to English shows the notice in English, with the service's name.
  const std::string& english = m_app->notices_in(Language::English).at(0);
  EXPECT_NE(english.find("Upgrade of the province"), std::string::npos) << english;
  EXPECT_NE(english.find(service->title.in(Language::English)), std::string::npos) << english;
  const std::string& persian = m_app->notices_in(Language::Persian).at(0);
  EXPECT_NE(persian.find(service->title.in(Language::Persian)), std::string::npos) << persian;
  EXPECT_EQ(persian.find("خدمت شماره"), std::string::npos) << persian;
}

std::vector<Case> cases() {
  std::vector<Case> all;
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}})
    for (const Language language : {Language::Persian, Language::English})
      for (const int count : {0, 1, 3}) all.push_back({w, h, language, count});
  return all;
}

INSTANTIATE_TEST_SUITE_P(Screens, WelcomeNotices, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           return name_of(param_info.param);
                         });

}  // namespace
