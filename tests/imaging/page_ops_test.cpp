// Blank detection, thumbnails, rotation on generated pages.
#include <gtest/gtest.h>

#include "drivers/scanner/page_synth.h"
#include "imaging/page_ops.h"

namespace pk::imaging {
// The test pages are drawn as the simulated scanner draws them.
using namespace pk::scanner;  // NOLINT(google-build-using-namespace)
namespace {

TEST(IsBlank, BlankBacksWithShowThroughAndDustAreBlank) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    EXPECT_TRUE(is_blank(render_blank_back(ColorMode::Gray, 200, seed))) << seed;
    EXPECT_TRUE(is_blank(render_blank_back(ColorMode::Color, 150, seed))) << seed;
  }
}

TEST(IsBlank, PrintedPagesAreNot) {
  for (auto content : {SheetContent::Text, SheetContent::Photo}) {
    EXPECT_FALSE(is_blank(render_sheet({content, {}, SheetOrientation::Upright}, ColorMode::Gray, 200, 9)));
  }
  EXPECT_FALSE(is_blank(
      render_sheet({SheetContent::Qr, "PKSH1|A|b", SheetOrientation::Upright}, ColorMode::Color, 150, 9)));
}

TEST(IsBlank, OneShortLineIsNotBlank) {
  Page page = render_blank_back(ColorMode::Gray, 200, 4);
  // 50 mm of a 0.5 mm stroke in the middle of the page: a signature, a date.
  const int y0 = page.height / 2;
  for (int y = y0; y < y0 + 4; ++y) {
    for (int x = 600; x < 600 + 394; ++x) page.pixels[static_cast<std::size_t>(y) * page.width + x] = 30;
  }
  EXPECT_FALSE(is_blank(page));
}

TEST(Thumbnail, KeepsAspectAndChannels) {
  const Page page = render_sheet({}, ColorMode::Color, 100, 2);
  const Page thumb = make_thumbnail(page, 200);
  EXPECT_EQ(thumb.height, 200);
  EXPECT_EQ(thumb.width, page.width * 200 / page.height);
  EXPECT_EQ(thumb.channels, 3);
  EXPECT_EQ(thumb.pixels.size(), thumb.expected_size());
  const Page same = make_thumbnail(thumb, 400);
  EXPECT_EQ(same.pixels, thumb.pixels);
}

TEST(Thumbnail, AveragesPixels) {
  Page page;
  page.width = 4;
  page.height = 2;
  page.pixels = {0, 0, 200, 200, 100, 100, 50, 50};
  const Page thumb = make_thumbnail(page, 2);
  ASSERT_EQ(thumb.width, 2);
  ASSERT_EQ(thumb.height, 1);
  EXPECT_EQ(thumb.pixels, (std::vector<std::uint8_t>{50, 125}));
}

TEST(Rotate180, TurnsPixelsAndKeepsChannelOrder) {
  Page page;
  page.width = 2;
  page.height = 1;
  page.channels = 3;
  page.pixels = {1, 2, 3, 4, 5, 6};
  rotate_180(page);
  EXPECT_EQ(page.pixels, (std::vector<std::uint8_t>{4, 5, 6, 1, 2, 3}));
  const Page upright = render_sheet({}, ColorMode::Gray, 75, 3);
  const Page flipped =
      render_sheet({SheetContent::Text, {}, SheetOrientation::UpsideDown}, ColorMode::Gray, 75, 3);
  Page turned = flipped;
  rotate_180(turned);
  EXPECT_EQ(turned.pixels, upright.pixels);
}

TEST(IsBilevel, OnlyZeroAnd255) {
  EXPECT_TRUE(is_bilevel(render_sheet({}, ColorMode::BlackWhite, 75, 1)));
  EXPECT_FALSE(is_bilevel(render_sheet({}, ColorMode::Gray, 75, 1)));
  EXPECT_FALSE(is_bilevel(render_sheet({}, ColorMode::Color, 75, 1)));
}

}  // namespace
}  // namespace pk::imaging
