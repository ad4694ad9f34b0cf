// Finding codes on generated pages: upright, upside down, sideways, low contrast, small,
// colour; and pages with no code or a damaged one.
#include <gtest/gtest.h>

#include <algorithm>

#include "drivers/scanner/page_synth.h"
#include "imaging/page_codes.h"

namespace pk::imaging {
// The test pages are drawn as the simulated scanner draws them.
using namespace pk::scanner;  // NOLINT(google-build-using-namespace)
namespace {

using scanner::ColorMode;
using scanner::SheetContent;
using scanner::SheetOrientation;
using scanner::SheetSpec;

constexpr const char* kCover = "PKSH1|12345678901234|passport";

Page transpose(const Page& page) {  // a sheet lying sideways
  Page out = page;
  out.width = page.height;
  out.height = page.width;
  for (int y = 0; y < page.height; ++y) {
    for (int x = 0; x < page.width; ++x)
      out.pixels[static_cast<std::size_t>(x) * out.width + y] =
          page.pixels[static_cast<std::size_t>(y) * page.width + x];
  }
  return out;
}

std::vector<std::string> texts(const std::vector<PageCode>& codes) {
  std::vector<std::string> out;
  for (const auto& code : codes) {
    if (code.readability == CodeReadability::Read) out.push_back(code.text);
  }
  return out;
}

TEST(FindCodes, QrOnAnUprightPage) {
  const auto codes = find_codes(
      scanner::render_sheet({SheetContent::Qr, kCover, SheetOrientation::Upright}, ColorMode::Gray, 200, 1));
  ASSERT_EQ(texts(codes), std::vector<std::string>{kCover});
  EXPECT_EQ(codes[0].format, CodeFormat::Qr);
  EXPECT_LT(std::abs(codes[0].orientation_degrees), 10);
}

TEST(FindCodes, UpsideDownPageSaysSo) {
  const auto codes = find_codes(scanner::render_sheet(
      {SheetContent::Qr, kCover, SheetOrientation::UpsideDown}, ColorMode::Gray, 200, 1));
  ASSERT_EQ(texts(codes), std::vector<std::string>{kCover});
  EXPECT_GT(std::abs(codes[0].orientation_degrees), 170);
}

TEST(FindCodes, SidewaysPage) {
  const auto codes = find_codes(transpose(
      scanner::render_sheet({SheetContent::Qr, kCover, SheetOrientation::Upright}, ColorMode::Gray, 150, 1)));
  EXPECT_EQ(texts(codes), std::vector<std::string>{kCover});
}

TEST(FindCodes, Code128UprightAndUpsideDown) {
  for (auto orientation : {SheetOrientation::Upright, SheetOrientation::UpsideDown}) {
    const auto codes = find_codes(scanner::render_sheet(
        {SheetContent::Code128, "10012345678901", orientation}, ColorMode::Gray, 200, 2));
    ASSERT_EQ(texts(codes), std::vector<std::string>{"10012345678901"});
    EXPECT_EQ(codes[0].format, CodeFormat::Code128);
    EXPECT_EQ(std::abs(codes[0].orientation_degrees) > 90, orientation == SheetOrientation::UpsideDown);
  }
}

TEST(FindCodes, LowContrastColourPage) {
  Page page =
      scanner::render_sheet({SheetContent::Qr, kCover, SheetOrientation::Upright}, ColorMode::Color, 200, 3);
  for (auto& v : page.pixels)
    v = static_cast<std::uint8_t>(150 + v / 4);  // ink 157, paper ~210: a faded print
  EXPECT_EQ(texts(find_codes(page)), std::vector<std::string>{kCover});
}

TEST(FindCodes, SmallCodeAtLowResolution) {
  // At 100 dpi the QR modules are 3 pixels wide: a cover sheet scanned at draft resolution.
  EXPECT_EQ(texts(find_codes(scanner::render_sheet({SheetContent::Qr, kCover, SheetOrientation::Upright},
                                                   ColorMode::Gray, 100, 4))),
            std::vector<std::string>{kCover});
}

TEST(FindCodes, NoCodeOnTextOrBlankPages) {
  EXPECT_TRUE(find_codes(scanner::render_sheet({}, ColorMode::Gray, 200, 5)).empty());
  EXPECT_TRUE(find_codes(scanner::render_blank_back(ColorMode::Gray, 200, 5)).empty());
  EXPECT_TRUE(find_codes(Page{}).empty());
}

TEST(FindCodes, DamagedCodeIsNotReadAsItsPayload) {
  Page page =
      scanner::render_sheet({SheetContent::Qr, kCover, SheetOrientation::Upright}, ColorMode::Gray, 200, 6);
  // Ink over the code's upper rows (a stamp across it): more than its error correction holds.
  const int module = scanner::mm_to_px(0.8, 200);
  const int right = page.width - scanner::mm_to_px(25, 200);
  const int top = scanner::mm_to_px(25, 200);
  for (int y = top + 7 * module; y < top + 16 * module; ++y) {
    for (int x = right - 29 * module; x < right; ++x)
      page.pixels[static_cast<std::size_t>(y) * page.width + x] =
          (x / module + y / module) % 2 != 0 ? 20 : 240;
  }
  const auto codes = find_codes(page);
  EXPECT_TRUE(texts(codes).empty());
}

}  // namespace
}  // namespace pk::imaging
