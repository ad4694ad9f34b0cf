// Turning an encoded page half a turn (imaging/page_turn.h): the JPEG is turned in its DCT
// blocks, not decoded and encoded again, so the turned page is the turned original, not a
// second generation of JPEG loss; a 1-bit PNG turns exactly. Real pages, real codecs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "drivers/scanner/page_synth.h"
#include "imaging/page_codec.h"
#include "imaging/page_ops.h"
#include "imaging/page_turn.h"

namespace pk::imaging {
// The test pages are drawn as the simulated scanner draws them.
using namespace pk::scanner;  // NOLINT(google-build-using-namespace)
namespace {

// The page cut to its top-left width x height pixels.
Page cropped(const Page& page, int width, int height) {
  Page out = page;
  out.width = width;
  out.height = height;
  out.pixels.resize(out.expected_size());
  const auto row = static_cast<std::size_t>(width) * static_cast<std::size_t>(page.channels);
  for (int y = 0; y < height; ++y)
    std::copy_n(page.pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * page.width *
                                                                  static_cast<std::size_t>(page.channels)),
                row, out.pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row));
  return out;
}

int max_abs_difference(const Page& a, const Page& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    worst = std::max(worst, std::abs(a.pixels[i] - b.pixels[i]));
  return worst;
}

double mean_abs_difference(const Page& a, const Page& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
  return sum / static_cast<double>(a.pixels.size());
}

TEST(TurnJpeg, IsTheTurnedOriginalNotASecondGeneration) {
  const Page page =
      render_sheet({SheetContent::Photo, {}, SheetOrientation::Upright}, ColorMode::Gray, 200, 7);
  const auto original = encode_jpeg(page, 80).value();
  const Page decoded = decode_jpeg(original).value();

  auto turned = turn_180(PageEncoding::Jpeg, original);
  ASSERT_TRUE(turned) << turned.error().message;
  EXPECT_EQ(turned->encoding, PageEncoding::Jpeg);
  EXPECT_EQ(turned->sha256, sha256_of(turned->bytes)) << "the hash is of the turned bytes";
  const Page back = decode_jpeg(turned->bytes).value();
  // Gray JPEG blocks are 8 pixels: a partial block at the right and bottom edge is trimmed.
  EXPECT_EQ(back.width, page.width / 8 * 8);
  EXPECT_EQ(back.height, page.height / 8 * 8);
  Page expected = cropped(decoded, back.width, back.height);
  rotate_180(expected);
  EXPECT_LE(max_abs_difference(back, expected), 1) << "the blocks were turned, not re-quantised";

  // What the counter did before: decode, turn, encode again. It differs from the turned
  // original by a whole generation of loss; the lossless turn does not.
  Page turned_pixels = decoded;
  rotate_180(turned_pixels);
  const Page second_generation = decode_jpeg(encode_jpeg(turned_pixels, 80).value()).value();
  Page reference = decoded;
  rotate_180(reference);
  EXPECT_GT(mean_abs_difference(cropped(second_generation, back.width, back.height),
                                cropped(reference, back.width, back.height)),
            10 * mean_abs_difference(back, expected));
}

TEST(TurnJpeg, TwiceGivesTheOriginalBack) {
  Page page = render_sheet({SheetContent::Text, {}, SheetOrientation::Upright}, ColorMode::Color, 100, 3);
  page = cropped(page, page.width / 16 * 16, page.height / 16 * 16);  // whole colour blocks: nothing trimmed
  const auto original = encode_jpeg(page, 85).value();
  auto once = turn_180(PageEncoding::Jpeg, original);
  ASSERT_TRUE(once);
  auto twice = turn_180(PageEncoding::Jpeg, once->bytes);
  ASSERT_TRUE(twice);
  const Page a = decode_jpeg(original).value();
  const Page b = decode_jpeg(twice->bytes).value();
  ASSERT_EQ(b.width, a.width);
  ASSERT_EQ(b.height, a.height);
  EXPECT_LE(max_abs_difference(a, b), 1);
}

TEST(TurnPng, BilevelTurnsExactly) {
  Page page =
      render_sheet({SheetContent::Qr, "PKSH1|X|y", SheetOrientation::Upright}, ColorMode::BlackWhite, 150, 5);
  const auto original = encode_bilevel_png(page).value();
  auto turned = turn_180(PageEncoding::PngBilevel, original);
  ASSERT_TRUE(turned) << turned.error().message;
  EXPECT_EQ(turned->sha256, sha256_of(turned->bytes));
  rotate_180(page);
  EXPECT_EQ(decode_png(turned->bytes).value().pixels, page.pixels);
}

TEST(Turn, RefusesBytesThatAreNotAPage) {
  const std::vector<std::uint8_t> junk = {0xFF, 0xD8, 0x00, 0x01, 0x02};
  EXPECT_FALSE(turn_180(PageEncoding::Jpeg, junk));
  EXPECT_FALSE(turn_180(PageEncoding::PngBilevel, junk));
}

}  // namespace
}  // namespace pk::imaging
