#include "kiosk/citizen_flow.h"

#include <utility>

namespace pk::kiosk {

CitizenFlow::CitizenFlow(const catalog::Catalog& catalog, catalog::Language default_language,
                         double idle_timeout_seconds)
    : m_catalog(catalog), m_default_language(default_language), m_idle_timeout(idle_timeout_seconds) {
  m_state.language = default_language;
}

bool CitizenFlow::start() {
  if (m_state.screen != CitizenScreen::Welcome) return false;
  m_state.screen = CitizenScreen::Browse;
  return true;
}

bool CitizenFlow::choose_language(catalog::Language language) {
  m_state.language = language;
  return true;
}

bool CitizenFlow::filter_office(std::string office_id) {
  if (m_state.screen != CitizenScreen::Browse) return false;
  if (!office_id.empty() && !m_catalog.office(office_id)) return false;
  m_state.office_filter = std::move(office_id);
  m_state.list_scroll = 0;
  return true;
}

bool CitizenFlow::set_query(std::string query) {
  if (m_state.screen != CitizenScreen::Browse) return false;
  m_state.query = std::move(query);
  m_state.list_scroll = 0;
  return true;
}

bool CitizenFlow::open_keyboard() {
  if (m_state.screen != CitizenScreen::Browse || m_state.keyboard_open) return false;
  m_state.keyboard_open = true;
  return true;
}

bool CitizenFlow::close_keyboard() {
  if (!m_state.keyboard_open) return false;
  m_state.keyboard_open = false;
  return true;
}

bool CitizenFlow::open_service(int number) {
  if (m_state.screen != CitizenScreen::Browse || !m_catalog.find(number)) return false;
  m_state.service = number;
  m_state.keyboard_open = false;
  m_state.screen = CitizenScreen::ServiceCard;
  return true;
}

bool CitizenFlow::back() {
  switch (m_state.screen) {
    case CitizenScreen::Welcome: return false;
    case CitizenScreen::Browse:
      if (!close_keyboard()) home();  // "back" first puts the keyboard away
      return true;
    case CitizenScreen::ServiceCard:
      m_state.screen = CitizenScreen::Browse;
      m_state.service = 0;
      return true;
  }
  return false;
}

void CitizenFlow::home() {
  // A fresh state: nothing the last person typed or chose stays behind.
  m_state = CitizenState{};
  m_state.language = m_default_language;
}

bool CitizenFlow::tick(double now) {
  if (m_state.screen == CitizenScreen::Welcome) {
    m_last_touch = now;
    return false;
  }
  if (now - m_last_touch < m_idle_timeout) return false;
  home();
  m_last_touch = now;
  return true;
}

double CitizenFlow::seconds_until_idle(double now) const { return m_idle_timeout - (now - m_last_touch); }

}  // namespace pk::kiosk
