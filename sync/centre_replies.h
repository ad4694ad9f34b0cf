#pragma once
// Parts of the centre's replies that CentreClient reads outside protocol/wire.h, pure so that a
// fuzz target can feed them anything (tests/fuzz/sync_centre_replies_fuzz.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::sync {

// The heartbeat's {"server_time_unix": N}: the centre's clock, Unix seconds.
[[nodiscard]] Result<int64_t> parse_heartbeat_reply(std::string_view body);

// The catalog's "Pishkhan-Signature: ed25519 BASE64" header value: the BASE64 part, nullopt for
// any other scheme (the signature itself is checked by verify_signature).
[[nodiscard]] std::optional<std::string> catalog_signature_of(std::string_view header_value);

}  // namespace pk::sync
