#pragma once
// The terminal applies a catalog from the centre only when its Ed25519 signature verifies
// against the centre's configured signing key AND its version is newer than the one in use:
// a replayed older catalog (validly signed) is refused like a forged one.
#include <array>
#include <cstdint>
#include <string_view>

#include "domain/catalog.h"
#include "domain/result.h"

namespace pk::sync {

using SigningPublicKey = std::array<uint8_t, 32>;

[[nodiscard]] Result<void> verify_signature(std::string_view text, std::string_view signature_base64,
                                            const SigningPublicKey& key);

// Verifies, parses and checks the version; the Error says which of the three refused.
[[nodiscard]] Result<catalog::Catalog> accept_catalog(std::string_view text,
                                                      std::string_view signature_base64,
                                                      const SigningPublicKey& key, int64_t current_version);

}  // namespace pk::sync
