// Fuzz target: every JSON document the terminal or the centre reads from the other side
// (submission, application status, outage notices). Must refuse, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protocol/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto submission = pk::sync::parse_submission(text)) (void)pk::sync::to_json(*submission);
  if (auto status = pk::sync::parse_application_status(text)) (void)pk::sync::to_json(*status);
  if (auto notices = pk::sync::parse_notices(text)) (void)pk::sync::to_json(*notices);
  return 0;
}
