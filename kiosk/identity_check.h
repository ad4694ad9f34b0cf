#pragma once
// Checking what a person typed to identify themselves, the same way at the kiosk and at the
// counter: the number by its document (Amayesh card, FIDA number, passport, national code with
// its check digit) and the mobile number (Iranian or international). Errors are worded in the
// person's language and say what to fix.
#include "domain/language.h"
#include "kiosk/citizen_state.h"

namespace pk::kiosk {

// Whether a mobile number must be given. Many who come have no Iranian SIM, or no phone, so
// both the kiosk and the counter ask for it as optional and check it only when typed.
enum class MobileRule { Required, Optional };

// Fills the draft's errors and, when both fields are right, its normalised values. Returns
// true when both are right.
bool check_identity(IdentityDraft& id, Language language, MobileRule rule);

}  // namespace pk::kiosk
