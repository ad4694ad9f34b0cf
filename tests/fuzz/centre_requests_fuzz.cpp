// What the centre reads from requests before acting (centre/request_reading.h): a terminal's
// heartbeat body, and the staff console's query strings split by cpp-httplib as the routes get
// them, each value read as a number and as a Jalali year. The first byte picks which. No crash,
// no exception; what is accepted is within its bounds.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "centre/request_reading.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    auto heartbeat = pk::centre::read_heartbeat_body(text);
    if (!heartbeat) {
      if (heartbeat.error().message.empty()) std::abort();
      return 0;
    }
    if (heartbeat->software.size() > 64) std::abort();
    for (const char c : heartbeat->software)
      if (c < 0x20 || c > 0x7e) std::abort();
  } else {
    httplib::Params params;
    httplib::detail::parse_query_text(std::string(text), params);
    for (const auto& [key, value] : params) {
      (void)pk::centre::integer_param(key);
      (void)pk::centre::integer_param(value);
      if (auto year = pk::centre::jalali_year_param(value); year && (*year < 1390 || *year > 1500))
        std::abort();
    }
  }
  return 0;
}
