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

bool App::counter_errand_open() const { return m_desk && !m_citizen->at_welcome(); }

bool App::tick_counter(double now) {
  if (!m_desk) return false;
  if (m_desk->tick(now)) {
    // Nothing of a walk-in's errand outlives the operator's session either.
    m_citizen->flow().home();
    return true;
  }
  return m_desk->flow().state().logout_in_seconds.has_value();  // the countdown shows each second
}

bool App::render_counter_frame(double now) {
  tick_counter(now);
  if (counter_errand_open()) return false;
  poll_barcode(now);  // a kiosk's service slip opens an application
  m_desk->poll();
  const ui::Rect screen = m_frame->begin(now, m_desk->rtl(), "##counter");
  const op::OperatorAction action = m_desk->draw(m_frame->ui(), screen, notices_in(m_desk->language()));
  ImGui::End();
  finish_frame();
  switch (action) {
    case op::OperatorAction::None:
      break;
    case op::OperatorAction::OpenStatusCheck:
    case op::OperatorAction::OpenFailureReport:
      m_citizen->open_counter_errand(action == op::OperatorAction::OpenStatusCheck
                                         ? CounterErrand::StatusCheck
                                         : CounterErrand::FailureReport,
                                     m_desk->flow().language(), now);
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

// A code the barcode scanner read while the operator's screens show.
bool App::poll_counter_barcode(double now) {
  const std::optional<std::string> code = m_devices.read_code();  // poll_barcode checked there is a scanner
  if (!code) return false;
  // A code shown to the scanner is the operator at work, like a touch: it puts off the idle logout.
  m_desk->touched(now);
  if (!m_desk->code_scanned(*code)) spdlog::info("counter: a scanned code was not for the desk");
  return true;
}

}  // namespace pk::kiosk
