#pragma once
// Checking what a person typed to identify themselves, the same way at the kiosk and at the
// counter: the number by its kind (national code with its check digit, foreign-national id,
// passport) and the mobile number. Errors are worded in the person's language.
#include "domain/language.h"
#include "kiosk/citizen_state.h"

namespace pk::kiosk {

// The kiosk needs a mobile number to tell the citizen about their request; at the counter a
// walk-in may have none, so there it is checked only when typed.
enum class MobileRule { Required, Optional };

// Fills the draft's errors and, when both fields are right, its normalised values. Returns
// true when both are right.
bool check_identity(IdentityDraft& id, Language language, MobileRule rule);

}  // namespace pk::kiosk
