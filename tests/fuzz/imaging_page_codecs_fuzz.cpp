// The stored pages' decoders (imaging/page_codec.h): JPEG for gray and colour
// pages, 1-bit PNG for black and white. The first byte picks the decoder. No crash, and a page
// that decodes has exactly its width x height x channels pixels.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "imaging/page_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::span<const uint8_t> bytes(data + 1, size - 1);
  auto page = data[0] % 2 == 0 ? pk::imaging::decode_jpeg(bytes) : pk::imaging::decode_png(bytes);
  if (!page) {
    if (page.error().message.empty()) std::abort();
    return 0;
  }
  if (page->width <= 0 || page->height <= 0 || page->pixels.size() != page->expected_size()) std::abort();
  return 0;
}
