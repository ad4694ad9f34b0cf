// The kiosk's TOML configuration on arbitrary bytes: no crash, and a refusal always says why
// (the kiosk prints it and exits 2). An accepted file's values are within their documented
// ranges only as far as parse_config checks them, so the properties here are the message and
// that parsing the same text twice agrees.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kiosk/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pk::kiosk::Config defaults = pk::kiosk::default_config("/usr/share/pishkhan");
  auto config = pk::kiosk::parse_config(text, "fuzz.toml", defaults);
  if (!config) {
    if (config.error().message.empty()) std::abort();
    return 0;
  }
  auto again = pk::kiosk::parse_config(text, "fuzz.toml", defaults);
  if (!again || again->data_dir != config->data_dir || again->centre_url != config->centre_url) std::abort();
  return 0;
}
