// Pictograms on real frames: the kiosk renders headless in software with the shipped catalog,
// fonts and pictograms, and the tests look at the pixels where each pictogram was drawn.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "domain/catalog.h"
#include "kiosk/app.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "tests/support/headless_kiosk.h"

namespace fs = std::filesystem;
using pk::catalog::Language;

namespace {

class PictogramFrames : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(Language language,
             const fs::path& catalog_file = fs::path(PK_SOURCE_DATA_DIR) / "catalog.json") {
    pk::kiosk::Config config = kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "pictogram_render", language);
    config.catalog_file = catalog_file;
    HeadlessKiosk::start(config, pk::kiosk::test::CentreKey::AsFound);
  }
  // Where the last frame drew the pictogram `name`, or nullptr.
  const pk::ui::Rect* box_of(std::string_view name) const {
    for (const auto& [drawn, box] : m_app->ui().pictogram_boxes())
      if (drawn == name) return &box;
    return nullptr;
  }
  // Pixels of `r` in the last frame that differ clearly from `background` (RGB): the ink.
  int ink_in(const pk::ui::Rect& r, ImU32 background) const {
    return pixels_in(r, [&](const uint8_t* p) {
      int diff = 0;
      for (int c = 0; c < 3; ++c) diff += std::abs(p[c] - static_cast<int>((background >> (8 * c)) & 0xFF));
      return diff > 3 * 60;
    });
  }
};

const pk::ui::Theme kTheme{};

// Each service row of the list shows its own pictogram: drawn inside the row, on the start side
// of the title (right in Persian, left in English), and ink is on screen where it was drawn.
TEST_F(PictogramFrames, EachServiceRowShowsItsPictogramOnTheStartSide) {
  for (Language language : {Language::Persian, Language::English}) {
    SCOPED_TRACE(language == Language::Persian ? "Persian" : "English");
    start(language);
    ASSERT_TRUE(m_app->tap("start", m_now + 1));
    frames();
    ASSERT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Browse);
    ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / (language == Language::Persian
                                                                      ? "pictograms-browse-fa.png"
                                                                      : "pictograms-browse-en.png")));
    int rows_seen = 0;
    for (const pk::catalog::Service& service : m_app->catalog().services) {
      const pk::ui::Rect* row = m_app->target("service/" + std::to_string(service.number));
      if (!row || row->height() < 100) continue;  // below the fold (or cut by it): not drawn whole
      SCOPED_TRACE(service.number);
      ++rows_seen;
      const pk::ui::Rect* box = box_of(service.pictogram_name());
      ASSERT_NE(box, nullptr) << "no pictogram drawn for service " << service.number;
      EXPECT_GE(box->min.x, row->min.x);
      EXPECT_LE(box->max.x, row->max.x);
      EXPECT_GE(box->min.y, row->min.y);
      EXPECT_LE(box->max.y, row->max.y);
      EXPECT_GE(box->width(), 48) << "large enough to tell apart";
      const bool on_right = box->center().x > row->center().x;
      EXPECT_EQ(on_right, language == Language::Persian) << "at the start side of the title";
      // Bold lines in the primary colour on the row's white: at least a tenth of the square.
      EXPECT_GT(ink_in(*box, kTheme.surface), static_cast<int>(box->width() * box->height() / 10));
    }
    EXPECT_GE(rows_seen, 6);
    m_app.reset();
  }
}

// The main actions carry theirs, on the start side of the label; the card shows the service's.
TEST_F(PictogramFrames, ActionButtonsAndTheServiceCardShowPictograms) {
  start(Language::Persian);
  using namespace pk::kiosk::pictograms;
  for (std::string_view id : {"start", "status", "report"}) {
    SCOPED_TRACE(id);
    const std::string_view name = id == std::string_view("start")    ? kStart
                                  : id == std::string_view("status") ? kStatus
                                                                     : kReport;
    const pk::ui::Rect* button = m_app->target(id);
    const pk::ui::Rect* box = box_of(name);
    ASSERT_TRUE(button && box);
    EXPECT_GT(box->center().x, button->center().x) << "right of the label in Persian";
    EXPECT_GE(box->min.x, button->min.x);
    const ImU32 fill = id == std::string_view("start") ? kTheme.primary : kTheme.surface;
    EXPECT_GT(ink_in(*box, fill), static_cast<int>(box->width() * box->height() / 10));
  }
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->flow().open_service(3));
  frames();
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "pictograms-card-fa.png"));
  const pk::catalog::Service* service = m_app->catalog().find(3);
  ASSERT_NE(service, nullptr);
  const std::string service_pictogram = service->pictogram_name();
  for (std::string_view name : {std::string_view(service_pictogram), kBack, kApply}) {
    SCOPED_TRACE(name);
    const pk::ui::Rect* box = box_of(name);
    ASSERT_NE(box, nullptr);
    EXPECT_GT(ink_in(*box, name == kApply  ? kTheme.primary
                           : name == kBack ? kTheme.surface
                                           : kTheme.background),
              static_cast<int>(box->width() * box->height() / 10));
  }
}

// Without the pictogram folder the kiosk still starts and every screen shows its words alone:
// no pictogram is drawn (no blank box) and the rows still read.
TEST_F(PictogramFrames, WithoutThePictogramsTheScreensShowTextAlone) {
  const fs::path elsewhere = fs::path(PK_TEST_BINARY_DIR) / ("no_pictograms_" + std::to_string(::getpid()));
  fs::create_directories(elsewhere);
  fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "catalog.json", elsewhere / "catalog.json",
                fs::copy_options::overwrite_existing);
  start(Language::Persian, elsewhere / "catalog.json");
  EXPECT_TRUE(m_app->pictograms().names().empty());
  EXPECT_TRUE(m_app->ui().pictogram_boxes().empty());
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  EXPECT_TRUE(m_app->ui().pictogram_boxes().empty());
  const pk::ui::Rect* row = m_app->target("service/1");
  ASSERT_NE(row, nullptr);
  EXPECT_GT(ink_in(*row, kTheme.surface), 500) << "the title is still there";
  m_app.reset();
  fs::remove_all(elsewhere);
}

}  // namespace
