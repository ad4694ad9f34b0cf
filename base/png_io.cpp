#include "base/png_io.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/atomic_file.h"
#include "base/png_codec.h"
#include "base/read_file.h"

namespace pk {
namespace {

// A printer's paper roll or a scanned page as a PNG file: well above any we write, well below
// what a wrong file could make us hold.
constexpr std::size_t kMaxPngFile = 64 * 1024 * 1024;

}  // namespace

Result<void> write_png(const std::filesystem::path& path, const RasterImage& image) {
  if (image.empty()) return make_error("nothing to write to " + path.string() + ": the image is empty");
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(image.width()) * image.height());
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      gray[static_cast<std::size_t>(y) * image.width() + x] = image.dot(x, y) ? 0 : 255;
    }
  }
  auto bytes = png::encode(
      {.width = image.width(), .height = image.height(), .format = png::PixelFormat::Gray8, .pixels = gray},
      png::Compression::Small);
  if (!bytes)
    return make_error(bytes.error().kind, "cannot write " + path.string() + ": " + bytes.error().message);
  return write_file_atomically(path,
                               std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

Result<RasterImage> read_png(const std::filesystem::path& path) {
  auto file = read_file(path, kMaxPngFile);
  if (!file) return file.error();
  auto png = png::decode(std::span(reinterpret_cast<const std::uint8_t*>(file->data()), file->size()));
  if (!png) return make_error(png.error().kind, "cannot read " + path.string() + ": " + png.error().message);
  RasterImage image(png->width, png->height);
  const auto channels = static_cast<std::size_t>(png->channels);
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const std::uint8_t* p = &png->pixels[(static_cast<std::size_t>(y) * image.width() + x) * channels];
      const int level = channels == 1 ? p[0] : (77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8;
      image.set_dot(x, y, level < 128);
    }
  }
  return image;
}

}  // namespace pk
