#pragma once
// The citizen's journey at the kiosk as an explicit state machine: plain data, no UI, no I/O.
// Screens read the state and send events; tests drive the same events without a screen.
//
//   Welcome --start--> Browse --open_service--> ServiceCard
//      ^                 |  ^--------back---------'
//      '------back-------'
//   any screen --idle timeout / home--> Welcome (the session's data is wiped)
#include <cstdint>
#include <string>

#include "domain/catalog.h"

namespace pk::kiosk {

enum class CitizenScreen { Welcome, Browse, ServiceCard };

struct CitizenState {
  CitizenScreen screen = CitizenScreen::Welcome;
  catalog::Language language = catalog::Language::Persian;
  std::string office_filter;  // empty = every office
  std::string query;          // the search text as typed
  int service = 0;            // the service whose card is open
  float list_scroll = 0;      // where the service list was, restored on "back"
  bool keyboard_open = false; // the on-screen keyboard is up under the search box
};

class CitizenFlow {
public:
  CitizenFlow(const catalog::Catalog& catalog, catalog::Language default_language, double idle_timeout_seconds);

  [[nodiscard]] const CitizenState& state() const { return m_state; }
  [[nodiscard]] catalog::Language language() const { return m_state.language; }
  [[nodiscard]] bool rtl() const { return m_state.language == catalog::Language::Persian; }

  // Events. Each returns false when it does not apply in the current state (and changes nothing).
  bool start();
  bool choose_language(catalog::Language language);
  bool filter_office(std::string office_id);
  bool set_query(std::string query);
  bool open_keyboard();
  bool close_keyboard();
  bool open_service(int number);
  bool back();
  void home();  // also what an idle timeout does: back to Welcome with nothing kept
  void remember_scroll(float y) { m_state.list_scroll = y; }

  // Time: now is seconds on a monotonic clock. Any touch calls touched(now).
  void touched(double now) { m_last_touch = now; }
  // Returns true when the session timed out and was wiped.
  bool tick(double now);
  [[nodiscard]] double seconds_until_idle(double now) const;

private:
  const catalog::Catalog& m_catalog;
  catalog::Language m_default_language;
  double m_idle_timeout;
  double m_last_touch = 0;
  CitizenState m_state;
};

}  // namespace pk::kiosk
