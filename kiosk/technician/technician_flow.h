#pragma once
// Technician mode as an explicit state machine: plain data, no I/O. It opens only with a
// technician's id and PIN (argon2id hashes, lockout after repeated failures, every attempt
// audited by the App), reached by a visible "technician" button on the welcome screen, never
// by a hidden gesture alone.
//
//   Login ─verified→ ServiceLevels ⇄ Devices ⇄ Outbox ─exit→ (the citizen welcome screen)
#include <string>

namespace pk::kiosk::tech {

enum class TechScreen { Login, ServiceLevels, Devices, Outbox };
enum class TechField { Id, Pin };

struct TechState {
  TechScreen screen = TechScreen::Login;
  TechField field = TechField::Id;
  std::string id;
  std::string pin;  // wiped as soon as it has been checked
  std::string login_error;
  std::string technician;  // who is logged in
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
  void reset();  // logs out and wipes

 private:
  TechState m_state;
};

}  // namespace pk::kiosk::tech
