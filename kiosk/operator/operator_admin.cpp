#include "kiosk/operator/operator_admin.h"

namespace pk::kiosk::op {

Result<void> add_operator(OperatorAccounts& accounts, store::Store& store, std::string_view id_typed,
                          std::string_view pin, int64_t now_unix, std::string_view role) {
  auto id = normalise_operator_id(id_typed);
  if (!id) return id.error();
  const bool existed = accounts.find(id.value()) != nullptr;
  if (auto set = accounts.set_operator(id.value(), pin, now_unix); !set) return set.error();
  const std::string who(role);
  auto audited =
      store.append_audit("admin", existed ? who + "_pin_reset" : who + "_added", who + " " + id.value());
  if (!audited) return audited.error();
  return {};
}

}  // namespace pk::kiosk::op
