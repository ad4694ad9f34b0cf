// Barcode search on a scanned page (imaging/page_codes.h) over arbitrary pixels: the
// first three bytes give the width, height and gray or colour, the rest are the pixels (white
// past the end). No crash; every code is read or unreadable with a reason, and turned by a
// right angle at most.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "imaging/page_codes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  pk::imaging::Page page;
  page.width = 1 + data[0] % 160;
  page.height = 1 + data[1] % 160;
  page.channels = data[2] % 2 == 0 ? 1 : 3;
  page.pixels.assign(page.expected_size(), 255);
  std::copy_n(data + 3, std::min(size - 3, page.pixels.size()), page.pixels.begin());
  for (const pk::imaging::PageCode& code : pk::imaging::find_codes(page)) {
    if (code.readability == pk::imaging::CodeReadability::Unreadable && !code.text.empty()) std::abort();
    if (code.orientation_degrees < -180 || code.orientation_degrees > 180) std::abort();
  }
  return 0;
}
