#pragma once
// Which identity document a service's identification step offers first. Twenty-two of the
// catalog's twenty-three services are for foreign nationals, who hold an Amayesh card, a
// FIDA number or a passport; the national code is for the one service Iranians come for.
#include "domain/catalog.h"
#include "domain/identity.h"

namespace pk::identity {

// The catalog's office for foreign nationals (دفتر امور اتباع و مهاجرین خارجی): the seed's
// office A. The catalog names the documents a service needs, not who applies for it, so the
// office is what says a service is for foreign nationals when its documents do not.
inline constexpr std::string_view kForeignNationalsOffice = "A";

// The document the identification step starts on for `service`: the first identity card among
// the service's required documents (an Amayesh card, a passport); else the Amayesh card, the
// document most foreign nationals hold, for the foreign nationals' office; else the national
// code.
[[nodiscard]] IdKind default_id_kind(const catalog::Service& service);

}  // namespace pk::identity
