#pragma once
// What each citizen screen says when it opens, and again from the header's speaker button:
// its title and what to do there, from the string tables (or the service's name from the
// catalog). Never a value the citizen typed or a card gave (kiosk/citizen/spoken_guidance.h).
#include "domain/catalog.h"
#include "kiosk/citizen/citizen_state.h"
#include "kiosk/citizen/spoken_guidance.h"

namespace pk::kiosk {

[[nodiscard]] ScreenGuide screen_guide(const CitizenState& state, const catalog::Catalog& catalog);

}  // namespace pk::kiosk
