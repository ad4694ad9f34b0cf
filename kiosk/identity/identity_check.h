#pragma once
// Checking what a person typed to identify themselves, the same way at the kiosk and at the
// counter: the number by its document (Amayesh card, FIDA number, passport, national code with
// its check digit) and the mobile number (Iranian or international). Errors are worded in the
// person's language and say what to fix.
#include "domain/language.h"
#include "kiosk/identity/identity_draft.h"

namespace pk::kiosk {

// Fills the draft's errors and, when both fields are right, its normalised values. Returns
// true when both are right. The mobile number is optional (many who come have no Iranian SIM,
// or no phone), on the kiosk and at the counter alike: it is checked only when typed.
bool check_identity(IdentityDraft& id, Language language);

}  // namespace pk::kiosk
