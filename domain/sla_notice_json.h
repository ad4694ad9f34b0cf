#pragma once
// The centre's outage notices as JSON: outside input, parsed strictly (and fuzzed).
//
//   {"version": 1,
//    "notices": [{"id": "n-17", "published_unix": 1730000000, "starts_unix": ..., "ends_unix": ...,
//                 "services": "all" | [3, 7], "text_fa": "...", "text_en": "..."}]}
//
// Refused, with a message naming the notice and the field: anything that is not exactly this
// (unknown or repeated keys, missing keys, wrong types, fractions, numbers out of range), an id
// that is empty, longer than 64 bytes or not [A-Za-z0-9._:-], ids repeated in the list, a window
// whose end is not after its start, an empty or repeated service list, services outside
// 1..9999, an empty text_fa, texts over 4,096 bytes, more than 1,000 notices. A notice published
// after it starts is accepted (late news of an outage is still news; the 72-hour rule makes that
// outage unplanned anyway).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/sla_model.h"

namespace pk::sla {

inline constexpr int kNoticeFormatVersion = 1;
inline constexpr size_t kMaxNotices = 1000;
inline constexpr size_t kMaxNoticeTextBytes = 4096;

[[nodiscard]] Result<std::vector<Notice>> parse_notices(std::string_view json_text);
// The inverse, for the reference centre and for tests: parse_notices(notices_to_json(x)) == x.
[[nodiscard]] std::string notices_to_json(std::span<const Notice> notices);

}  // namespace pk::sla
