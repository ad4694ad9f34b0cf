// JPEG and bilevel PNG: real encoders, decoded back and compared.
#include <gtest/gtest.h>

#include <cstdlib>

#include "drivers/scanner/page_synth.h"
#include "imaging/page_codec.h"

namespace pk::imaging {
// The test pages are drawn as the simulated scanner draws them.
using namespace pk::scanner;  // NOLINT(google-build-using-namespace)
namespace {

double mean_abs_difference(const Page& a, const Page& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
  return sum / static_cast<double>(a.pixels.size());
}

TEST(Jpeg, GrayPageDecodesToSameSizeAndClosePixels) {
  const Page page =
      render_sheet({SheetContent::Photo, {}, SheetOrientation::Upright}, ColorMode::Gray, 200, 5);
  auto bytes = encode_jpeg(page, 80);
  ASSERT_TRUE(bytes);
  EXPECT_LT(bytes->size(), page.pixels.size() / 4);  // it does compress
  auto back = decode_jpeg(bytes.value());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->width, page.width);
  EXPECT_EQ(back->height, page.height);
  EXPECT_EQ(back->channels, 1);
  EXPECT_LT(mean_abs_difference(page, back.value()), 6.0);
}

TEST(Jpeg, ColourPageKeepsThreeChannels) {
  const Page page =
      render_sheet({SheetContent::Photo, {}, SheetOrientation::Upright}, ColorMode::Color, 100, 5);
  auto back = decode_jpeg(encode_jpeg(page, 85).value());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->channels, 3);
  EXPECT_EQ(back->width, page.width);
  EXPECT_LT(mean_abs_difference(page, back.value()), 8.0);
}

TEST(Jpeg, RefusesBadPagesAndBadBytes) {
  Page bad;
  bad.width = 10;
  bad.height = 10;
  bad.channels = 2;
  bad.pixels.resize(200);
  EXPECT_FALSE(encode_jpeg(bad, 80));
  const std::vector<std::uint8_t> junk = {0xFF, 0xD8, 0x00, 0x01, 0x02};
  EXPECT_FALSE(decode_jpeg(junk));
}

TEST(BilevelPng, LosslessRoundTrip) {
  Page page =
      render_sheet({SheetContent::Qr, "PKSH1|X|y", SheetOrientation::Upright}, ColorMode::BlackWhite, 150, 5);
  page.width -= 3;  // a width that is not a multiple of 8
  page.pixels.resize(page.expected_size());
  auto bytes = encode_bilevel_png(page);
  ASSERT_TRUE(bytes);
  EXPECT_LT(bytes->size(), page.pixels.size() / 16);
  auto back = decode_png(bytes.value());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->width, page.width);
  EXPECT_EQ(back->height, page.height);
  EXPECT_EQ(back->pixels, page.pixels);
}

TEST(BilevelPng, RefusesColourAndTruncatedData) {
  EXPECT_FALSE(encode_bilevel_png(render_sheet({}, ColorMode::Color, 50, 1)));
  auto bytes = encode_bilevel_png(render_sheet({}, ColorMode::BlackWhite, 50, 1)).value();
  bytes.resize(bytes.size() / 2);
  EXPECT_FALSE(decode_png(bytes));
}

}  // namespace
}  // namespace pk::imaging
