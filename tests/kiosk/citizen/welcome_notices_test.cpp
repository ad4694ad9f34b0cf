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

std::vector<pk::sla::Notice> notices(int count, int64_t now) {
  std::vector<pk::sla::Notice> all;
  for (int i = 0; i < count; ++i) {
    pk::sla::Notice n;
    n.id = "n" + std::to_string(i);
    n.published_unix = now - 3600;
    n.starts_unix = now + (i + 1) * 86400;
    n.ends_unix = n.starts_unix + 3 * 3600;
    n.services = i == 0 ? pk::sla::ServiceScope::only({3}) : pk::sla::ServiceScope::only({3, 5, 7, 9});
    n.text_fa =
        "به‌روزرسانی سامانه مرکزی استان؛ در این ساعت‌ها درخواست تازه ثبت نمی‌شود.";
    n.text_en = "Upgrade of the province's central system; no new applications in these hours.";
    all.push_back(n);
  }
  return all;
}

class WelcomeNotices : public ::testing::TestWithParam<Case> {
 protected:
  void TearDown() override {
    m_app.reset();
    fs::remove_all(m_dir);
  }
  int pixels_of(ImU32 colour, const pk::ui::Rect& r) {
    return pk::kiosk::test::pixels_of(m_app->platform(), colour, r);
  }
  fs::path m_dir;
  std::unique_ptr<pk::kiosk::App> m_app;
};

TEST_P(WelcomeNotices, ButtonsStayWholeAndNoticesStayAboveThem) {
  const Case c = GetParam();
  m_dir = fs::path(PK_TEST_BINARY_DIR) / ("welcome_" + name_of(c) + "_" + std::to_string(::getpid()));
  fs::create_directories(m_dir);
  pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  config.data_dir = m_dir / "var";
  config.language = c.language;
  config.width = c.width;
  config.height = c.height;
  auto app = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
  ASSERT_TRUE(app) << app.error().message;
  m_app = std::move(app.value());
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const std::vector<pk::sla::Notice> shown = notices(c.notices, now);
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

TEST(WelcomeNoticeWords, TheSessionsLanguageAndTheServicesName) {
  const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / ("welcome_words_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  config.data_dir = dir / "var";
  config.language = Language::Persian;
  {
    auto app = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
    ASSERT_TRUE(app) << app.error().message;
    const std::vector<pk::sla::Notice> one = notices(1, static_cast<int64_t>(std::time(nullptr)));
    ASSERT_TRUE(app.value()->ledger()->store_notices(one));
    app.value()->refresh_notices();
    const pk::catalog::Service* service = app.value()->catalog().find(3);
    ASSERT_NE(service, nullptr);
    // A Persian kiosk switched to English shows the notice in English, with the service's name.
    const std::string& english = app.value()->notices_in(Language::English).at(0);
    EXPECT_NE(english.find("Upgrade of the province"), std::string::npos) << english;
    EXPECT_NE(english.find(service->title.in(Language::English)), std::string::npos) << english;
    const std::string& persian = app.value()->notices_in(Language::Persian).at(0);
    EXPECT_NE(persian.find(service->title.in(Language::Persian)), std::string::npos) << persian;
    EXPECT_EQ(persian.find("خدمت شماره"), std::string::npos) << persian;
  }
  fs::remove_all(dir);
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
