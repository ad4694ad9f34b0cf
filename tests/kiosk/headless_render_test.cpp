// Real frames: the kiosk renders headless in software with the shipped catalog and the Noto
// fonts, and the tests look at the pixels.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "kiosk/app.h"
#include "kiosk/journey.h"

namespace fs = std::filesystem;
using pk::catalog::Language;

namespace {

class HeadlessKiosk : public ::testing::Test {
protected:
  void start(Language language) {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("render_" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
    config.data_dir = m_dir / "var";
    config.language = language;
    auto app = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
    ASSERT_TRUE(app) << app.error().message;
    m_app = std::move(app.value());
    frames();
  }
  void TearDown() override {
    m_app.reset();
    fs::remove_all(m_dir);
  }
  void frames() {
    m_now += 1;
    m_app->render_frame(m_now);
    m_app->render_frame(m_now + 0.1);
  }
  // Pixels of a rectangle that are much darker than the light background: text ink.
  int ink_in(const pk::ui::Rect& r) {
    const std::vector<uint8_t> px = m_app->platform().read_pixels();
    const int w = m_app->platform().width();
    int ink = 0;
    for (int y = static_cast<int>(r.min.y); y < static_cast<int>(r.max.y); ++y)
      for (int x = static_cast<int>(r.min.x); x < static_cast<int>(r.max.x); ++x) {
        const uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
        if (p[0] + p[1] + p[2] < 3 * 110) ++ink;
      }
    return ink;
  }
  fs::path m_dir;
  std::unique_ptr<pk::kiosk::App> m_app;
  double m_now = 10;
};

}  // namespace

TEST_F(HeadlessKiosk, WelcomeScreenIsARealImageOfTheConfiguredSize) {
  start(Language::Persian);
  ASSERT_EQ(m_app->platform().width(), 1920);
  ASSERT_EQ(m_app->platform().height(), 1080);
  const std::vector<uint8_t> px = m_app->platform().read_pixels();
  ASSERT_EQ(px.size(), 1920u * 1080u * 4u);
  std::set<uint32_t> colours;
  for (size_t i = 0; i < px.size(); i += 4 * 97) colours.insert(px[i] | px[i + 1] << 8 | px[i + 2] << 16);
  EXPECT_GT(colours.size(), 20u) << "a blank or single-colour frame";

  const fs::path png = m_dir / "welcome.png";
  ASSERT_TRUE(m_app->screenshot(png));
  EXPECT_GT(fs::file_size(png), 10'000u);
}

TEST_F(HeadlessKiosk, StartButtonIsALargeTouchTargetWithText) {
  start(Language::Persian);
  const pk::ui::Rect* button = m_app->target("start");
  ASSERT_NE(button, nullptr);
  EXPECT_GE(button->height(), 48) << "touch targets are at least 48 px at 1080p";
  EXPECT_GT(ink_in(*button), 0) << "white label on the button";
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Browse);
}

// The service list: real tap targets with text, laid out from the start edge, so service 1
// is on the right in Persian and on the left in English.
TEST_F(HeadlessKiosk, ServiceListShowsServicesFromTheStartEdge) {
  for (Language language : {Language::Persian, Language::English}) {
    SCOPED_TRACE(language == Language::Persian ? "Persian" : "English");
    start(language);
    ASSERT_TRUE(m_app->tap("start", m_now + 1));
    frames();
    const float middle = static_cast<float>(m_app->platform().width()) / 2;
    for (int number = 1; number <= 6; ++number) {
      SCOPED_TRACE(number);
      const pk::ui::Rect* row = m_app->target("service/" + std::to_string(number));
      ASSERT_NE(row, nullptr);
      EXPECT_GE(row->height(), 48);
      EXPECT_LE(row->max.y, static_cast<float>(m_app->platform().height()));
      EXPECT_GT(ink_in(*row), 500) << "the row shows its title";
      const bool first_column = number % 2 == 1;
      const bool on_right = row->center().x > middle;
      EXPECT_EQ(on_right, first_column == (language == Language::Persian));
    }
    ASSERT_TRUE(m_app->tap("service/3", m_now + 1));
    frames();
    EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::ServiceCard);
    EXPECT_NE(m_app->target("apply"), nullptr) << "service 3 is offered at the kiosk";
    m_app.reset();
  }
}

TEST_F(HeadlessKiosk, CounterOnlyServiceOffersNoApplyButton) {
  start(Language::Persian);
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->flow().open_service(11));
  frames();
  EXPECT_EQ(m_app->target("apply"), nullptr);
}

TEST_F(HeadlessKiosk, JourneyWritesEveryScreen) {
  start(Language::Persian);
  const fs::path out = m_dir / "journey";
  auto done = pk::kiosk::run_journey(*m_app, out);
  ASSERT_TRUE(done) << done.error().message;
  int pngs = 0;
  for (const auto& entry : fs::directory_iterator(out)) pngs += entry.path().extension() == ".png";
  EXPECT_EQ(pngs, 9);
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::ServiceCard);
  EXPECT_EQ(m_app->flow().language(), Language::English);
}

// The on-screen keyboard feeds the search: taps on real keys, and the list narrows.
TEST_F(HeadlessKiosk, TypingOnTheKeyboardSearches) {
  start(Language::Persian);
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->tap("search", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->flow().state().keyboard_open);
  for (const char* key : {"key/ط", "key/ل", "key/ا", "key/ق"}) {
    ASSERT_TRUE(m_app->tap(key, m_now + 1)) << key;
    frames();
  }
  EXPECT_EQ(m_app->flow().state().query, "طلاق");
  EXPECT_NE(m_app->target("service/14"), nullptr) << "divorce registration is found";
  EXPECT_EQ(m_app->target("service/1"), nullptr) << "and nothing else is listed";
  ASSERT_TRUE(m_app->tap("key/backspace", m_now + 1));
  frames();
  EXPECT_EQ(m_app->flow().state().query, "طلا");
  ASSERT_TRUE(m_app->tap("back", m_now + 1));
  frames();
  EXPECT_FALSE(m_app->flow().state().keyboard_open) << "back first puts the keyboard away";
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Browse);
}
