// The App in technician mode (reached from the welcome screen, PIN protected): the technician's
// desk draws its frame, and the App lends it what only the App holds: the devices it has open
// (a self-test of one runs on the kiosk's own handle), the factory reset that closes every
// handle on the data folder, and taking on a new enrollment.
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <ctime>

#include "kiosk/app.h"
#include "kiosk/operator/operator_desk.h"
#include "provisioning/factory_reset.h"

namespace pk::kiosk {

void App::render_technician_frame(double now) {
  poll_barcode(now);  // the Enrollment tab reads the centre's QR code
  const ui::Rect screen = m_frame->begin(now, is_rtl(m_config.language), "##technician");
  tech::TechContext ctx{.ui = m_frame->ui(),
                        .keyboard = m_citizen->keyboard(),
                        .flow = m_tech->flow(),
                        .catalog = m_catalog,
                        .language = m_config.language,
                        .screen = screen,
                        .terminal_id = m_config.terminal_id};
  const bool was_logged_in = m_tech->flow().logged_in();
  const bool left = m_tech->draw(ctx);
  ImGui::End();
  finish_frame();
  if (left) {
    (void)m_store->append_audit("technician", "technician_logout", "");
    return;
  }
  tech::TechServices services{*m_store,
                              m_levels->ledger(),
                              m_config,
                              m_catalog,
                              *m_text,
                              {},
                              static_cast<int64_t>(std::time(nullptr)),
                              {}};
  // A self-test of the connection the kiosk opened runs on the kiosk's own device (a second
  // handle on it would be refused as busy); run() leaves it alone until the test ends.
  services.lend_device = [this](provisioning::DeviceRole role, const std::string& connection) -> Device* {
    return m_devices.lend(role, connection);
  };
  // A factory reset closes every handle on the data folder, wipes it, and starts over from
  // first boot: an empty store, no centre key (nothing is accepted until enrolled again).
  services.factory_reset = [this](const provisioning::ResetPlan& plan) -> Result<provisioning::ResetReport> {
    const bool counter = m_desk != nullptr;
    m_desk.reset();  // it holds the store and the printer; opened again below
    m_sync.reset();
    m_levels->close();
    m_devices.close_printer();
    m_store.reset();
    auto report = provisioning::execute_factory_reset(plan);
    auto store = store::Store::open(m_config.data_dir / "pishkhan.db");
    if (!store) {
      // The data folder is unusable: stop, and let systemd start the kiosk afresh.
      spdlog::critical("after the factory reset the store cannot be opened: {}", store.error().message);
      std::abort();
    }
    m_store = std::move(store.value());
    m_centre_key.reset();
    if (auto desk = counter ? open_operator_desk() : Result<void>{}; !desk) {
      spdlog::critical("after the factory reset the counter cannot start: {}", desk.error().message);
      std::abort();
    }
    return report;
  };
  services.enrolled = [this](const provisioning::EnrollOutcome& outcome) { adopt_enrollment(outcome); };
  m_tech->perform(ctx, services);
  if (!was_logged_in && m_tech->flow().logged_in())
    m_tech->refresh(m_levels->ledger(), m_levels->problem(), *m_store, m_catalog,
                    m_devices.summary(m_config, m_config.language), m_config.language);
}

}  // namespace pk::kiosk
