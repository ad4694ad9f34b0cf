#pragma once
// The citizen's application and failure report, from the session's draft to a durable record
// (kiosk/submission.h says how: sealed, one transaction, a code only once committed), and the
// words of the failure report's problem kinds.
#include <string_view>

#include "domain/result.h"
#include "kiosk/citizen/citizen_state.h"
#include "kiosk/submission.h"

namespace pk::kiosk {

// An application for state.service with state.identity and state.documents.
Result<store::SavedApplication> submit_application(const SubmissionContext& ctx, const CitizenState& state);
// A failure report (رسید خرابی) from state.report.
Result<store::SavedApplication> submit_failure_report(const SubmissionContext& ctx,
                                                      const CitizenState& state);

// The problem's words in the string tables (its speaker says them), and those words in `language`.
[[nodiscard]] Text problem_text(ProblemKind problem);
[[nodiscard]] std::string_view problem_name(ProblemKind problem, catalog::Language language);
// The problem's name on the wire ("device_fault").
[[nodiscard]] std::string_view problem_id(ProblemKind problem);

}  // namespace pk::kiosk
