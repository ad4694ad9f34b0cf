#include "ui/png_writer.h"

#include <gtest/gtest.h>
#include <png.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

TEST(PngWriter, WritesAnImageLibpngReadsBack) {
  const int w = 7;
  const int h = 5;
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<uint8_t>(i * 37);
  const fs::path file = fs::path(PK_TEST_BINARY_DIR) / "png_writer_test.png";
  ASSERT_TRUE(pk::ui::write_png_rgba(file, rgba, w, h));
  EXPECT_FALSE(fs::exists(file.string() + ".part"));

  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  ASSERT_TRUE(png_image_begin_read_from_file(&image, file.c_str()));
  EXPECT_EQ(image.width, static_cast<png_uint_32>(w));
  EXPECT_EQ(image.height, static_cast<png_uint_32>(h));
  image.format = PNG_FORMAT_RGBA;
  std::vector<uint8_t> back(PNG_IMAGE_SIZE(image));
  ASSERT_TRUE(png_image_finish_read(&image, nullptr, back.data(), 0, nullptr));
  EXPECT_EQ(back, rgba);
}

TEST(PngWriter, RefusesABufferSmallerThanTheImage) {
  std::vector<uint8_t> rgba(10);
  auto result = pk::ui::write_png_rgba(fs::path(PK_TEST_BINARY_DIR) / "never.png", rgba, 7, 5);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("does not match"), std::string::npos);
}

TEST(PngWriter, UnwritableFolderIsAClearError) {
  std::vector<uint8_t> rgba(4, 0);
  auto result = pk::ui::write_png_rgba("/nonexistent-dir/x.png", rgba, 1, 1);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("/nonexistent-dir/x.png"), std::string::npos);
}
