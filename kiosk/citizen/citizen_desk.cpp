// The citizen desk's frame: the screens, the overlays, the session's end and the codes the
// barcode scanner reads. The I/O after the frame is in citizen_desk_io.cpp.
#include "kiosk/citizen/citizen_desk.h"

#include <cstdint>

#include "kiosk/citizen/screens/screen_guide.h"

namespace pk::kiosk {

CitizenDesk::CitizenDesk(CitizenServices services, std::unique_ptr<SpokenGuidance> speech)
    : m_services(std::move(services)),
      m_flow(m_services.catalog, m_services.config.language, m_services.config.idle_timeout_seconds),
      m_speech(std::move(speech)) {}

ScreenContext CitizenDesk::context(ui::Ui& ui, const ui::Rect& screen) {
  ScreenContext ctx{ui, m_flow, m_keyboard, m_services.catalog, m_services.config, screen};
  ctx.can_take_applications = m_services.centre_key.has_value();
  ctx.has_card_reader = m_services.devices.card_reader() != nullptr;
  ctx.speech = m_speech.get();
  return ctx;
}

PendingAction CitizenDesk::draw(ui::Ui& ui, const ui::Rect& screen, std::span<const std::string> notices) {
  // Each session's keyboard starts in the session's language.
  if (at_welcome())
    m_keyboard.set_layout(m_flow.rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
  ScreenContext ctx = context(ui, screen);
  if (at_welcome()) ctx.notices = notices;
  draw_screen(ctx);
  // A screen that has just opened says its title and prompt.
  if (m_speech)
    m_speech->follow(static_cast<int>(m_flow.state().screen), m_flow.language(),
                     [&] { return screen_guide(m_flow.state(), m_services.catalog); });
  return ctx.action;
}

void CitizenDesk::draw_overlays(ui::Ui& ui, const ui::Rect& screen, double now) {
  ScreenContext ctx = context(ui, screen);
  draw_more_time_dialog(ctx, now);
}

void CitizenDesk::draw_screen(ScreenContext& ctx) {
  switch (m_flow.state().screen) {
    case CitizenScreen::Welcome:
      draw_welcome_screen(ctx);
      break;
    case CitizenScreen::Browse:
      draw_browse_screen(ctx);
      break;
    case CitizenScreen::ServiceCard:
      draw_service_card_screen(ctx);
      break;
    case CitizenScreen::Identify:
      draw_identify_screen(ctx);
      break;
    case CitizenScreen::ReadPassport:
      draw_passport_screen(ctx);
      break;
    case CitizenScreen::Capture:
      draw_capture_screen(ctx);
      break;
    case CitizenScreen::Review:
      draw_review_screen(ctx);
      break;
    case CitizenScreen::Saved:
      draw_saved_screen(ctx);
      break;
    case CitizenScreen::StatusEntry:
    case CitizenScreen::StatusResult:
      draw_status_screens(ctx);
      break;
    case CitizenScreen::ReportService:
    case CitizenScreen::ReportDetails:
      draw_report_screens(ctx);
      break;
  }
}

void CitizenDesk::code_scanned(const std::string& code) {
  if (at_welcome()) m_flow.open_status_check();
  if (m_flow.state().screen != CitizenScreen::StatusEntry) return;
  m_flow.set_field_text(Field::TrackingCode, code);
  // The same check as typing: a code that is not a tracking code is said so, not looked up.
  if (m_flow.status_lookup_requested()) perform(PendingAction::LookUpStatus, 0);
}

void CitizenDesk::open_counter_errand(CounterErrand errand, catalog::Language language, double now) {
  // The citizen's screens, in the language the operator works in; they come back to the
  // operator's at their end (the flow back at its welcome state).
  m_flow.choose_language(language);
  if (errand == CounterErrand::StatusCheck)
    m_flow.open_status_check();
  else
    m_flow.open_failure_report();
  m_keyboard.set_layout(m_flow.rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
  m_flow.touched(now);
}

bool CitizenDesk::take_ended_session() {
  if (m_flow.sessions_ended() == m_sessions_forgotten) return false;
  m_sessions_forgotten = m_flow.sessions_ended();
  if (m_speech) m_speech->stop();  // nothing of the session goes on being said
  return true;
}

bool CitizenDesk::watch_saved_delivery(double now) {
  const CitizenState& s = m_flow.state();
  if (!m_services.sync || s.screen != CitizenScreen::Saved || s.saved.delivered ||
      now - m_last_delivery_check < 0.5)
    return false;
  m_last_delivery_check = now;
  auto at_centre = m_services.store().reached_centre(s.saved.tracking_digits);
  return at_centre && at_centre.value() && m_flow.saved_delivered();
}

void CitizenDesk::collect_textures(std::vector<ui::ExternalTexture>& out) {
  for (const CapturedDocument& doc : m_flow.state().documents)
    for (const CapturedPage& page : doc.pages)
      if (!page.preview_rgba.empty())
        out.push_back({reinterpret_cast<const void*>(static_cast<uintptr_t>(page.preview_id)),
                       page.preview_width, page.preview_height,
                       reinterpret_cast<const uint32_t*>(page.preview_rgba.data()), &m_preview_dirty});
}

}  // namespace pk::kiosk
