#pragma once
// What a person typed to identify themselves, as the kiosk's citizen and the counter's operator
// both hold it while it is checked (kiosk/identity/identity_check.h). Personal: wiped with the
// session that holds it.
#include <optional>
#include <string>

#include "domain/identity.h"
#include "drivers/cardreader/apps/icao/passive_auth.h"

namespace pk::kiosk {

struct IdentityDraft {
  identity::IdKind kind = identity::IdKind::NationalCode;
  std::string number;        // as typed
  std::string mobile;        // as typed
  std::string number_error;  // shown under the field, in the session's language
  std::string mobile_error;
  std::string number_normalised;  // set when valid
  std::string mobile_normalised;
  std::string read_from_chip;  // the holder's name when the passport chip filled the number
  // The passport chip's passive authentication, when a chip was read for this identity: only
  // Verified fills the number; any other answer leaves it for the citizen to type, and the
  // submission records it either way.
  std::optional<cardreader::icao::PassiveAuth> chip;
};

}  // namespace pk::kiosk
