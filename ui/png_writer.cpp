#include "ui/png_writer.h"

#include <png.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace pk::ui {

Result<void> write_png_rgba(const std::filesystem::path& file, std::span<const uint8_t> rgba, int width,
                            int height) {
  if (width <= 0 || height <= 0 || rgba.size() < static_cast<size_t>(width) * height * 4)
    return make_error("PNG " + file.string() + ": image buffer does not match its size");

  // Write beside the target and rename, so a reader never sees half a PNG.
  const std::filesystem::path partial = file.string() + ".part";
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(partial.c_str(), "wb"), &std::fclose);
  if (!out) return make_error("cannot write " + partial.string());

  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return make_error("libpng could not start");
  }
  std::vector<png_bytep> rows(static_cast<size_t>(height));
  for (int y = 0; y < height; ++y)
    rows[static_cast<size_t>(y)] = const_cast<png_bytep>(rgba.data() + static_cast<size_t>(y) * width * 4);

  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return make_error("libpng failed while writing " + file.string());
  }
  png_init_io(png, out.get());
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 3);  // screenshots are written on the kiosk: favour speed
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  out.reset();

  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  if (ec)
    return make_error("cannot rename " + partial.string() + " to " + file.string() + ": " + ec.message());
  return {};
}

}  // namespace pk::ui
