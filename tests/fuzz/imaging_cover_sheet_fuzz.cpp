// Properties, not just "no crash": whatever parses formats back to the same bytes, and the
// classifier agrees with the parser. The counter-service slip's payload shares the target.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "drivers/barcode/key_wedge_decoder.h"
#include "drivers/barcode/service_slip.h"
#include "imaging/cover_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  auto sheet = pk::imaging::parse_cover_sheet(payload);
  const auto kind = pk::imaging::classify_code(payload);
  if (sheet) {
    auto formatted = pk::imaging::format_cover_sheet(sheet.value());
    if (!formatted || formatted.value() != payload) std::abort();
    if (kind != pk::imaging::CodeKind::CoverSheet) std::abort();
  } else if (kind == pk::imaging::CodeKind::CoverSheet) {
    std::abort();
  }
  // A counter-service slip read at the counter: what parses formats back to the same bytes.
  if (auto slip = pk::barcode::parse_service_slip(payload)) {
    auto formatted = pk::barcode::format_service_slip(slip.value());
    if (!formatted || formatted.value() != payload) std::abort();
  }
  // The same bytes as key events (type, code, value), 5 bytes each.
  pk::barcode::KeyWedgeDecoder decoder;
  for (size_t i = 0; i + 5 <= size; i += 5) {
    const pk::barcode::KeyEvent event{static_cast<uint16_t>(data[i] % 4),
                                      static_cast<uint16_t>(data[i + 1] | (data[i + 2] << 8)),
                                      static_cast<int32_t>(data[i + 3] % 3)};
    if (auto done = decoder.feed(event); done && done->text.size() > size) std::abort();
  }
  return 0;
}
