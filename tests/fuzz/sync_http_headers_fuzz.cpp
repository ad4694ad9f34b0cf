// The HTTP client's header splitting (sync/http_client.h) on arbitrary header lines, as libcurl
// hands them over one by one: no crash; a header's name is lowercase and its value has no
// surrounding blanks (a trailing tab once survived and broke the catalog's signature).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sync/http_client.h"

namespace {

// Optional white space around a value is space and tab (RFC 9110); the line's own CR LF ends it.
bool is_white(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\r' || c == '\n'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
    text.remove_prefix(line.size());
    auto header = pk::sync::parse_header_line(line);
    if (!header) {
      if (line.find(':') != std::string_view::npos) std::abort();
      continue;
    }
    for (const char c : header->name)
      if (std::isupper(static_cast<unsigned char>(c))) std::abort();
    if (!header->value.empty() && (is_white(header->value.front()) || is_white(header->value.back()) ||
                                   is_line_end(header->value.back())))
      std::abort();
    if (header->name.size() + header->value.size() >= line.size()) std::abort();
  }
  return 0;
}
