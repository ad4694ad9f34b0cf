#include <png.h>

#include <cstring>

#include "imaging/page_codec.h"

namespace pk::imaging {
namespace {

struct Sink {
  std::vector<std::uint8_t> bytes;
};

struct ByteSource {
  std::span<const std::uint8_t> bytes;
  std::size_t at = 0;
};

void write_to(png_structp png, png_bytep data, png_size_t length) {
  auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
  sink->bytes.insert(sink->bytes.end(), data, data + length);
}

void read_from(png_structp png, png_bytep data, png_size_t length) {
  auto* source = static_cast<ByteSource*>(png_get_io_ptr(png));
  if (source->bytes.size() - source->at < length) png_error(png, "PNG data ends early");
  std::memcpy(data, source->bytes.data() + source->at, length);
  source->at += length;
}

// libpng's default handlers print to stderr; our callers get the error as a Result instead.
void quiet_error(png_structp png, png_const_charp /*message*/) { png_longjmp(png, 1); }
void quiet_warning(png_structp /*png*/, png_const_charp /*message*/) {}

}  // namespace

// libpng reports errors by longjmp: nothing with a destructor may live between setjmp and the
// calls that can fail, so buffers are made before it.
Result<std::vector<std::uint8_t>> encode_bilevel_png(const Page& page) {
  if (page.width <= 0 || page.height <= 0 || page.channels != 1 ||
      page.pixels.size() < page.expected_size()) {
    return make_error("cannot encode page " + std::to_string(page.sequence) +
                      " as bilevel PNG: needs one channel");
  }
  const std::size_t row_bytes = (static_cast<std::size_t>(page.width) + 7) / 8;
  std::vector<std::uint8_t> packed(row_bytes * static_cast<std::size_t>(page.height), 0);
  for (int y = 0; y < page.height; ++y) {
    const std::uint8_t* in =
        page.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(page.width);
    std::uint8_t* out = packed.data() + static_cast<std::size_t>(y) * row_bytes;
    for (int x = 0; x < page.width; ++x) {
      if (in[x] >= 128)
        out[x / 8] |= static_cast<std::uint8_t>(0x80 >> (x % 8));  // PNG gray 1 bit: 1 is white
    }
  }
  std::vector<png_bytep> rows(static_cast<std::size_t>(page.height));
  for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = packed.data() + y * row_bytes;
  Sink sink;
  sink.bytes.reserve(packed.size() / 4);

  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_write_struct(&png, &info);
    return make_error("libpng: out of memory");
  }
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_write_struct(&png, &info);
    return make_error("libpng could not encode page " + std::to_string(page.sequence));
  }
  png_set_write_fn(png, &sink, write_to, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(page.width), static_cast<png_uint_32>(page.height), 1,
               PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  const auto ppm = static_cast<png_uint_32>(page.dpi * 10000 / 254);
  png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
  png_set_compression_level(png, 6);
  png_set_rows(png, info, rows.data());
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return std::move(sink.bytes);
}

Result<Page> decode_png(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 8 || png_sig_cmp(bytes.data(), 0, 8) != 0) return make_error("not a PNG");
  ByteSource source{bytes, 0};
  Page page;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, quiet_error, quiet_warning);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_read_struct(&png, &info, nullptr);
    return make_error("libpng: out of memory");
  }
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_read_struct(&png, &info, nullptr);
    return make_error("broken PNG");
  }
  png_set_read_fn(png, &source, read_from);
  png_set_user_limits(png, 20000, 20000);
  // Everything becomes 8-bit gray: expand 1-bit, drop alpha, mix colour down.
  png_read_png(png, info, PNG_TRANSFORM_EXPAND | PNG_TRANSFORM_STRIP_16 | PNG_TRANSFORM_STRIP_ALPHA, nullptr);
  page.width = static_cast<int>(png_get_image_width(png, info));
  page.height = static_cast<int>(png_get_image_height(png, info));
  page.channels = png_get_channels(png, info) >= 3 ? 3 : 1;
  const png_bytepp rows = png_get_rows(png, info);
  page.pixels.resize(page.expected_size());
  const std::size_t stride = static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.channels);
  for (int y = 0; y < page.height; ++y)
    std::memcpy(page.pixels.data() + static_cast<std::size_t>(y) * stride, rows[y], stride);
  png_destroy_read_struct(&png, &info, nullptr);
  return page;
}

}  // namespace pk::imaging
