#include "kiosk/technician/technician_flow.h"

#include <utility>

#include "base/secure_wipe.h"

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
  // A reset that is done leaves nothing to show but its own screen.
  if (m_state.reset_step == ResetStep::Done) return false;
  if (screen != TechScreen::FactoryReset) cancel_reset();
  m_state.screen = screen;
  return true;
}

bool TechnicianFlow::begin_reset(bool override_backlog, long long accepted_loss) {
  if (m_state.screen != TechScreen::FactoryReset || m_state.reset_step != ResetStep::Start) return false;
  m_state.reset_step = ResetStep::ConfirmPin;
  m_state.reset_override = override_backlog;
  m_state.reset_accepted_loss = accepted_loss;
  m_state.reset_message.clear();
  return true;
}

bool TechnicianFlow::set_reset_pin(std::string pin) {
  if (m_state.reset_step != ResetStep::ConfirmPin) return false;
  constexpr size_t kMax = 16;
  if (pin.size() > kMax) pin.resize(kMax);
  secure_wipe(m_state.reset_pin);
  m_state.reset_pin = std::move(pin);
  return true;
}

void TechnicianFlow::reset_refused(std::string message) {
  secure_wipe(m_state.reset_pin);
  m_state.reset_step = ResetStep::Start;
  m_state.reset_override = false;
  m_state.reset_message = std::move(message);
}

void TechnicianFlow::reset_done(std::string message) {
  secure_wipe(m_state.reset_pin);
  m_state.reset_step = ResetStep::Done;
  m_state.reset_message = std::move(message);
}

void TechnicianFlow::cancel_reset() {
  secure_wipe(m_state.reset_pin);
  if (m_state.reset_step == ResetStep::Done) return;
  m_state.reset_step = ResetStep::Start;
  m_state.reset_override = false;
  m_state.reset_accepted_loss = 0;
}

void TechnicianFlow::reset() {
  secure_wipe(m_state.pin);
  secure_wipe(m_state.reset_pin);
  secure_wipe(m_state.id);
  m_state = TechState{};
}

}  // namespace pk::kiosk::tech
