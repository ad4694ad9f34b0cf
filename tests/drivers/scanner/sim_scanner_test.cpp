// The simulated scanner: batches, duplex, scripted faults, determinism, the registry.
#include <gtest/gtest.h>

#include <algorithm>

#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "imaging/page_ops.h"

namespace pk::scanner {
namespace {

std::vector<Page> scan_all(ScannerDriver& scanner, Result<void>* error = nullptr) {
  std::vector<Page> pages;
  for (;;) {
    auto page = scanner.next_page();
    if (!page) {
      if (error != nullptr) *error = page.error();
      return pages;
    }
    if (!page.value()) return pages;
    pages.push_back(std::move(*page.value()));
  }
}

TEST(SimScanner, AdfBatchGivesEveryLoadedSheetThenEnds) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 5 text photo"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 200}));
  const auto pages = scan_all(scanner);
  ASSERT_EQ(pages.size(), 5U);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    EXPECT_EQ(pages[i].sequence, static_cast<int>(i + 1));
    EXPECT_EQ(pages[i].width, 1654);  // A4 at 200 dpi
    EXPECT_EQ(pages[i].height, 2339);
    EXPECT_EQ(pages[i].channels, 1);
    EXPECT_EQ(pages[i].pixels.size(), pages[i].expected_size());
    EXPECT_FALSE(is_blank(pages[i])) << "page " << i + 1;
  }
  EXPECT_EQ(scanner.sheets_in_feeder(), 0);
  EXPECT_EQ(scanner.status(), ScannerStatus::Ready);
}

TEST(SimScanner, DuplexGivesBlankBacks) {
  SimScanner scanner(3);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 3"));
  ASSERT_TRUE(scanner.start({Source::AdfDuplex, ColorMode::Gray, 150}));
  const auto pages = scan_all(scanner);
  ASSERT_EQ(pages.size(), 6U);
  for (std::size_t i = 0; i < pages.size(); ++i)
    EXPECT_EQ(is_blank(pages[i]), i % 2 == 1) << "page " << i + 1;
}

TEST(SimScanner, JamMidBatchKeepsEarlierPagesAndSaysWhy) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 5"));
  ASSERT_TRUE(scanner.inject("JAM AFTER 2"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  Result<void> error;
  const auto pages = scan_all(scanner, &error);
  EXPECT_EQ(pages.size(), 2U);
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("jam"), std::string::npos);
  EXPECT_EQ(scanner.status(), ScannerStatus::Jammed);
  EXPECT_NE(describe(ScannerStatus::Jammed).find("kept"), std::string_view::npos);
  // Until the operator clears it the scanner refuses; after, the jammed sheet comes again.
  EXPECT_FALSE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  ASSERT_TRUE(scanner.inject("CLEAR"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  EXPECT_EQ(scan_all(scanner).size(), 3U);
}

TEST(SimScanner, JamInjectedWhileScanning) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 4"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  ASSERT_TRUE(scanner.next_page());
  ASSERT_TRUE(scanner.inject("JAM"));
  EXPECT_FALSE(scanner.next_page());
  EXPECT_EQ(scanner.status(), ScannerStatus::Jammed);
}

TEST(SimScanner, CoverOpenAndEmptyFeederAreClearErrors) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  EXPECT_FALSE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  EXPECT_EQ(scanner.status(), ScannerStatus::NoDocuments);
  ASSERT_TRUE(scanner.inject("LOAD 1"));
  ASSERT_TRUE(scanner.inject("COVER_OPEN"));
  EXPECT_FALSE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  EXPECT_EQ(scanner.status(), ScannerStatus::CoverOpen);
  ASSERT_TRUE(scanner.inject("COVER_CLOSE"));
  EXPECT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  EXPECT_EQ(scanner.status(), ScannerStatus::Ready);
}

