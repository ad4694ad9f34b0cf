#pragma once
// Technician mode as an explicit state machine: plain data, no I/O. It opens only with a
// technician's id and PIN (argon2id hashes, lockout after repeated failures, every attempt
// audited by the App), reached by a visible "technician" button on the welcome screen, never
// by a hidden gesture alone.
//
//   Login ─verified→ ServiceLevels ⇄ Enrollment ⇄ Devices ⇄ Outbox ⇄ Diagnostics ⇄ FactoryReset
//                                                                  ─exit→ (the citizen welcome screen)
// Factory reset has its own steps: Start ─reset / override→ ConfirmPin ─PIN checked→ Done.
#include <string>

namespace pk::kiosk::tech {

enum class TechScreen { Login, ServiceLevels, Enrollment, Devices, Outbox, Diagnostics, FactoryReset };
enum class ResetStep { Start, ConfirmPin, Done };
enum class TechField { Id, Pin };

struct TechState {
  TechScreen screen = TechScreen::Login;
  TechField field = TechField::Id;
  std::string id;
  std::string pin;  // wiped as soon as it has been checked
  std::string login_error;
  std::string technician;  // who is logged in
  // Factory reset: the technician types the PIN again; `reset_override` says they accepted
  // losing `reset_accepted_loss` captures that have not reached the centre.
  ResetStep reset_step = ResetStep::Start;
  bool reset_override = false;
  long long reset_accepted_loss = 0;
  std::string reset_pin;  // wiped as soon as it has been checked
  std::string reset_message;
};

class TechnicianFlow {
 public:
  ~TechnicianFlow();
  [[nodiscard]] const TechState& state() const { return m_state; }
  [[nodiscard]] bool logged_in() const { return m_state.screen != TechScreen::Login; }

  bool focus(TechField field);
  bool set_text(TechField field, std::string text);
  // True: the App may verify id and PIN now (both typed).
  bool login_requested();
  void login_succeeded(std::string technician);
  void login_failed(std::string message);  // the PIN is wiped either way
  bool show(TechScreen screen);
  // Factory reset steps (only on the FactoryReset screen).
  bool begin_reset(bool override_backlog, long long accepted_loss);
  bool set_reset_pin(std::string pin);
  void reset_refused(std::string message);  // back to Start, PIN wiped
  void reset_done(std::string message);
  void cancel_reset();
  void reset();  // logs out and wipes

 private:
  TechState m_state;
};

}  // namespace pk::kiosk::tech
