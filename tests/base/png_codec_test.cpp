// The one libpng wrapper (base/png_codec.h): every format it writes reads back to the same
// pixels, the resolution is kept, and what is not a PNG, or claims a page larger than any paper,
// is an error with a kind, not a crash or a huge allocation.
#include "base/png_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pk::png {
namespace {

TEST(PngCodec, GrayRoundTrip) {
  std::vector<std::uint8_t> gray(7 * 5);
  for (std::size_t i = 0; i < gray.size(); ++i) gray[i] = static_cast<std::uint8_t>(i * 7);
  auto bytes =
      encode({.width = 7, .height = 5, .format = PixelFormat::Gray8, .pixels = gray}, Compression::Small);
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto back = decode(bytes.value());
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->width, 7);
  EXPECT_EQ(back->height, 5);
  EXPECT_EQ(back->channels, 1);
  EXPECT_EQ(back->pixels, gray);
}

TEST(PngCodec, OneBitRowsExpandToBlackAndWhite) {
  // 10 pixels a row: two bytes, the second padded. 1 is white.
  const std::vector<std::uint8_t> packed = {0b1010'0000, 0b1100'0000, 0b0000'0000, 0b0100'0000};
  auto bytes = encode({.width = 10, .height = 2, .format = PixelFormat::Gray1, .pixels = packed, .dpi = 300},
                      Compression::Small);
  ASSERT_TRUE(bytes);
  auto back = decode(bytes.value());
  ASSERT_TRUE(back);
  const std::vector<std::uint8_t> expected = {255, 0, 255, 0, 0, 0, 0, 0, 255, 255,  //
                                              0,   0, 0,   0, 0, 0, 0, 0, 0,   255};
  EXPECT_EQ(back->pixels, expected);
}

TEST(PngCodec, RgbaLosesOnlyItsAlpha) {
  const std::vector<std::uint8_t> rgba = {10, 20, 30, 255, 40, 50, 60, 128};
  auto bytes =
      encode({.width = 2, .height = 1, .format = PixelFormat::Rgba8, .pixels = rgba}, Compression::Fast);
  ASSERT_TRUE(bytes);
  auto back = decode(bytes.value());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->channels, 3);
  EXPECT_EQ(back->pixels, (std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60}));
}

TEST(PngCodec, RefusesWhatIsNotAPage) {
  const std::vector<std::uint8_t> junk = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
  auto broken = decode(junk);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().kind, ErrorKind::Malformed);
  EXPECT_FALSE(decode(std::vector<std::uint8_t>{1, 2, 3}));
  // Pixels that do not fill the size given.
  const std::vector<std::uint8_t> short_rows(15);
  auto unfilled = encode({.width = 4, .height = 4, .format = PixelFormat::Gray8, .pixels = short_rows},
                         Compression::Fast);
  ASSERT_FALSE(unfilled);
  EXPECT_EQ(unfilled.error().kind, ErrorKind::Malformed);
}

// CRC-32 of a PNG chunk (ISO 3309, as PNG uses it), so a test can forge a valid header.
std::uint32_t crc32_of(const std::uint8_t* data, std::size_t size) {
  std::uint32_t crc = 0xFFFFFFFFU;
  for (std::size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return crc ^ 0xFFFFFFFFU;
}

TEST(PngCodec, RefusesAHeaderLargerThanAnyPaperBeforeAllocating) {
  // A real 12,000 x 2 PNG whose header then claims 12,000 x 12,000 (each side within libpng's
  // limit, 144 million pixels in all), with its CRC made right: refused from the header alone.
  const std::vector<std::uint8_t> rows(12'000 / 8 * 2);
  auto small =
      encode({.width = 12'000, .height = 2, .format = PixelFormat::Gray1, .pixels = rows}, Compression::Fast);
  ASSERT_TRUE(small);
  std::vector<std::uint8_t> huge = small.value();
  // Signature (8), IHDR length (4), "IHDR" at 12..15, width at 16..19, height at 20..23.
  huge[20] = 0x00;
  huge[21] = 0x00;
  huge[22] = 0x2E;
  huge[23] = 0xE0;
  const std::uint32_t crc = crc32_of(&huge[12], 4 + 13);  // type and the 13 bytes of IHDR
  for (int i = 0; i < 4; ++i)
    huge[29 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(crc >> (24 - 8 * i));
  auto refused = decode(huge);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Malformed);
  EXPECT_NE(refused.error().message.find("larger than any paper"), std::string::npos)
      << "refused for its size, not for a broken checksum: " << refused.error().message;
}

}  // namespace
}  // namespace pk::png
