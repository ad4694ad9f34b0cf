// Every identity validator and the tracking-code parser on arbitrary bytes: no crash, and
// what they accept is already in normal form (validating it again gives the same value).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/identity.h"
#include "domain/tracking_code.h"

namespace {

template <class F>
void check(F validate, std::string_view text) {
  const auto r = validate(text);
  if (r.ok()) {
    const auto again = validate(r.value());
    if (!again.ok() || again.value() != r.value()) std::abort();
  } else {
    if (pk::identity::describe(r.error(), pk::Language::Persian).empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace pk::identity;
  check(validate_national_code, text);
  check(validate_fida_number, text);
  check(validate_amayesh_number, text);
  check(validate_passport_number, text);
  check(validate_mobile, text);
  const auto code = pk::check_tracking_code(text);
  if (code.ok()) {
    for (auto language : {pk::Language::English, pk::Language::Persian}) {
      const auto again = pk::parse_tracking_code(pk::format(code.value(), language));
      if (!again.ok() || !(again.value() == code.value())) std::abort();
    }
  }
  return 0;
}
