#pragma once
// The rules a back-office decision on a case must keep, the same for every storage backend:
// a status only moves forward (sync::rank), applications and failure reports each have their
// own statuses, and what the citizen must act on comes with a note.
#include <string>

#include "centre/centre_storage.h"
#include "domain/result.h"

namespace pk::centre {

inline constexpr size_t kMaxDecisionNoteBytes = 2000;  // what the wire carries (protocol/wire.cpp)

// Whether `request` may be applied to the case `tracking_code` of `kind` ("application" or
// "failure_report") now at `current`. The error says what was refused, for the staff member.
[[nodiscard]] Result<void> check_decision(const std::string& tracking_code, const std::string& kind,
                                          sync::CentreStatus current, const CaseDecisionRequest& request);

}  // namespace pk::centre
