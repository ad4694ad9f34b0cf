#pragma once
// Setting up operator accounts outside the counter's screens: `pishkhan-kiosk --add-operator ID`
// (the PIN on standard input) and the scripted journey use this. The change is written to the
// store's audit log (the id only, never the PIN).
#include <cstdint>
#include <string_view>

#include "domain/result.h"
#include "kiosk/operator_accounts.h"
#include "offline-store/store.h"

namespace pk::kiosk::op {

[[nodiscard]] Result<void> add_operator(OperatorAccounts& accounts, store::Store& store, std::string_view id,
                                        std::string_view pin, int64_t now_unix,
                                        std::string_view role = "operator");

}  // namespace pk::kiosk::op
