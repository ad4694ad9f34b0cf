#pragma once
// The "service required" screen, shown instead of the citizen screens when the kiosk is in a
// crash loop (kiosk/crash_loop.h) or when started with --service-screen (systemd's
// pishkhan-service-screen.service, started when the kiosk unit gave up). It needs only the
// display and the fonts: no store, catalog or device, so it comes up even while whatever
// broke the kiosk is still broken. Persian first, English under it, no buttons: the citizen
// is sent to the counter (the operator of a counter terminal to the technician) and the
// technician to the logs.
#include <filesystem>
#include <memory>
#include <string>

#include "domain/result.h"
#include "kiosk/config.h"
#include "kiosk/strings.h"
#include "ui/platform.h"
#include "ui/text/text_engine.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace pk::kiosk {

struct ServiceScreenInfo {
  std::string terminal_id;
  int unclean_starts = 0;                     // 0: not known (started by systemd's OnFailure unit)
  TerminalMode mode = TerminalMode::Citizen;  // who stands in front of it: a citizen, or an operator
};

// What the screen tells the person in front of it: a citizen is sent to the counter; at the
// counter terminal the operator is told to call the technician and serve elsewhere.
[[nodiscard]] const Text& service_hint(TerminalMode mode);

class ServiceScreen {
 public:
  [[nodiscard]] static Result<std::unique_ptr<ServiceScreen>> create(ServiceScreenInfo info,
                                                                     const ui::PlatformOptions& options);
  void render_frame(double now);
  [[nodiscard]] Result<void> screenshot(const std::filesystem::path& png) const {
    return m_platform->screenshot(png);
  }
  // Shows the screen until the window is asked to close (SIGTERM from systemd included),
  // feeding systemd's watchdog. Returns the exit code (0).
  int run();

 private:
  ServiceScreen() = default;

  ServiceScreenInfo m_info;
  std::unique_ptr<ui::Platform> m_platform;
  std::unique_ptr<ui::TextEngine> m_text;
  ui::Theme m_theme;
  std::unique_ptr<ui::Ui> m_ui;
  double m_last_frame = 0;
};

}  // namespace pk::kiosk
