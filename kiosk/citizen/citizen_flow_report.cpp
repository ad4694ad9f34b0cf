// The status check and the failure report (رسید خرابی) parts of the citizen flow.
#include <utility>

#include "domain/identity.h"
#include "domain/tracking_code.h"
#include "kiosk/citizen/citizen_flow.h"

namespace pk::kiosk {

bool CitizenFlow::open_status_check() {
  if (m_state.screen != CitizenScreen::Welcome) return false;
  m_state.screen = CitizenScreen::StatusEntry;
  focus(Field::TrackingCode);
  return true;
}

bool CitizenFlow::status_lookup_requested() {
  if (m_state.screen != CitizenScreen::StatusEntry) return false;
  // The check digits are verified before any lookup: a typo gets "mistyped", not "not found".
  auto checked = check_tracking_code(m_state.tracking_input);
  if (!checked) {
    m_state.tracking_error = std::string(describe(checked.error(), m_state.language));
    return false;
  }
  m_state.tracking_error.clear();
  return true;
}

bool CitizenFlow::status_found(StatusOutcome outcome) {
  if (m_state.screen != CitizenScreen::StatusEntry) return false;
  m_state.status = std::move(outcome);
  close_keyboard();
  m_state.screen = CitizenScreen::StatusResult;
  return true;
}

bool CitizenFlow::open_failure_report() {
  if (m_state.screen != CitizenScreen::Welcome) return false;
  m_state.screen = CitizenScreen::ReportService;
  m_state.report = ReportDraft{};
  return true;
}

bool CitizenFlow::choose_report_service(int number) {
  if (m_state.screen != CitizenScreen::ReportService) return false;
  if (number != 0 && !m_catalog.find(number)) return false;
  m_state.report.service = number;
  m_state.screen = CitizenScreen::ReportDetails;
  return true;
}

bool CitizenFlow::choose_problem(ProblemKind problem) {
  if (m_state.screen != CitizenScreen::ReportDetails) return false;
  m_state.report.problem = problem;
  m_state.report.problem_chosen = true;
  return true;
}

bool CitizenFlow::report_submit_requested() {
  if (m_state.screen != CitizenScreen::ReportDetails || !m_state.report.problem_chosen) return false;
  // The mobile number is optional; when given it must be a real one, so the office can call back.
  if (!m_state.report.mobile.empty()) {
    auto mobile = identity::validate_mobile(m_state.report.mobile);
    if (!mobile) {
      m_state.report.mobile_error =
          identity::describe(mobile.error(), identity::IdKind::Mobile, m_state.language);
      focus(Field::Mobile);
      return false;
    }
    m_state.report.mobile = mobile.value();
  }
  m_state.submit_problem.clear();
  return true;
}

}  // namespace pk::kiosk
