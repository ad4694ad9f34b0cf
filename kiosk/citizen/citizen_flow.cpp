#include "kiosk/citizen/citizen_flow.h"

#include <utility>

#include "base/secure_wipe.h"

namespace pk::kiosk {

CitizenFlow::CitizenFlow(const catalog::Catalog& catalog, catalog::Language default_language,
                         double idle_timeout_seconds, double more_time_seconds)
    : m_catalog(catalog),
      m_default_language(default_language),
      m_idle_timeout(idle_timeout_seconds),
      m_more_time(more_time_seconds) {
  m_state.language = default_language;
}

CitizenFlow::~CitizenFlow() { wipe(); }

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

bool CitizenFlow::set_query(std::string query) { return set_field_text(Field::Search, std::move(query)); }

bool CitizenFlow::open_keyboard() {
  if (m_state.screen != CitizenScreen::Browse) return false;
  return focus(Field::Search);
}

bool CitizenFlow::close_keyboard() {
  if (!m_state.keyboard_open) return false;
  m_state.keyboard_open = false;
  m_state.field = Field::None;
  return true;
}

namespace {

// The string behind a field on the current screen; const or not, like the state given.
template <class State>
auto field_in(State& s, Field field) -> decltype(&s.query) {
  switch (field) {
    case Field::Search:
      return s.screen == CitizenScreen::Browse ? &s.query : nullptr;
    case Field::IdNumber:
      return s.screen == CitizenScreen::Identify ? &s.identity.number : nullptr;
    case Field::Mobile:
      if (s.screen == CitizenScreen::Identify) return &s.identity.mobile;
      if (s.screen == CitizenScreen::ReportDetails) return &s.report.mobile;
      return nullptr;
    case Field::TrackingCode:
      return s.screen == CitizenScreen::StatusEntry ? &s.tracking_input : nullptr;
    case Field::ReportText:
      return s.screen == CitizenScreen::ReportDetails ? &s.report.text : nullptr;
    case Field::MrzDocument:
      return s.screen == CitizenScreen::ReadPassport ? &s.mrz.document : nullptr;
    case Field::MrzBirth:
      return s.screen == CitizenScreen::ReadPassport ? &s.mrz.birth : nullptr;
    case Field::MrzExpiry:
      return s.screen == CitizenScreen::ReadPassport ? &s.mrz.expiry : nullptr;
    case Field::None:
      return nullptr;
  }
  return nullptr;
}

}  // namespace

std::string* CitizenFlow::field_text(Field field) { return field_in(m_state, field); }

const std::string* CitizenFlow::field_value(Field field) const { return field_in(m_state, field); }

bool CitizenFlow::focus(Field field) {
  if (!field_text(field)) return false;
  m_state.field = field;
  m_state.keyboard_open = true;
  return true;
}

bool CitizenFlow::set_field_text(Field field, std::string text) {
  std::string* target = field_text(field);
  if (!target) return false;
  // Long input is cut rather than refused: no field of the kiosk needs more.
  constexpr size_t kMaxFieldBytes = 600;
  if (text.size() > kMaxFieldBytes) text.resize(kMaxFieldBytes);
  // A number the chip verified and the citizen then changed is a typed number: it no longer
  // carries the chip's word for it.
  if (field == Field::IdNumber && *target != text &&
      m_state.identity.chip == cardreader::icao::PassiveAuth::Verified) {
    m_state.identity.chip.reset();
    secure_wipe(m_state.identity.read_from_chip);
  }
  secure_wipe(*target);
  *target = std::move(text);
  if (field == Field::Search) m_state.list_scroll = 0;
  // A correction clears the complaint about the old value.
  if (field == Field::IdNumber) m_state.identity.number_error.clear();
  if (field == Field::Mobile) m_state.identity.mobile_error.clear(), m_state.report.mobile_error.clear();
  if (field == Field::TrackingCode) m_state.tracking_error.clear();
  if (field == Field::MrzDocument || field == Field::MrzBirth || field == Field::MrzExpiry)
    m_state.mrz.error.clear();
  return true;
}

bool CitizenFlow::open_service(int number) {
  if (m_state.screen != CitizenScreen::Browse || !m_catalog.find(number)) return false;
  m_state.service = number;
  close_keyboard();
  m_state.screen = CitizenScreen::ServiceCard;
  return true;
}

bool CitizenFlow::back() {
  if (close_keyboard()) return true;  // "back" first puts the keyboard away
  switch (m_state.screen) {
    case CitizenScreen::Welcome:
      return false;
    case CitizenScreen::Browse:
    case CitizenScreen::StatusEntry:
    case CitizenScreen::ReportService:
      home();
      return true;
    case CitizenScreen::ServiceCard:
      m_state.screen = CitizenScreen::Browse;
      m_state.service = 0;
      m_state.counter_slip = {};
      return true;
    case CitizenScreen::Identify:
      m_state.screen = CitizenScreen::ServiceCard;
      return true;
    case CitizenScreen::ReadPassport:
      m_state.screen = CitizenScreen::Identify;
      m_state.mrz.error.clear();
      return true;
    case CitizenScreen::Capture:
      if (m_state.document_index > 0)
        --m_state.document_index;
      else
        m_state.screen = CitizenScreen::Identify;
      m_state.capture_problem.clear();
      return true;
    case CitizenScreen::Review:
      m_state.screen = CitizenScreen::Capture;
      m_state.submit_problem.clear();
      return true;
    case CitizenScreen::StatusResult:
      m_state.screen = CitizenScreen::StatusEntry;
      return true;
    case CitizenScreen::ReportDetails:
      m_state.screen = CitizenScreen::ReportService;
      return true;
    case CitizenScreen::Saved:
      home();
      return true;  // the code is saved: leaving loses nothing
  }
  return false;
}

void CitizenFlow::wipe() {
  IdentityDraft& id = m_state.identity;
  for (std::string* s :
       {&id.number, &id.mobile, &id.number_normalised, &id.mobile_normalised, &id.read_from_chip,
        &m_state.mrz.document, &m_state.mrz.birth, &m_state.mrz.expiry, &m_state.report.text,
        &m_state.report.mobile, &m_state.tracking_input, &m_state.query})
    secure_wipe(*s);
  for (CapturedDocument& doc : m_state.documents)
    for (CapturedPage& page : doc.pages) {
      secure_wipe(page.bytes);
      secure_wipe(page.preview_rgba);
      for (PageCodeSeen& code : page.codes) secure_wipe(code.text);  // a card's own code may be personal
    }
}

void CitizenFlow::home() {
  wipe();
  ++m_sessions_ended;
  // A fresh state: nothing the last person typed or chose stays behind.
  m_state = CitizenState{};
  m_state.language = m_default_language;
}

void CitizenFlow::touched(double now) {
  // While "more time?" is up only its own buttons answer it (more_time or home).
  m_last_touch = now;
}

bool CitizenFlow::more_time(double now) {
  if (!m_state.more_time_dialog) return false;
  m_state.more_time_dialog = false;
  m_last_touch = now;
  return true;
}

bool CitizenFlow::tick(double now) {
  if (!in_session()) {
    m_last_touch = now;
    return false;
  }
  if (m_state.more_time_dialog) {
    if (now < m_state.more_time_deadline) return false;
    home();
    m_last_touch = now;
    return true;
  }
  if (now - m_last_touch >= m_idle_timeout) {
    m_state.more_time_dialog = true;
    m_state.more_time_deadline = now + m_more_time;
  }
  return false;
}

double CitizenFlow::seconds_until_next_tick(double now) const {
  if (!in_session()) return 3600;
  if (m_state.more_time_dialog)
    return std::min(1.0, m_state.more_time_deadline - now);  // the countdown ticks
  return m_idle_timeout - (now - m_last_touch);
}

}  // namespace pk::kiosk
