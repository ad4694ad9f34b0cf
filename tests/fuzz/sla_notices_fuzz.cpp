// The centre's outage notices on arbitrary bytes: no crash; whatever is accepted survives a
// round trip and can be shown (formatted in both languages) without trouble.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/sla_notice_format.h"
#include "domain/sla_notice_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = pk::sla::parse_notices(text);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) std::abort();
    return 0;
  }
  auto again = pk::sla::parse_notices(pk::sla::notices_to_json(*parsed));
  if (!again.ok() || *again != *parsed) std::abort();
  for (const pk::sla::Notice& notice : *parsed) {
    if (notice.ends_unix <= notice.starts_unix || notice.text_fa.empty()) std::abort();
    if (pk::sla::format_notice(notice, pk::Language::Persian, notice.starts_unix).empty()) std::abort();
    if (pk::sla::format_notice(notice, pk::Language::English, notice.ends_unix).empty()) std::abort();
  }
  (void)pk::sla::notices_to_show(*parsed, 1'750'000'000);
  return 0;
}
