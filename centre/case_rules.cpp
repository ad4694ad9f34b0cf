#include "centre/case_rules.h"

namespace pk::centre {
namespace {

bool is_application_status(sync::CentreStatus status) {
  using S = sync::CentreStatus;
  return status == S::InReview || status == S::DocumentsRequested || status == S::Approved ||
         status == S::Rejected;
}

bool is_report_status(sync::CentreStatus status) {
  return status == sync::CentreStatus::InReview || status == sync::CentreStatus::Resolved;
}

}  // namespace

Result<void> check_decision(const std::string& code, const std::string& kind, sync::CentreStatus current,
                            const CaseDecisionRequest& request) {
  using S = sync::CentreStatus;
  const S next = request.status;
  const std::string next_name(sync::to_string(next));
  const bool report = kind == "failure_report";
  if (report ? !is_report_status(next) : !is_application_status(next))
    return make_error(code + ": " + next_name + " is not a status for " +
                      (report ? "a failure report" : "an application"));
  if (current == S::Receiving)
    return make_error(code + ": its pages are still arriving; decide once they are all in");
  if (sync::is_final(current))
    return make_error(code + ": already " + std::string(sync::to_string(current)) + ", which is final");
  if (sync::rank(next) < sync::rank(current))
    return make_error(code + ": cannot go back from " + std::string(sync::to_string(current)) + " to " +
                      next_name);
  const bool needs_note = next == S::Rejected || next == S::DocumentsRequested || next == S::Resolved ||
                          (report && next == S::InReview);
  if (needs_note && request.decision.note.empty())
    return make_error(code + ": " + next_name + " needs a note for the citizen (" +
                      (next == S::Rejected             ? "the reason"
                       : next == S::DocumentsRequested ? "the documents to bring"
                                                       : "the reply") +
                      ")");
  if (request.decision.note.size() > kMaxDecisionNoteBytes ||
      request.decision.credit.size() > kMaxDecisionNoteBytes)
    return make_error(code + ": the note and the credit are limited to " +
                      std::to_string(kMaxDecisionNoteBytes) + " bytes each");
  if (!request.decision.credit.empty() && !(report && next == S::Resolved))
    return make_error(code + ": a credit is recorded only when a failure report is resolved");
  return {};
}

}  // namespace pk::centre
