// The App in counter mode (ui.mode = "counter"): the operator's desk, its idle logout, and a
// walk-in citizen's errands (status check, failure report) run on the kiosk's own citizen
// screens and flow, so the counter and the kiosk share one status lookup, one failure-report
// submission and one receipt.
#include <imgui.h>
#include <spdlog/spdlog.h>

#include "kiosk/app.h"
#include "kiosk/operator/operator_desk.h"

namespace pk::kiosk {

Result<void> App::open_operator_desk() {
  auto desk = op::OperatorDesk::create({.catalog = m_catalog,
                                        .config = m_config,
                                        .store = *m_store,
                                        .centre_key = m_centre_key,
                                        .printing = m_devices.printing(),
                                        .scanner = m_devices.scanner(),
                                        .now_unix = {},
                                        .pipeline = {}});
  if (!desk) return desk.error();
  m_desk = std::move(desk.value());
  spdlog::info("counter mode: {} operator account(s)", m_desk->accounts().accounts().size());
  return {};
}

bool App::counter_errand_open() const { return m_desk && m_flow->state().screen != CitizenScreen::Welcome; }

bool App::tick_counter(double now) {
  if (!m_desk) return false;
  if (m_desk->tick(now)) {
    // Nothing of a walk-in's errand outlives the operator's session either.
    m_flow->home();
    return true;
  }
  return m_desk->flow().state().logout_in_seconds.has_value();  // the countdown shows each second
}

bool App::render_counter_frame(double now) {
  tick_counter(now);
  if (counter_errand_open()) return false;
  poll_barcode(now);  // a kiosk's service slip opens an application
  m_desk->poll();
  const ui::Rect screen = begin_screen_frame(now, m_desk->rtl(), "##counter");
  const op::OperatorAction action = m_desk->draw(*m_ui, screen, notices_in(m_desk->language()));
  ImGui::End();
  finish_frame();
  switch (action) {
    case op::OperatorAction::None:
      break;
    case op::OperatorAction::OpenStatusCheck:
    case op::OperatorAction::OpenFailureReport:
      // The citizen's screens, in the language the operator works in; they come back here at
      // their end (the flow back at its welcome state).
      m_flow->choose_language(m_desk->flow().language());
      if (action == op::OperatorAction::OpenStatusCheck)
        m_flow->open_status_check();
      else
        m_flow->open_failure_report();
      m_keyboard.set_layout(m_flow->rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
      m_flow->touched(now);
      break;
    case op::OperatorAction::OpenTechnician:
      if (m_tech && !m_desk->flow().logged_in()) m_tech->open();
      break;
    default:
      m_desk->perform(action, now);
      break;
  }
  return true;
}

}  // namespace pk::kiosk