TEST(SimScanner, UnplugMidBatchThenPlugAndReopen) {
  SimScanner scanner(7);
  std::vector<HotplugEvent> events;
  scanner.on_hotplug([&](HotplugEvent event, const DeviceInfo&) { events.push_back(event); });
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 3"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  ASSERT_TRUE(scanner.next_page());
  ASSERT_TRUE(scanner.inject("UNPLUG"));
  EXPECT_FALSE(scanner.next_page());
  EXPECT_EQ(scanner.status(), ScannerStatus::Unplugged);
  EXPECT_EQ(scanner.state().connection, Connection::Unplugged);
  EXPECT_FALSE(scanner.open());
  ASSERT_TRUE(scanner.inject("PLUG"));
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
  EXPECT_EQ(scan_all(scanner).size(), 2U);
  EXPECT_EQ(events, (std::vector<HotplugEvent>{HotplugEvent::Left, HotplugEvent::Arrived}));
}

TEST(SimScanner, FlatbedGivesOnePage) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.start({Source::Flatbed, ColorMode::Color, 75}));
  const auto pages = scan_all(scanner);
  ASSERT_EQ(pages.size(), 1U);
  EXPECT_EQ(pages[0].channels, 3);
  EXPECT_TRUE(is_blank(pages[0]));  // nothing on the glass
}

TEST(SimScanner, BlackWhitePagesAreBilevel) {
  SimScanner scanner(7);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 1"));
  ASSERT_TRUE(scanner.start({Source::Adf, ColorMode::BlackWhite, 100}));
  const auto pages = scan_all(scanner);
  ASSERT_EQ(pages.size(), 1U);
  EXPECT_TRUE(is_bilevel(pages[0]));
  EXPECT_GT(std::count(pages[0].pixels.begin(), pages[0].pixels.end(), 0), 1000);
}

TEST(SimScanner, SameSeedSamePagesOtherSeedOtherPages) {
  auto scan_one = [](std::uint64_t seed) {
    SimScanner scanner(seed);
    EXPECT_TRUE(scanner.open());
    EXPECT_TRUE(scanner.inject("LOAD 1 photo"));
    EXPECT_TRUE(scanner.start({Source::Adf, ColorMode::Gray, 100}));
    return std::move(*scanner.next_page().value()).pixels;
  };
  EXPECT_EQ(scan_one(11), scan_one(11));
  EXPECT_NE(scan_one(11), scan_one(12));
}

TEST(SimScanner, RefusesUnknownCommandsAndSheets) {
  SimScanner scanner(1);
  EXPECT_FALSE(scanner.inject("FLY"));
  EXPECT_FALSE(scanner.inject("LOAD x"));
  EXPECT_FALSE(scanner.inject("LOAD 2 poster"));
  EXPECT_FALSE(scanner.inject("LOAD 2 qr:"));
  EXPECT_FALSE(scanner.inject("JAM AFTER -1"));
  EXPECT_EQ(scanner.sheets_in_feeder(), 0);
}

TEST(ScannerRegistry, CreatesByScheme) {
  const auto registry = make_scanner_registry();
  auto sim = registry.create("sim:seed=5");
  ASSERT_TRUE(sim);
  EXPECT_EQ(sim.value()->info().backend, "sim");
  auto sane = registry.create("sane:test:0");
  ASSERT_TRUE(sane);
  EXPECT_EQ(sane.value()->info().backend, "sane");
  EXPECT_FALSE(registry.create("sim:seed=abc"));
  EXPECT_FALSE(registry.create("twain:x"));
}

// The driver's own line is for the log, one per status (the words a person reads are the
// kiosk's: tests/kiosk/device_words_test.cpp).
TEST(ScannerStatusText, EveryStatusHasALogLine) {
  for (auto status :
       {ScannerStatus::Ready, ScannerStatus::NoDocuments, ScannerStatus::Jammed, ScannerStatus::CoverOpen,
        ScannerStatus::Busy, ScannerStatus::Unplugged, ScannerStatus::Error}) {
    EXPECT_FALSE(describe(status).empty());
    EXPECT_NE(describe(status), "?");
  }
}

}  // namespace
}  // namespace pk::scanner
