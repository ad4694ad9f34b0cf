// Text normalisation and UTF-8 on arbitrary bytes: no crash, valid UTF-8 out, idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string storage = pk::normalize_for_storage(text);
  const std::string search = pk::normalize_for_search(text);
  if (!pk::utf8::is_valid(storage) || !pk::utf8::is_valid(search)) std::abort();
  if (pk::normalize_for_storage(storage) != storage) std::abort();
  if (pk::normalize_for_search(search) != search) std::abort();
  if (pk::normalize_for_search(storage) != search) std::abort();
  const std::string clean = pk::utf8::sanitize(text);
  if (!pk::utf8::is_valid(clean) || pk::utf8::is_valid(text) != (clean == text)) std::abort();
  if (pk::utf8::encode(pk::utf8::decode(clean)) != clean) std::abort();
  if (pk::to_ascii_digits(pk::to_persian_digits(clean)) != pk::to_ascii_digits(clean)) std::abort();
  return 0;
}
