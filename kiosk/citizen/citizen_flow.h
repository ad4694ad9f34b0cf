#pragma once
// The citizen's journey at the kiosk as an explicit state machine: plain data, no UI, no I/O.
// Screens read the state and send events; tests drive the same events without a screen.
// Where the journey needs the outside world (scan a page, save to the store, look up a
// tracking code, print), an event returns true to say "go ahead", the App does the I/O and
// reports the outcome back with another event (page_captured, saved, status_found...).
//
//   Welcome ─start→ Browse ─open_service→ ServiceCard ─apply→ Identify ─next→ Capture ─next→
//   Review ─submit→ (store commits) → Saved ─finish→ Welcome
//   Welcome ─status→ StatusEntry ─lookup→ StatusResult
//   Welcome ─report→ ReportService → ReportDetails ─submit→ (store commits) → Saved
//   any screen, idle → "more time?" → no answer → Welcome, with the session wiped
#include <cstdint>
#include <string>

#include "domain/catalog.h"
#include "kiosk/citizen/citizen_state.h"

namespace pk::kiosk {

class CitizenFlow {
 public:
  CitizenFlow(const catalog::Catalog& catalog, catalog::Language default_language,
              double idle_timeout_seconds, double more_time_seconds = 30);
  ~CitizenFlow();

  [[nodiscard]] const CitizenState& state() const { return m_state; }
  [[nodiscard]] catalog::Language language() const { return m_state.language; }
  [[nodiscard]] bool rtl() const { return is_rtl(m_state.language); }
  [[nodiscard]] const catalog::Service* service() const { return m_catalog.find(m_state.service); }

  // Events return false when they do not apply in the current state (and change nothing).
  // Navigation (citizen_flow.cpp)
  bool start();
  bool choose_language(catalog::Language language);
  // The A+ button: the next text size (Normal, Large, back to Normal), for this session only.
  void next_text_size() { m_state.text_size = ui::next_text_size(m_state.text_size); }
  bool filter_office(std::string office_id);
  bool set_query(std::string query);
  bool open_keyboard();
  bool close_keyboard();
  bool focus(Field field);
  // The text of a field on the current screen, or nullptr when the screen has no such field.
  [[nodiscard]] const std::string* field_value(Field field) const;
  bool set_field_text(Field field, std::string text);
  bool open_service(int number);
  bool back();
  void home();  // ends the session: everything personal is wiped
  // How many sessions have ended (home(): finished, abandoned or timed out). The App compares
  // it with the count it last saw to wipe what a session left outside the flow (the text
  // engine's cached layouts of its fields).
  [[nodiscard]] uint64_t sessions_ended() const { return m_sessions_ended; }
  void remember_scroll(float y) { m_state.list_scroll = y; }

  // Applying (citizen_flow_apply.cpp)
  bool apply();  // ServiceCard → Identify (kiosk services only)
  // A counter-only service's card: true when the App may print its slip for the counter.
  bool counter_slip_requested();
  bool counter_slip_printed(bool printed, std::string problem);
  bool set_id_kind(identity::IdKind kind);
  bool identify_next();
  bool open_passport_reader();     // Identify → ReadPassport
  bool passport_read_requested();  // true: the App may read the chip now
  // Fills the identity when the chip is verified; an unverified chip fills nothing (the
  // citizen types the number from the data page) and its answer is recorded and shown.
  bool passport_read(std::string document_number, std::string holder, cardreader::icao::PassiveAuth chip);
  bool passport_failed(std::string message);  // validates; errors stay on screen
  [[nodiscard]] bool can_scan() const;        // the App may scan a page for this document
  bool page_captured(CapturedPage page);
  bool capture_failed(std::string message);
  bool retake();        // drops the current document's last page
  bool capture_next();  // next document, or Review after the last
  bool set_consent(bool consent);
  bool submit_requested();                  // true: the App may save now
  bool submit_failed(std::string message);  // nothing was saved; the citizen may retry
  bool saved(SavedOutcome outcome);         // the store has committed
  bool saved_delivered();                   // the centre acknowledged what the Saved screen shows

  // Status check and failure report (citizen_flow_report.cpp)
  bool open_status_check();
  bool status_lookup_requested();  // true: the code's check digits are right
  bool status_found(StatusOutcome outcome);
  bool open_failure_report();
  bool choose_report_service(int number);  // 0 = the kiosk / services in general
  bool choose_problem(ProblemKind problem);
  bool report_submit_requested();

  // Time: now is seconds on a monotonic clock. Any touch calls touched(now).
  void touched(double now);
  // Shows "more time?" when the session has been idle, ends it when that goes unanswered.
  // Returns true when the session timed out and was wiped.
  bool tick(double now);
  bool more_time(double now);  // the citizen answered "yes, more time"
  [[nodiscard]] double seconds_until_next_tick(double now) const;

 private:
  [[nodiscard]] bool in_session() const { return m_state.screen != CitizenScreen::Welcome; }
  [[nodiscard]] std::string* field_text(Field field);
  void wipe();

  const catalog::Catalog& m_catalog;
  catalog::Language m_default_language;
  double m_idle_timeout;
  double m_more_time;
  double m_last_touch = 0;
  uint64_t m_sessions_ended = 0;
  CitizenState m_state;
};

}  // namespace pk::kiosk
