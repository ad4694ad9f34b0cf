#pragma once
// The line under the passport number saying what the chip's passive authentication found:
// nothing for a verified chip (the name read from it is shown instead), and for any other
// answer "Passport chip NOT verified (why): type the number from the data page" in the
// session's language, in the notice colours so nobody takes it for a confirmation.
#include <string>

#include "drivers/cardreader/apps/icao/passive_auth.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

[[nodiscard]] std::string chip_unverified_line(cardreader::icao::PassiveAuth outcome,
                                               catalog::Language language);

}  // namespace pk::kiosk
