// What the citizen reads on the rendered screens, from the widgets' record of a real headless
// frame: the keypad's control keys in the session's own language (a Pashto reader is not left
// with a Persian "clear one digit"), and the codes the page pipeline found on a scanned page,
// told under the pages in words a citizen understands (a cover sheet of another application as
// a warning, a document's own code shown as read).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "domain/language.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/app.h"
#include "kiosk/format.h"
#include "kiosk/strings.h"
#include "tests/support/headless_kiosk.h"
#include "ui/drawn_boxes.h"

namespace fs = std::filesystem;
using pk::catalog::Language;
using pk::kiosk::CitizenScreen;
using pk::kiosk::PageCodeMeaning;
namespace strings = pk::kiosk::strings;

namespace {

class ScreenWords : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(Language language) {
    pk::kiosk::Config config =
        kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "screen_words", language, 1280, 720);
    config.speech = pk::kiosk::SpeechBackend::Simulated;
    HeadlessKiosk::start(config, pk::kiosk::test::CentreKey::SaveNew, pk::kiosk::test::Recording::On);
  }
  // To the identify screen of service 3, its keypad open on the document number.
  void to_identify() {
    tap("start");
    ASSERT_TRUE(m_app->flow().open_service(3));
    frames();
    tap("apply");
    ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::Identify);
    ASSERT_TRUE(m_app->flow().state().keyboard_open);
  }
  void to_capture() {
    to_identify();
    ASSERT_TRUE(m_app->flow().set_field_text(pk::kiosk::Field::IdNumber, "5012345678"));
    frames();
    tap("next");
    ASSERT_EQ(m_app->flow().state().screen, CitizenScreen::Capture);
  }
  // The simulated flatbed's glass holds this sheet ("qr:<payload>", "code128:<payload>").
  void lay_on_glass(const std::string& sheet) {
    auto* sim = dynamic_cast<pk::scanner::SimScanner*>(m_app->scanner());
    ASSERT_NE(sim, nullptr) << "the kiosk's scanner is not the simulated one";
    ASSERT_TRUE(sim->inject("EMPTY"));
    ASSERT_TRUE(sim->inject("LOAD 1 " + sheet));
  }
  // The sentence for page `page`, as the capture screen words it in `language`.
  static std::string page_sentence(const pk::kiosk::Text& text, int page, Language language) {
    std::string words = text.in(language);
    words.replace(words.find("{}"), 2, pk::kiosk::format_number(page, language));
    return words;
  }
  void expect_no_layout_fault() {
    for (const pk::ui::LayoutFault& f :
         pk::ui::check_layout(m_app->drawn().boxes(), {{0, 0}, {1280, 720}}, m_app->drawn().screen()))
      ADD_FAILURE() << f.message;
  }
  // A picture of the frame for people to look at, next to the test binary.
  void picture(const std::string& name) {
    const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / "screen-words";
    fs::create_directories(dir);
    EXPECT_TRUE(m_app->screenshot(dir / (name + ".png")));
  }
};

TEST_F(ScreenWords, ThePashtoKeypadSaysClearOneDigitInPashto) {
  const std::string pashto = strings::kKeyEraseDigit.in(Language::Pashto);
  const std::string persian = strings::kKeyEraseDigit.in(Language::Persian);
  ASSERT_NE(pashto, persian) << "the Pashto table still has the Persian words";
  start(Language::Pashto);
  to_identify();
  EXPECT_TRUE(drawn_text(pashto)) << "the keypad's erase key does not say " << pashto;
  EXPECT_FALSE(drawn_text(persian)) << "a Persian erase key in a Pashto session";
  picture("identify_ps_keypad");
}

TEST_F(ScreenWords, TheEnglishKeypadSaysClearOneDigitInEnglish) {
  // Before, the pads kept the Persian words whatever the session's language.
  start(Language::English);
  to_identify();
  EXPECT_TRUE(drawn_text(strings::kKeyEraseDigit.in(Language::English)));
  EXPECT_FALSE(drawn_text(strings::kKeyEraseDigit.in(Language::Persian)));
}

TEST_F(ScreenWords, ThePashtoLetterKeyboardSaysSpaceAndEraseInPashto) {
  start(Language::Pashto);
  tap("start");
  tap("search");
  ASSERT_TRUE(m_app->flow().state().keyboard_open);
  EXPECT_TRUE(drawn_text(strings::kKeyEraseLetter.in(Language::Pashto)));
  EXPECT_TRUE(drawn_text(strings::kKeySpace.in(Language::Pashto)));
  EXPECT_TRUE(drawn_text(strings::kKeyZwnj.in(Language::Pashto)));
  EXPECT_FALSE(drawn_text(strings::kKeyEraseLetter.in(Language::Persian)));
}

TEST_F(ScreenWords, ACodeOnAScannedPageIsShownAsRead) {
  start(Language::Persian);
  to_capture();
  lay_on_glass("qr:AFG-CARD-7731");
  tap("scan");
  const auto& pages = m_app->flow().state().documents.at(0).pages;
  ASSERT_EQ(pages.size(), 1U) << m_app->flow().state().capture_problem;
  ASSERT_EQ(pages[0].codes.size(), 1U);
  EXPECT_EQ(pages[0].codes[0].meaning, PageCodeMeaning::Other);
  EXPECT_TRUE(drawn_text(page_sentence(strings::kPageCodeOther, 1, Language::Persian)));
  EXPECT_TRUE(drawn_text("AFG-CARD-7731")) << "the code's own text is not shown";
  expect_no_layout_fault();
  picture("capture_fa_code");
}

TEST_F(ScreenWords, ACoverSheetOfAnotherApplicationIsAWarningInEveryLanguage) {
  for (const Language language : pk::kLanguages) {
    SCOPED_TRACE(std::string(pk::language_code(language)));
    start(language);
    to_capture();
    lay_on_glass("qr:PKSH1|31201234567890|passport");
    tap("scan");
    ASSERT_EQ(m_app->flow().state().documents.at(0).pages.size(), 1U);
    EXPECT_TRUE(drawn_text(page_sentence(strings::kPageCodeCoverSheet, 1, language)));
    // Another person's application: its number is not shown to this citizen.
    EXPECT_FALSE(drawn_text_containing("31201234567890"));
    EXPECT_FALSE(drawn_text_containing("PKSH1"));
    expect_no_layout_fault();
    picture("capture_" + std::string(pk::language_code(language)) + "_cover_sheet");
    m_app.reset();
    fs::remove_all(m_dir);
  }
}

TEST_F(ScreenWords, APlainPageSaysNothingAboutCodes) {
  start(Language::Persian);
  to_capture();
  tap("scan");  // the glass's printed page: no code on it
  ASSERT_EQ(m_app->flow().state().documents.at(0).pages.size(), 1U);
  EXPECT_TRUE(m_app->flow().state().documents.at(0).pages[0].codes.empty());
  EXPECT_FALSE(drawn_text(page_sentence(strings::kPageCodeOther, 1, Language::Persian)));
}

}  // namespace
