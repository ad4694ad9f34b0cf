#pragma once
// What the centre reads from a request before it acts on it, pure so that a fuzz target can
// feed it anything (tests/fuzz/centre_requests_fuzz.cpp): a terminal's heartbeat body and the
// number-valued query parameters of the staff console's routes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::centre {

struct HeartbeatBody {
  std::string terminal_id;     // as claimed; the route checks it against the certificate
  int64_t pending_outbox = 0;  // -1: the terminal could not count its outbox
  std::string software;        // printable ASCII, at most 64 bytes; empty when it sent none or another
};

// {"terminal_id": "...", "pending_outbox": N (>= -1), "software": "..."}; a missing or mistyped
// field is an Error of kind Malformed that names it ("heartbeat: field \"terminal_id\": is missing").
[[nodiscard]] Result<HeartbeatBody> read_heartbeat_body(std::string_view body);

// ?year=1405: a Jalali year of the agreement's span (1390..1500); nullopt for anything else.
[[nodiscard]] std::optional<int> jalali_year_param(const std::string& text);
// A whole number as strtoll reads its beginning ("12x" is 12); nullopt when there is none or it
// does not fit.
[[nodiscard]] std::optional<int64_t> integer_param(const std::string& text);

}  // namespace pk::centre
