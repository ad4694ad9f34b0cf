#include "base/png_codec.h"

#include <png.h>

#include <cstring>
#include <string>

namespace pk::png {
namespace {

constexpr png_uint_32 kMaxSide = 20'000;
constexpr std::uint64_t kMaxPixels = 100'000'000;  // an A3 sheet at 600 dpi is 70 million

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

std::size_t row_bytes(const ImageView& image) {
  const auto width = static_cast<std::size_t>(image.width);
  switch (image.format) {
    case PixelFormat::Gray1:
      return (width + 7) / 8;
    case PixelFormat::Gray8:
      return width;
    case PixelFormat::Rgba8:
      return width * 4;
  }
  return 0;
}

}  // namespace

// Nothing with a destructor may be made between setjmp and the calls that can fail (a longjmp
// skips destructors), so the rows and the sink are made before it.
Result<std::vector<std::uint8_t>> encode(const ImageView& image, Compression compression) {
  const std::size_t stride = row_bytes(image);
  if (image.width <= 0 || image.height <= 0 || static_cast<png_uint_32>(image.width) > kMaxSide ||
      static_cast<png_uint_32>(image.height) > kMaxSide ||
      image.pixels.size() < stride * static_cast<std::size_t>(image.height))
    return make_error(ErrorKind::Malformed, "cannot encode a PNG of " + std::to_string(image.width) + " x " +
                                                std::to_string(image.height) + ": the pixels do not match");
  std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
  for (std::size_t y = 0; y < rows.size(); ++y)
    rows[y] = const_cast<png_bytep>(image.pixels.data() + y * stride);  // libpng only reads them
  Sink sink;
  sink.bytes.reserve(image.pixels.size() / 4);

  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, quiet_error, quiet_warning);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_write_struct(&png, &info);
    return make_error("libpng: out of memory");
  }
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_write_struct(&png, &info);
    return make_error("libpng could not encode a PNG of " + std::to_string(image.width) + " x " +
                      std::to_string(image.height));
  }
  png_set_write_fn(png, &sink, write_to, nullptr);
  const int bit_depth = image.format == PixelFormat::Gray1 ? 1 : 8;
  const int colour = image.format == PixelFormat::Rgba8 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_GRAY;
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height),
               bit_depth, colour, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (image.dpi > 0) {
    const auto ppm = static_cast<png_uint_32>(image.dpi * 10000 / 254);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
  }
  png_set_compression_level(png, compression == Compression::Fast ? 3 : 6);
  png_set_rows(png, info, rows.data());
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return std::move(sink.bytes);
}

namespace {

enum class ReadOutcome : std::uint8_t { Read, Broken, TooLarge };

// The setjmp lives here, and what changes between it and a longjmp (the image, its rows) is the
// caller's, reached through references: locals of a frame that calls setjmp and are changed
// after it are indeterminate after a longjmp.
ReadOutcome read_into(png_structp png, png_infop info, DecodedImage& image, std::vector<png_bytep>& rows) {
  if (setjmp(png_jmpbuf(png)) != 0) return ReadOutcome::Broken;
  png_set_user_limits(png, kMaxSide, kMaxSide);
  png_read_info(png, info);
  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  image.width = static_cast<int>(width);
  image.height = static_cast<int>(height);
  // The header may claim any size: a 60-byte file claiming 900000 x 900000 once made a reader
  // allocate 2.5 GB (the base_png fuzz target's regression inputs). Refused before allocating.
  if (static_cast<std::uint64_t>(width) * height > kMaxPixels) return ReadOutcome::TooLarge;
  // Everything becomes 8 bits a channel, gray or RGB: expand 1-bit and palettes, drop alpha.
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_strip_alpha(png);
  (void)png_set_interlace_handling(png);
  png_read_update_info(png, info);
  image.channels = png_get_channels(png, info) >= 3 ? 3 : 1;
  const std::size_t stride = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.channels);
  if (png_get_rowbytes(png, info) != stride) return ReadOutcome::Broken;
  image.pixels.resize(stride * static_cast<std::size_t>(image.height));
  rows.resize(static_cast<std::size_t>(image.height));
  for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = image.pixels.data() + y * stride;
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  return ReadOutcome::Read;
}

}  // namespace

Result<DecodedImage> decode(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 8 || png_sig_cmp(bytes.data(), 0, 8) != 0)
    return make_error(ErrorKind::Malformed, "not a PNG");
  ByteSource source{bytes, 0};
  DecodedImage image;
  std::vector<png_bytep> rows;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, quiet_error, quiet_warning);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_read_struct(&png, &info, nullptr);
    return make_error("libpng: out of memory");
  }
  png_set_read_fn(png, &source, read_from);
  const ReadOutcome outcome = read_into(png, info, image, rows);
  png_destroy_read_struct(&png, &info, nullptr);
  switch (outcome) {
    case ReadOutcome::Read:
      return image;
    case ReadOutcome::TooLarge:
      return make_error(ErrorKind::Malformed, std::to_string(image.width) + " x " +
                                                  std::to_string(image.height) +
                                                  " pixels is larger than any paper or page");
    case ReadOutcome::Broken:
      break;
  }
  return make_error(ErrorKind::Malformed, "broken PNG");
}

}  // namespace pk::png
