#include "kiosk/technician/technician_flow.h"

#include <utility>

#include "kiosk/secure_wipe.h"

namespace pk::kiosk::tech {

TechnicianFlow::~TechnicianFlow() { reset(); }

bool TechnicianFlow::focus(TechField field) {
  if (m_state.screen != TechScreen::Login) return false;
  m_state.field = field;
  return true;
}

bool TechnicianFlow::set_text(TechField field, std::string text) {
  if (m_state.screen != TechScreen::Login) return false;
  constexpr size_t kMax = 16;  // ids and PINs are short; a longer paste is cut, not stored
  if (text.size() > kMax) text.resize(kMax);
  std::string& target = field == TechField::Id ? m_state.id : m_state.pin;
  secure_wipe(target);
  target = std::move(text);
  m_state.login_error.clear();
  return true;
}

bool TechnicianFlow::login_requested() {
  return m_state.screen == TechScreen::Login && !m_state.id.empty() && !m_state.pin.empty();
}

void TechnicianFlow::login_succeeded(std::string technician) {
  secure_wipe(m_state.pin);
  m_state.technician = std::move(technician);
  m_state.login_error.clear();
  m_state.screen = TechScreen::ServiceLevels;
}

void TechnicianFlow::login_failed(std::string message) {
  secure_wipe(m_state.pin);
  m_state.login_error = std::move(message);
  m_state.field = TechField::Pin;
}

bool TechnicianFlow::show(TechScreen screen) {
  if (!logged_in() || screen == TechScreen::Login) return false;
  m_state.screen = screen;
  return true;
}

void TechnicianFlow::reset() {
  secure_wipe(m_state.pin);
  secure_wipe(m_state.id);
  m_state = TechState{};
}

}  // namespace pk::kiosk::tech
