// The counter-only service's slip end to end (issue 18): printed on paper with its Code 128,
// read back from the printed image with ZXing as the counter's hand scanner would, and handed
// to a counter terminal's barcode scanner, which opens a new application with that service.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/png_io.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "tests/kiosk/operator/counter_terminal.h"
#include "tests/receipts/raster_probe.h"

namespace fs = std::filesystem;
using pk::kiosk::test::CounterTerminal;
using OperatorScreen = pk::kiosk::op::OperatorScreen;

namespace {

class CounterSlip : public CounterTerminal {
 protected:
  // The newest receipt image the simulated printer wrote.
  fs::path last_printed() {
    fs::path newest;
    for (const auto& e : fs::directory_iterator(m_dir / "receipts"))
      if (e.path().extension() == ".png" && (newest.empty() || e.path().filename() > newest.filename()))
        newest = e.path();
    return newest;
  }
  pk::barcode::SimBarcodeScanner& hand_scanner() {
    auto* scanner = dynamic_cast<pk::barcode::SimBarcodeScanner*>(m_app->barcode_scanner());
    EXPECT_NE(scanner, nullptr) << "the simulated barcode scanner is configured by default";
    return *scanner;
  }
};

}  // namespace

TEST_F(CounterSlip, TheSlipsCodeOpensANewApplicationWithItsService) {
  // The slip a kiosk prints for service 21 (counter only), on this terminal's printer.
  ASSERT_NE(m_app->printing(), nullptr);
  const pk::kiosk::PrintOutcome printed =
      m_app->printing()->print_counter_slip(m_app->catalog(), pk::Language::Persian, 21, 1'800'000'000,
                                            pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(printed.printed) << printed.problem;
  auto paper = pk::read_png(last_printed());
  ASSERT_TRUE(paper) << paper.error().message;
  const std::vector<std::string> codes = pk::test::decoded_texts(paper.value(), "Code128");
  ASSERT_EQ(codes.size(), 1u) << "one barcode on the slip, readable";
  EXPECT_EQ(codes[0], "PKSV1|21");

  log_in("246810");
  ASSERT_EQ(state().screen, OperatorScreen::Home);
  ASSERT_TRUE(hand_scanner().inject("SCAN " + codes[0]));
  frames();
  EXPECT_EQ(state().screen, OperatorScreen::NewApplication);
  EXPECT_EQ(state().service, 21);
  EXPECT_EQ(state().identity.kind, pk::identity::IdKind::AmayeshCard) << "the service's applicants' document";
  fs::create_directories(fs::path(PK_TEST_BINARY_DIR) / "counter-slip");
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "counter-slip" / "opened-from-slip-fa.png"));

  // Mid-application another slip changes nothing.
  ASSERT_TRUE(hand_scanner().inject("SCAN PKSV1|11"));
  frames();
  EXPECT_EQ(state().service, 21);

  // The operator's form with an Afghan mobile, in both languages (looked at, not compared).
  tap("field/mobile");
  tap("key/+");  // the mobile's keypad has a "+" for the country code
  type_digits("93701234567");
  EXPECT_EQ(state().identity.mobile, "+" + pk::to_persian_digits("93701234567"));
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "counter-slip" / "afghan-mobile-fa.png"));
  tap("lang");
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "counter-slip" / "afghan-mobile-en.png"));
}
