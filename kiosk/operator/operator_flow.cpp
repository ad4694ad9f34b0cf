// The operator flow's navigation: fields, login, home, service and identity, outbox.
#include <utility>

#include "base/secure_wipe.h"
#include "domain/identity_document.h"
#include "kiosk/identity/identity_check.h"
#include "kiosk/operator/operator_flow.h"
#include "kiosk/strings/operator_strings.h"

namespace pk::kiosk::op {

OperatorFlow::OperatorFlow(const catalog::Catalog& catalog, catalog::Language language, IdleLogout idle)
    : m_catalog(catalog), m_idle(idle) {
  m_state.language = language;
  focus(OpField::OperatorId);
}

OperatorFlow::~OperatorFlow() {
  wipe_application();
  secure_wipe(m_state.pin_input);
}

void OperatorFlow::audit(std::string action, std::string detail) {
  m_audit.push_back({std::move(action), std::move(detail)});
}

bool OperatorFlow::choose_language(catalog::Language language) {
  m_state.language = language;
  return true;
}

std::string* OperatorFlow::field_text(OpField field) {
  switch (field) {
    case OpField::OperatorId:
      return &m_state.id_input;
    case OpField::Pin:
      return &m_state.pin_input;
    case OpField::IdNumber:
      return &m_state.identity.number;
    case OpField::Mobile:
      return &m_state.identity.mobile;
    case OpField::None:
      return nullptr;
  }
  return nullptr;
}

bool OperatorFlow::focus(OpField field) {
  const bool login_field = field == OpField::OperatorId || field == OpField::Pin;
  const bool identity_field = field == OpField::IdNumber || field == OpField::Mobile;
  if (login_field && m_state.screen != OperatorScreen::Login) return false;
  if (identity_field && (m_state.screen != OperatorScreen::NewApplication || m_state.service == 0))
    return false;
  m_state.field = field;
  m_state.keyboard_open = field != OpField::None;
  return true;
}

bool OperatorFlow::close_keyboard() {
  m_state.keyboard_open = false;
  m_state.field = OpField::None;
  return true;
}

bool OperatorFlow::set_field_text(OpField field, std::string text) {
  std::string* target = field_text(field);
  if (!target || m_state.field != field) return false;
  secure_wipe(*target);
  *target = std::move(text);
  return true;
}

void OperatorFlow::remember_scroll(float y) {
  if (m_state.screen == OperatorScreen::PageReview)
    m_state.review_scroll = y;
  else
    m_state.list_scroll = y;
}

bool OperatorFlow::back() {
  switch (m_state.screen) {
    case OperatorScreen::NewApplication:
      if (m_state.service != 0) {  // identity → the service list
        secure_wipe(m_state.identity.number);
        secure_wipe(m_state.identity.mobile);
        m_state.identity = {};
        m_state.service = 0;
        close_keyboard();
        return true;
      }
      m_state.screen = OperatorScreen::Home;
      return true;
    case OperatorScreen::Outbox:
      m_state.screen = OperatorScreen::Home;
      return true;
    case OperatorScreen::BatchScan:
      if (m_state.scanning) return false;  // stop the scanner first
      m_state.rescan_target.reset();
      if (!m_state.pages.empty()) {
        m_state.screen = OperatorScreen::PageReview;
        return true;
      }
      m_state.screen = OperatorScreen::NewApplication;
      return true;
    case OperatorScreen::PageReview:
      m_state.screen = OperatorScreen::BatchScan;
      return true;
    default:
      return false;
  }
}

bool OperatorFlow::login_requested() {
  if (m_state.screen != OperatorScreen::Login) return false;
  if (m_state.id_input.empty() || m_state.pin_input.empty()) {
    m_state.login_error = strings::kLoginHint.in(m_state.language);
    return false;
  }
  return true;
}

bool OperatorFlow::login_succeeded(std::string operator_id) {
  if (m_state.screen != OperatorScreen::Login) return false;
  secure_wipe(m_state.pin_input);
  m_state.id_input.clear();
  m_state.login_error.clear();
  m_state.operator_id = std::move(operator_id);
  m_state.screen = OperatorScreen::Home;
  close_keyboard();
  return true;
}

bool OperatorFlow::login_failed(std::string message) {
  if (m_state.screen != OperatorScreen::Login) return false;
  secure_wipe(m_state.pin_input);
  m_state.login_error = std::move(message);
  focus(OpField::Pin);
  return true;
}

bool OperatorFlow::logout(LogoutReason reason) {
  if (!logged_in()) return false;
  if (m_state.scanning) return false;  // the App stops the scanner first
  audit(reason == LogoutReason::Idle ? "idle_logout" : "logout");
  wipe_application();
  m_state.operator_id.clear();
  m_state.outbox = {};
  m_state.logout_in_seconds.reset();
  m_last_touch.reset();
  m_state.screen = OperatorScreen::Login;
  focus(OpField::OperatorId);
  ++m_sessions_ended;
  return true;
}

bool OperatorFlow::open_new_application() {
  if (m_state.screen != OperatorScreen::Home) return false;
  wipe_application();
  m_state.screen = OperatorScreen::NewApplication;
  return true;
}

bool OperatorFlow::choose_service(int number) {
  if (m_state.screen != OperatorScreen::NewApplication || m_state.service != 0) return false;
  const catalog::Service* s = m_catalog.find(number);
  if (!s || !s->offered_at(catalog::Channel::Counter)) return false;
  m_state.service = number;
  m_state.identity.kind = identity::default_id_kind(*s);  // as at the kiosk: the applicants' document
  audit("application_opened", "service " + std::to_string(number));
  focus(OpField::IdNumber);
  return true;
}

bool OperatorFlow::open_application_for(int service) {
  const catalog::Service* s = m_catalog.find(service);
  if (!s || !s->offered_at(catalog::Channel::Counter)) return false;
  const bool at_service_list = m_state.screen == OperatorScreen::NewApplication && m_state.service == 0;
  if (!at_service_list && !open_new_application()) return false;
  audit("service_slip_scanned", "service " + std::to_string(service));
  return choose_service(service);
}

bool OperatorFlow::set_id_kind(identity::IdKind kind) {
  if (m_state.screen != OperatorScreen::NewApplication || m_state.service == 0 ||
      kind == identity::IdKind::Mobile)
    return false;
  if (m_state.identity.kind != kind) {
    secure_wipe(m_state.identity.number);
    m_state.identity.number_error.clear();
  }
  m_state.identity.kind = kind;
  focus(OpField::IdNumber);
  return true;
}

bool OperatorFlow::identify_next() {
  if (m_state.screen != OperatorScreen::NewApplication || m_state.service == 0) return false;
  // At the counter the mobile number is optional (a walk-in may have none); if typed, checked.
  if (!check_identity(m_state.identity, m_state.language)) {
    focus(m_state.identity.number_error.empty() ? OpField::Mobile : OpField::IdNumber);
    return false;
  }
  close_keyboard();
  m_state.screen = OperatorScreen::BatchScan;
  return true;
}

bool OperatorFlow::open_outbox() {
  if (m_state.screen != OperatorScreen::Home && m_state.screen != OperatorScreen::Outbox) return false;
  m_state.screen = OperatorScreen::Outbox;
  return true;
}

bool OperatorFlow::outbox_loaded(OutboxView view) {
  if (m_state.screen != OperatorScreen::Outbox && m_state.screen != OperatorScreen::Home) return false;
  m_state.outbox = std::move(view);
  return true;
}

void OperatorFlow::wipe_application() {
  for (ReviewPage& page : m_state.pages) {
    secure_wipe(page.bytes);
    secure_wipe(page.thumb_rgba);
  }
  m_state.pages.clear();
  secure_wipe(m_state.identity.number);
  secure_wipe(m_state.identity.mobile);
  secure_wipe(m_state.identity.number_normalised);
  secure_wipe(m_state.identity.mobile_normalised);
  m_state.identity = {};
  m_state.service = 0;
  m_state.selected.reset();
  m_state.rescan_target.reset();
  m_state.current_cover_document.reset();
  m_state.current_cover_unknown = false;
  m_state.scan_problem.clear();
  m_state.submit_problem.clear();
  m_state.scanned_in_batch = 0;
  m_state.next_sequence = 1;
  m_state.review_scroll = 0;
  m_state.list_scroll = 0;
  m_state.receipt = {};
}

}  // namespace pk::kiosk::op
