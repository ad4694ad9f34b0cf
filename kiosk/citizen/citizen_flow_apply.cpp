// The application part of the citizen flow: identify, capture, review, submit.
#include <utility>

#include "base/secure_wipe.h"
#include "domain/identity_document.h"
#include "domain/text_normalize.h"
#include "kiosk/citizen/citizen_flow.h"
#include "kiosk/identity/identity_check.h"

namespace pk::kiosk {

bool CitizenFlow::apply() {
  const catalog::Service* s = service();
  if (m_state.screen != CitizenScreen::ServiceCard || !s || !s->offered_at(catalog::Channel::Kiosk))
    return false;
  m_state.screen = CitizenScreen::Identify;
  m_state.documents.clear();
  for (const catalog::RequiredDocument& doc : s->documents) m_state.documents.push_back({doc.kind, {}});
  m_state.document_index = 0;
  // The document the service's applicants hold: an Amayesh card for most, a national code for
  // the one service Iranians come for.
  m_state.identity.kind = identity::default_id_kind(*s);
  focus(Field::IdNumber);
  return true;
}

bool CitizenFlow::counter_slip_requested() {
  const catalog::Service* s = service();
  return m_state.screen == CitizenScreen::ServiceCard && s && !s->offered_at(catalog::Channel::Kiosk) &&
         s->offered_at(catalog::Channel::Counter);
}

bool CitizenFlow::counter_slip_printed(bool printed, std::string problem) {
  if (m_state.screen != CitizenScreen::ServiceCard) return false;
  m_state.counter_slip = {printed ? SlipState::Printed : SlipState::NotPrinted, std::move(problem)};
  return true;
}

bool CitizenFlow::set_id_kind(identity::IdKind kind) {
  if (m_state.screen != CitizenScreen::Identify || kind == identity::IdKind::Mobile) return false;
  if (m_state.identity.kind != kind) {
    secure_wipe(m_state.identity.number);
    secure_wipe(m_state.identity.read_from_chip);
    m_state.identity.number_error.clear();
    m_state.identity.chip.reset();  // the chip was read for the passport number, not this one
  }
  m_state.identity.kind = kind;
  focus(Field::IdNumber);
  return true;
}

bool CitizenFlow::identify_next() {
  if (m_state.screen != CitizenScreen::Identify) return false;
  if (!check_identity(m_state.identity, m_state.language)) {
    focus(m_state.identity.number_error.empty() ? Field::Mobile : Field::IdNumber);
    return false;
  }
  close_keyboard();
  m_state.screen = m_state.documents.empty() ? CitizenScreen::Review : CitizenScreen::Capture;
  return true;
}

bool CitizenFlow::open_passport_reader() {
  if (m_state.screen != CitizenScreen::Identify) return false;
  m_state.screen = CitizenScreen::ReadPassport;
  m_state.mrz.error.clear();
  focus(Field::MrzDocument);
  return true;
}

bool CitizenFlow::passport_read_requested() {
  if (m_state.screen != CitizenScreen::ReadPassport) return false;
  const MrzDraft& m = m_state.mrz;
  return !m.document.empty() && !m.birth.empty() && !m.expiry.empty();
}

bool CitizenFlow::passport_read(std::string document_number, std::string holder,
                                cardreader::icao::PassiveAuth chip) {
  if (m_state.screen != CitizenScreen::ReadPassport) return false;
  IdentityDraft& id = m_state.identity;
  id.kind = identity::IdKind::Passport;
  secure_wipe(id.number);
  secure_wipe(id.read_from_chip);
  id.number_error.clear();
  id.chip = chip;
  m_state.screen = CitizenScreen::Identify;
  if (chip != cardreader::icao::PassiveAuth::Verified) {
    // A chip no state's signature vouches for could say anything: nothing of it fills the
    // form. The citizen types the number from the data page, under the line saying why.
    secure_wipe(document_number);
    secure_wipe(holder);
    focus(Field::IdNumber);
    return true;
  }
  id.number = std::move(document_number);
  id.read_from_chip = std::move(holder);
  focus(Field::Mobile);  // the chip has no phone number: that is what is left to type
  return true;
}

bool CitizenFlow::passport_failed(std::string message) {
  if (m_state.screen != CitizenScreen::ReadPassport) return false;
  m_state.mrz.error = std::move(message);
  return true;
}

bool CitizenFlow::can_scan() const {
  if (m_state.screen != CitizenScreen::Capture || m_state.document_index >= m_state.documents.size())
    return false;
  const catalog::Service* s = service();
  const int wanted = s ? s->documents[m_state.document_index].pages : 1;
  // A document never takes more pages than the catalog asks for, plus one spare (a back side).
  return static_cast<int>(m_state.documents[m_state.document_index].pages.size()) < wanted + 1;
}

bool CitizenFlow::page_captured(CapturedPage page) {
  if (m_state.screen != CitizenScreen::Capture || m_state.document_index >= m_state.documents.size())
    return false;
  m_state.documents[m_state.document_index].pages.push_back(std::move(page));
  m_state.capture_problem.clear();
  return true;
}

bool CitizenFlow::capture_failed(std::string message) {
  if (m_state.screen != CitizenScreen::Capture) return false;
  m_state.capture_problem = std::move(message);
  return true;
}

bool CitizenFlow::retake() {
  if (m_state.screen != CitizenScreen::Capture || m_state.document_index >= m_state.documents.size())
    return false;
  auto& pages = m_state.documents[m_state.document_index].pages;
  if (pages.empty()) return false;
  secure_wipe(pages.back().bytes);
  secure_wipe(pages.back().preview_rgba);
  pages.pop_back();
  return true;
}

bool CitizenFlow::capture_next() {
  if (m_state.screen != CitizenScreen::Capture) return false;
  const catalog::Service* s = service();
  if (!s) return false;
  const catalog::RequiredDocument& wanted = s->documents[m_state.document_index];
  // A mandatory document needs at least one page; an optional one may be skipped.
  if (wanted.mandatory && m_state.documents[m_state.document_index].pages.empty()) return false;
  m_state.capture_problem.clear();
  if (m_state.document_index + 1 < m_state.documents.size()) {
    ++m_state.document_index;
  } else {
    m_state.screen = CitizenScreen::Review;
  }
  return true;
}

bool CitizenFlow::set_consent(bool consent) {
  if (m_state.screen != CitizenScreen::Review) return false;
  m_state.consent = consent;
  return true;
}

bool CitizenFlow::submit_requested() {
  if (m_state.screen != CitizenScreen::Review || !m_state.consent) return false;
  m_state.submit_problem.clear();
  return true;
}

bool CitizenFlow::submit_failed(std::string message) {
  if (m_state.screen != CitizenScreen::Review && m_state.screen != CitizenScreen::ReportDetails) return false;
  m_state.submit_problem = std::move(message);
  return true;
}

bool CitizenFlow::saved_delivered() {
  if (m_state.screen != CitizenScreen::Saved || m_state.saved.delivered) return false;
  m_state.saved.delivered = true;
  return true;
}

bool CitizenFlow::saved(SavedOutcome outcome) {
  if (m_state.screen != CitizenScreen::Review && m_state.screen != CitizenScreen::ReportDetails) return false;
  // The draft has reached the store: its clear copy leaves memory now, not at the session's end.
  for (CapturedDocument& doc : m_state.documents)
    for (CapturedPage& page : doc.pages) secure_wipe(page.bytes);
  m_state.saved = std::move(outcome);
  m_state.screen = CitizenScreen::Saved;
  close_keyboard();
  return true;
}

}  // namespace pk::kiosk
