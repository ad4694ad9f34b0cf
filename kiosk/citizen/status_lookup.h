#pragma once
// The status check's answer: what the terminal knows of a tracking code, in words for the
// citizen (and keyed for its speaker).
#include <string_view>

#include "domain/catalog.h"
#include "domain/result.h"
#include "kiosk/citizen/citizen_state.h"
#include "offline-store/store.h"

namespace pk::kiosk {

// With the catalog, the answer also names the service, the day it was saved and what the
// citizen does next.
Result<StatusOutcome> look_up_status(store::Store& store, std::string_view typed_code,
                                     catalog::Language language, const catalog::Catalog* catalog = nullptr);

}  // namespace pk::kiosk
