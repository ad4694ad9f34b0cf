// parse_catalog on arbitrary bytes: it must answer with a Catalog or a message, never crash,
// and an accepted catalog must hold the invariants its header promises.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/catalog.h"
#include "domain/catalog_search.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = pk::catalog::parse_catalog(text, "fuzz.json");
  if (!result.ok()) {
    if (result.error().message.rfind("fuzz.json: ", 0) != 0) std::abort();  // every refusal names its source
    return 0;
  }
  const auto& catalog = result.value();
  for (std::size_t i = 0; i < catalog.services.size(); ++i) {
    const auto& s = catalog.services[i];
    if (s.number != static_cast<int>(i) + 1 || catalog.office(s.office_id) == nullptr || s.channels.empty() ||
        s.steps.empty() || s.fee_rials < 0 || s.handling_days < 1 || catalog.find(s.number) != &s) {
      std::abort();
    }
  }
  (void)pk::catalog::search_services(catalog, "ثبت 1");
  return 0;
}
