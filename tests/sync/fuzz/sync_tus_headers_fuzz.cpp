// Fuzz target: the tus header values the centre's tus server and the terminal's tus client
// read from the network (Upload-Offset/Length, Upload-Checksum, Upload-Metadata).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protocol/tus_headers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)pk::sync::tus::parse_length(text);
  if (auto digest = pk::sync::tus::parse_checksum(text)) (void)pk::sync::tus::checksum_header(*digest);
  if (auto metadata = pk::sync::tus::parse_metadata(text)) (void)pk::sync::tus::metadata_header(*metadata);
  return 0;
}
