// The layout walk: the real kiosk, headless, runs the scripted citizen journey in every
// language it has, on the 1920x1080 panel and the common 1280x720 one, with 0, 1 and 3
// planned-outage notices, at the normal text size and after A+. On every screen the journey
// pictures, the widgets' recorded boxes are checked (ui/drawn_boxes.h): no two texts cross, no
// text crosses a widget it does not belong to, no text leaves its box or the screen. A failure
// names the case, the screen, the strings and the rectangles. Pictures (pictograms, a page's
// preview, the speaker icons) are recorded too: a text or another picture over one is a fault.
// A second walk reaches the screens the journey does not (BeyondTheJourney, below).
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/identity.h"
#include "domain/language.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/app.h"
#include "kiosk/citizen/journey.h"
#include "protocol/sealing.h"
#include "sla/ledger.h"
#include "tests/support/headless_kiosk.h"
#include "ui/drawn_boxes.h"

namespace fs = std::filesystem;
using pk::Language;

namespace {

// Every interface language of the citizen screens (pk::kLanguages: Persian, Dari, Pashto,
// English): a new language joins the walk there.

struct Panel {
  int width;
  int height;
};
constexpr Panel kPanels[] = {{1920, 1080}, {1280, 720}};
constexpr int kNoticeCounts[] = {0, 1, 3};
constexpr pk::ui::TextSize kTextSizes[] = {pk::ui::TextSize::Normal, pk::ui::TextSize::Large};

struct Case {
  Panel panel;
  Language language;
  int notices;
  pk::ui::TextSize text_size;
};

std::string name_of(const Case& c) {
  const std::string lang(pk::language_code(c.language));
  return std::to_string(c.panel.width) + "x" + std::to_string(c.panel.height) + "_" + lang + "_" +
         std::to_string(c.notices) + "_notices" +
         (c.text_size == pk::ui::TextSize::Large ? "_large_text" : "");
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const Panel& panel : kPanels)
    for (Language language : pk::kLanguages)
      for (int notices : kNoticeCounts)
        for (pk::ui::TextSize size : kTextSizes) cases.push_back({panel, language, notices, size});
  return cases;
}

class LayoutWalk : public ::testing::TestWithParam<Case>, protected pk::kiosk::test::HeadlessKiosk {};

TEST_P(LayoutWalk, NoScreenOfTheJourneyHasAnOverlapOrAnOverflow) {
  const Case c = GetParam();
  const pk::kiosk::Config config =
      kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "walk", c.language, c.panel.width, c.panel.height);
  // Enrolled: the centre's key is here, so the journey can submit. No frame before the notices.
  open(config, pk::kiosk::test::CentreKey::SaveNew);
  ASSERT_TRUE(m_app->ledger()->store_notices(
      pk::kiosk::test::outage_notices(c.notices, static_cast<int64_t>(std::time(nullptr)))));
  m_app->refresh_notices();
  m_app->drawn().set_recording(true);

  const pk::ui::BoxRect screen{{0, 0},
                               {static_cast<float>(c.panel.width), static_cast<float>(c.panel.height)}};
  std::vector<std::string> faults;
  int screens = 0;
  pk::kiosk::JourneyOptions options;
  options.text_size = c.text_size;
  options.on_screen = [&](std::string_view shot) -> pk::Result<void> {
    ++screens;
    const pk::ui::DrawnBoxes& drawn = m_app->drawn();
    EXPECT_FALSE(drawn.boxes().empty()) << shot << ": nothing was recorded";
    const std::string where = std::string(shot) + " (" + drawn.screen() + ")";
    for (const pk::ui::LayoutFault& f : pk::ui::check_layout(drawn.boxes(), screen, where))
      faults.push_back(f.message);
    return {};
  };
  // Pictures of the failing case go next to the test binary, for people to look at.
  const fs::path pictures = fs::path(PK_TEST_BINARY_DIR) / "layout-walk" / name_of(c);
  fs::remove_all(pictures);
  auto done = pk::kiosk::run_journey(*m_app, pictures, options);
  if (!done) (void)m_app->screenshot(pictures / "journey-stopped-here.png");
  ASSERT_TRUE(done) << name_of(c) << ": " << done.error().message << " (picture in " << pictures.string()
                    << ")";
  EXPECT_EQ(screens, 19);
  std::string all;
  for (const std::string& f : faults) all += "\n  " + f;
  EXPECT_TRUE(faults.empty()) << name_of(c) << ": " << faults.size() << " layout fault(s):" << all;
  if (faults.empty()) fs::remove_all(pictures);
}

// The screens the journey never pictures, in every language at both panel sizes and both text
// sizes (notices do not reach past the welcome screen): an identity error, the passport read,
// a capture whose pages carry codes (a cover sheet's warning, a document's own code), the
// "need more time?" dialog, and the failure report's choices with their speakers.
class BeyondTheJourney : public LayoutWalk {
 protected:
  BeyondTheJourney() { m_now = 1000; }
  void check(const std::string& shot, const pk::ui::BoxRect& screen, std::vector<std::string>& faults) {
    const pk::ui::DrawnBoxes& drawn = m_app->drawn();
    EXPECT_FALSE(drawn.boxes().empty()) << shot << ": nothing was recorded";
    for (const pk::ui::LayoutFault& f :
         pk::ui::check_layout(drawn.boxes(), screen, shot + " (" + drawn.screen() + ")"))
      faults.push_back(f.message);
    if (!m_pictures.empty()) (void)m_app->screenshot(m_pictures / (shot + ".png"));
  }
  fs::path m_pictures;
};

