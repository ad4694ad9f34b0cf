// The API names of staff roles and account states (centre/staff/README.md), as the routes and
// both stores write them.
#include "centre/staff/staff_store.h"

namespace pk::centre {

std::string_view to_string(StaffRole role) {
  switch (role) {
    case StaffRole::Inspector:
      return "inspector";
    case StaffRole::OfficeManager:
      return "office_manager";
    case StaffRole::TechnicianLead:
      return "technician_lead";
    case StaffRole::Administrator:
      return "administrator";
  }
  return "inspector";
}

std::optional<StaffRole> staff_role_from(std::string_view text) {
  for (StaffRole role :
       {StaffRole::Inspector, StaffRole::OfficeManager, StaffRole::TechnicianLead, StaffRole::Administrator})
    if (to_string(role) == text) return role;
  return std::nullopt;
}

std::string_view to_string(AccountState state) {
  switch (state) {
    case AccountState::AwaitingSetUp:
      return "awaiting_setup";
    case AccountState::Active:
      return "active";
    case AccountState::Disabled:
      return "disabled";
  }
  return "disabled";
}

std::optional<AccountState> account_state_from(std::string_view text) {
  for (AccountState state : {AccountState::AwaitingSetUp, AccountState::Active, AccountState::Disabled})
    if (to_string(state) == text) return state;
  return std::nullopt;
}

}  // namespace pk::centre
