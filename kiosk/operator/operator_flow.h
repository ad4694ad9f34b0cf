#pragma once
// The counter operator's work as an explicit state machine: plain data, no UI, no I/O, like
// kiosk/citizen/citizen_flow.h. Screens read the state and send events; tests drive the same events.
// An event returns false when it does not apply in the current state (and changes nothing).
// Where the outside world is needed (check a PIN, start the scanner, save, print, read the
// outbox), an event returns true to say "go ahead"; the App (OperatorDesk) does the I/O and
// reports the outcome with another event (login_succeeded, page_arrived, saved...).
//
//   Login ─login→ Home ─new_application→ NewApplication (service, identity) ─identify_next→
//   BatchScan ─(pages arrive)→ ─open_review→ PageReview ─submit→ (store commits) → Receipt
//   ─finish→ Home;  Home ─open_outbox→ Outbox ─back→ Home;  PageReview ─rescan/scan_more→
//   BatchScan;  any screen ─logout→ Login (the application in progress is wiped)
//   idle (no touch, no batch running) for IdleLogout::after_seconds → Login, the same wipe;
//   its last warning_seconds count down in state().logout_in_seconds
//
// Every action worth auditing is queued as a SessionAudit (take_audit()); the App writes
// them to the store's audit log under the operator's id. They never hold a PIN or anything
// that identifies the citizen.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/catalog.h"
#include "kiosk/operator/operator_state.h"

namespace pk::kiosk::op {

enum class Direction { Earlier, Later };

// Why an operator's session ended: the audit log tells the two apart.
enum class LogoutReason { Operator, Idle };

// When an idle operator is logged out, and how long the warning before it lasts.
struct IdleLogout {
  double after_seconds = 300;
  double warning_seconds = 30;
};

class OperatorFlow {
 public:
  explicit OperatorFlow(const catalog::Catalog& catalog,
                        catalog::Language language = catalog::Language::Persian, IdleLogout idle = {});
  ~OperatorFlow();

  [[nodiscard]] const OperatorState& state() const { return m_state; }
  [[nodiscard]] catalog::Language language() const { return m_state.language; }
  [[nodiscard]] bool rtl() const { return is_rtl(m_state.language); }
  [[nodiscard]] const catalog::Service* service() const { return m_catalog.find(m_state.service); }
  [[nodiscard]] bool logged_in() const { return !m_state.operator_id.empty(); }
  [[nodiscard]] std::vector<SessionAudit> take_audit() { return std::exchange(m_audit, {}); }

  // Navigation and fields (operator_flow.cpp)
  bool choose_language(catalog::Language language);
  bool focus(OpField field);
  bool close_keyboard();
  bool set_field_text(OpField field, std::string text);
  bool back();
  void remember_scroll(float y);

  bool login_requested();  // true: the App may check the PIN now
  bool login_succeeded(std::string operator_id);
  bool login_failed(std::string message);  // the PIN typed is wiped either way
  bool logout(LogoutReason reason = LogoutReason::Operator);
  // How many operator sessions have ended (logout, by the operator or idle). The App compares
  // it with the count it last saw to wipe what the session left outside the flow: the text
  // engine's cached layouts of what the operator typed (citizens' national codes, mobiles).
  [[nodiscard]] uint64_t sessions_ended() const { return m_sessions_ended; }

  bool open_new_application();
  bool choose_service(int number);  // any service offered at the counter
  // A kiosk's slip for a counter-only service, read by the barcode scanner: a new application
  // with its service chosen, from Home or from a new application's service list.
  bool open_application_for(int service);
  bool set_id_kind(identity::IdKind kind);
  bool identify_next();  // the kiosk's checks; errors stay on screen
  bool open_outbox();    // true: the App may read the outbox
  bool outbox_loaded(OutboxView view);

  // Scanning and review (operator_flow_pages.cpp)
  bool set_sides(ScanSides sides);
  bool scan_requested();  // true: the App may start a batch
  bool scan_started();
  bool page_arrived(ArrivedPage page);
  bool scan_finished(std::string problem);  // empty problem: the feeder ran empty
  bool open_review();
  bool select(int sequence);
  bool rotate_selected();
  bool delete_selected();
  bool move_selected(Direction direction);
  bool assign_selected(int document);
  bool keep_selected();    // a set-aside page goes back into the file
  bool rescan_selected();  // the next page scanned replaces it
  bool scan_more();
  [[nodiscard]] std::string missing_for_submit() const;  // empty when the file may be submitted
  bool submit_requested();                               // true: the App may seal and save now
  bool submit_failed(std::string message);
  bool saved(Receipt receipt);
  bool finish();  // Receipt → Home

  // Time (operator_flow_idle.cpp): now is seconds on a monotonic clock, the App's frame clock.
  // Any touch calls touched(now); a running batch scan counts as work, never as idle.
  void touched(double now);
  // Counts down, then logs an idle operator out (LogoutReason::Idle). Returns true when it did.
  bool tick(double now);
  // How long the App may sleep before tick() has something to do (a countdown second, a logout).
  [[nodiscard]] double seconds_until_next_tick(double now) const;

 private:
  [[nodiscard]] std::string* field_text(OpField field);
  [[nodiscard]] ReviewPage* selected_page();
  void audit(std::string action, std::string detail = {});
  void wipe_application();

  const catalog::Catalog& m_catalog;
  IdleLogout m_idle;
  std::optional<double> m_last_touch;  // unset until the first touch or tick of a session
  OperatorState m_state;
  std::vector<SessionAudit> m_audit;
  uint64_t m_sessions_ended = 0;
};

}  // namespace pk::kiosk::op
