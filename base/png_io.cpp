#include "base/png_io.h"

#include <png.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace pk {

Result<void> write_png(const std::filesystem::path& path, const RasterImage& image) {
  if (image.empty()) return make_error("nothing to write to " + path.string() + ": the image is empty");
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(image.width()) * image.height());
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      gray[static_cast<std::size_t>(y) * image.width() + x] = image.dot(x, y) ? 0 : 255;
    }
  }
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width());
  png.height = static_cast<png_uint_32>(image.height());
  png.format = PNG_FORMAT_GRAY;
  if (png_image_write_to_file(&png, path.c_str(), 0, gray.data(), 0, nullptr) == 0) {
    std::string message = "cannot write " + path.string() + ": " + png.message;
    png_image_free(&png);
    return make_error(message);
  }
  return {};
}

Result<RasterImage> read_png(const std::filesystem::path& path) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&png, path.c_str()) == 0) {
    return make_error("cannot read " + path.string() + ": " + png.message);
  }
  // The header may claim any size: a 60-byte file claiming 900000 x 900000 made this allocate
  // 2.5 GB (the base_png fuzz target's regression inputs). Nothing we read is larger than a
  // printer's paper or a scanned page.
  constexpr png_uint_32 kMaxSide = 20'000;
  constexpr std::uint64_t kMaxPixels = 100'000'000;
  if (png.width > kMaxSide || png.height > kMaxSide ||
      static_cast<std::uint64_t>(png.width) * png.height > kMaxPixels) {
    png_image_free(&png);
    return make_error("cannot read " + path.string() + ": " + std::to_string(png.width) + " x " +
                      std::to_string(png.height) + " pixels is larger than any paper or page");
  }
  png.format = PNG_FORMAT_GRAY;
  std::vector<std::uint8_t> gray(PNG_IMAGE_SIZE(png));
  if (png_image_finish_read(&png, nullptr, gray.data(), 0, nullptr) == 0) {
    std::string message = "cannot decode " + path.string() + ": " + png.message;
    png_image_free(&png);
    return make_error(message);
  }
  RasterImage image(static_cast<int>(png.width), static_cast<int>(png.height));
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      image.set_dot(x, y, gray[static_cast<std::size_t>(y) * image.width() + x] < 128);
    }
  }
  return image;
}

}  // namespace pk
