#include "ui/png_writer.h"

#include <string_view>

#include "base/atomic_file.h"
#include "base/png_codec.h"

namespace pk::ui {

Result<void> write_png_rgba(const std::filesystem::path& file, std::span<const uint8_t> rgba, int width,
                            int height) {
  if (width <= 0 || height <= 0 || rgba.size() < static_cast<size_t>(width) * height * 4)
    return make_error("PNG " + file.string() + ": image buffer does not match its size");
  // Screenshots are written on the kiosk while it runs: fast compression.
  auto bytes =
      png::encode({.width = width, .height = height, .format = png::PixelFormat::Rgba8, .pixels = rgba},
                  png::Compression::Fast);
  if (!bytes) return make_error(bytes.error().kind, "PNG " + file.string() + ": " + bytes.error().message);
  // Whole or not at all: a reader never sees half a PNG.
  return write_file_atomically(file,
                               std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

}  // namespace pk::ui
