#include <turbojpeg.h>

#include <algorithm>
#include <memory>
#include <string>

#include "imaging/page_codec.h"

namespace pk::imaging {
namespace {

struct TjDeleter {
  void operator()(void* handle) const { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDeleter>;

}  // namespace

Result<std::vector<std::uint8_t>> encode_jpeg(const Page& page, int quality) {
  if (page.width <= 0 || page.height <= 0 || (page.channels != 1 && page.channels != 3) ||
      page.pixels.size() < page.expected_size()) {
    return make_error("cannot encode page " + std::to_string(page.sequence) + ": bad size or channels");
  }
  // One handle per call: TurboJPEG handles are not shared between threads, and making one is
  // microseconds next to compressing a page.
  const TjHandle handle(tjInitCompress());
  if (!handle) return make_error("TurboJPEG: cannot start a compressor");
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int format = page.channels == 1 ? TJPF_GRAY : TJPF_RGB;
  const int subsampling = page.channels == 1 ? TJSAMP_GRAY : TJSAMP_420;
  const int failed = tjCompress2(handle.get(), page.pixels.data(), page.width, 0, page.height, format, &out,
                                 &size, subsampling, std::clamp(quality, 1, 100), TJFLAG_FASTDCT);
  if (failed != 0) {
    std::string message = std::string("TurboJPEG: ") + tjGetErrorStr2(handle.get());
    tjFree(out);
    return make_error(message);
  }
  std::vector<std::uint8_t> bytes(out, out + size);
  tjFree(out);
  return bytes;
}

Result<Page> decode_jpeg(std::span<const std::uint8_t> bytes) {
  const TjHandle handle(tjInitDecompress());
  if (!handle) return make_error("TurboJPEG: cannot start a decompressor");
  int width = 0;
  int height = 0;
  int subsampling = 0;
  int colorspace = 0;
  if (tjDecompressHeader3(handle.get(), bytes.data(), static_cast<unsigned long>(bytes.size()), &width,
                          &height, &subsampling, &colorspace) != 0) {
    return make_error(std::string("not a JPEG: ") + tjGetErrorStr2(handle.get()));
  }
  // The header may claim up to 65535 x 65535: a few bytes once made this allocate 4 GB (the
  // imaging_page_codecs fuzz target's regression input). The PNG decoder's side limit is the same.
  constexpr int kMaxSide = 20'000;
  constexpr long long kMaxPixels = 100'000'000;  // an A3 sheet at 600 dpi is 70 million
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide ||
      static_cast<long long>(width) * height > kMaxPixels)
    return make_error("not a page: a JPEG of " + std::to_string(width) + " x " + std::to_string(height) +
                      " pixels");
  Page page;
  page.width = width;
  page.height = height;
  page.channels = colorspace == TJCS_GRAY ? 1 : 3;
  page.pixels.resize(page.expected_size());
  if (tjDecompress2(handle.get(), bytes.data(), static_cast<unsigned long>(bytes.size()), page.pixels.data(),
                    width, 0, height, page.channels == 1 ? TJPF_GRAY : TJPF_RGB, 0) != 0) {
    return make_error(std::string("broken JPEG: ") + tjGetErrorStr2(handle.get()));
  }
  return page;
}

}  // namespace pk::imaging
