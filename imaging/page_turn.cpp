#include "imaging/page_turn.h"

#include <turbojpeg.h>

#include <memory>
#include <string>

#include "base/secure_wipe.h"
#include "imaging/page_ops.h"

namespace pk::imaging {
namespace {

struct TjDeleter {
  void operator()(void* handle) const { tjDestroy(handle); }
};

Result<std::vector<std::uint8_t>> jpeg_turned(std::span<const std::uint8_t> bytes) {
  const std::unique_ptr<void, TjDeleter> handle(tjInitTransform());
  if (!handle) return make_error("TurboJPEG: cannot start a transformer");
  tjtransform turn{};
  turn.op = TJXOP_ROT180;
  turn.options = TJXOPT_TRIM;  // see the header: partial edge blocks cannot turn losslessly
  unsigned char* out = nullptr;
  unsigned long size = 0;
  if (tjTransform(handle.get(), bytes.data(), static_cast<unsigned long>(bytes.size()), 1, &out, &size, &turn,
                  0) != 0) {
    std::string message = std::string("cannot turn the JPEG page: ") + tjGetErrorStr2(handle.get());
    tjFree(out);
    return make_error(ErrorKind::Malformed, std::move(message));
  }
  std::vector<std::uint8_t> turned(out, out + size);
  tjFree(out);
  return turned;
}

Result<std::vector<std::uint8_t>> png_turned(std::span<const std::uint8_t> bytes) {
  auto page = decode_png(bytes);
  if (!page) return page.error();
  rotate_180(page.value());
  auto turned = encode_bilevel_png(page.value());
  secure_wipe(page->pixels);
  return turned;
}

}  // namespace

Result<EncodedPage> turn_180(PageEncoding encoding, std::span<const std::uint8_t> bytes) {
  auto turned = encoding == PageEncoding::PngBilevel ? png_turned(bytes) : jpeg_turned(bytes);
  if (!turned) return turned.error();
  EncodedPage out;
  out.encoding = encoding;
  out.bytes = std::move(turned).value();
  out.sha256 = sha256_of(out.bytes);
  return out;
}

}  // namespace pk::imaging