TEST_P(BeyondTheJourney, NoScreenOffTheJourneyHasAnOverlapOrAnOverflow) {
  const Case c = GetParam();
  pk::kiosk::Config config =
      kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "beyond", c.language, c.panel.width, c.panel.height);
  config.speech = pk::kiosk::SpeechBackend::Simulated;  // the speakers are drawn, nothing is heard
  // Enrolled, so the report's send button is drawn.
  open(config, pk::kiosk::test::CentreKey::SaveNew, pk::kiosk::test::Recording::On);
  m_pictures = fs::path(PK_TEST_BINARY_DIR) / "layout-walk-beyond" / name_of(c);
  fs::remove_all(m_pictures);
  fs::create_directories(m_pictures);
  const pk::ui::BoxRect screen{{0, 0},
                               {static_cast<float>(c.panel.width), static_cast<float>(c.panel.height)}};
  std::vector<std::string> faults;
  auto& flow = m_app->flow();
  frames();
  for (int tries = 0; tries < 3 && flow.state().text_size != c.text_size; ++tries)
    ASSERT_TRUE(try_tap("text_size"));
  ASSERT_EQ(flow.state().text_size, c.text_size);

  ASSERT_TRUE(try_tap("start"));
  ASSERT_TRUE(flow.open_service(3));
  frames();
  ASSERT_TRUE(try_tap("apply"));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::IdNumber, "12"));
  frames();
  ASSERT_TRUE(try_tap("next"));
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Identify) << "a two-digit number was taken";
  // With A+ the message's two lines once pushed "next" and "read passport" below the screen
  // (this walk found it); the form now scrolls above buttons kept at its foot.
  check("identify-error", screen, faults);

  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::IdNumber, "5012345678"));
  frames();
  ASSERT_TRUE(try_tap("next"));
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Capture);
  auto* sim = dynamic_cast<pk::scanner::SimScanner*>(m_app->scanner());
  ASSERT_NE(sim, nullptr);
  for (const char* sheet : {"qr:PKSH1|31201234567890|passport", "qr:https://example.org/card?id=AF-77"}) {
    ASSERT_TRUE(sim->inject("EMPTY"));
    ASSERT_TRUE(sim->inject(std::string("LOAD 1 ") + sheet));
    ASSERT_TRUE(try_tap("scan"));
  }
  ASSERT_EQ(flow.state().documents.at(0).pages.size(), 2U) << flow.state().capture_problem;
  check("capture-codes", screen, faults);

  // Idle for the whole timeout: the "need more time?" dialog over the capture screen.
  m_now += config.idle_timeout_seconds + 1;
  (void)m_app->tick_session(m_now);  // what the frame loop does between frames
  frames();
  ASSERT_TRUE(flow.state().more_time_dialog);
  check("more-time", screen, faults);

  flow.home();
  frames();
  ASSERT_TRUE(try_tap("report"));
  ASSERT_TRUE(try_tap("report/3"));
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::ReportDetails);
  check("report-details", screen, faults);

  // Last: the passport screen (the simulated reader may read the chip at once and move on).
  flow.home();
  frames();
  ASSERT_TRUE(try_tap("start"));
  ASSERT_TRUE(flow.open_service(3));
  frames();
  ASSERT_TRUE(try_tap("apply"));
  ASSERT_TRUE(flow.set_id_kind(pk::identity::IdKind::Passport));
  ASSERT_TRUE(flow.open_passport_reader());
  m_app->render_frame(m_now += 1);
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::ReadPassport);
  check("read-passport", screen, faults);

  std::string all;
  for (const std::string& f : faults) all += "\n  " + f;
  EXPECT_TRUE(faults.empty()) << name_of(c) << ": " << faults.size() << " layout fault(s):" << all
                              << " (pictures in " << m_pictures.string() << ")";
  if (faults.empty()) fs::remove_all(m_pictures);
}

std::vector<Case> beyond_cases() {
  std::vector<Case> cases;
  for (const Panel& panel : kPanels)
    for (Language language : pk::kLanguages)
      for (pk::ui::TextSize size : kTextSizes) cases.push_back({panel, language, 0, size});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EveryLanguagePanelAndTextSize, BeyondTheJourney, ::testing::ValuesIn(beyond_cases()),
                         [](const ::testing::TestParamInfo<Case>& case_info) {
                           return name_of(case_info.param);
                         });

INSTANTIATE_TEST_SUITE_P(EveryLanguagePanelNoticeCountAndTextSize, LayoutWalk,
                         ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& case_info) {
                           return name_of(case_info.param);
                         });

}  // namespace
