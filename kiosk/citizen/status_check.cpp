#include "kiosk/citizen/status_check.h"

#include <string>

#include "domain/tracking_code.h"
#include "kiosk/citizen/journey.h"

namespace pk::kiosk {

Result<StatusOutcome> run_status_check(App& app, std::string_view typed, const std::filesystem::path& png) {
  auto code = parse_tracking_code(typed);
  if (!code) return code.error();
  double now = 1000;  // a fixed clock, as the journey's: no idle timeout in between
  app.render_frame(now);
  if (app.flow().state().screen != CitizenScreen::Welcome)
    return make_error("status check: the kiosk did not start at its welcome screen");
  // As the journey does it: the taps of one step, then two frames for the next screen to lay
  // out (the keypad appears once the entry screen is drawn).
  const auto step = [&](const std::vector<std::string>& taps) -> Result<void> {
    for (const std::string& id : taps) {
      now += 0.3;
      if (!app.tap(id, now)) return make_error("status check: no widget \"" + id + "\" on the screen");
    }
    app.render_frame(now + 0.1);
    app.render_frame(now + 0.2);
    now += 1;
    return {};
  };
  if (auto opened = step({"status"}); !opened) return opened.error();
  if (auto keyed = step(keys_for(code.value().digits(), true)); !keyed) return keyed.error();
  if (auto looked = step({"lookup"}); !looked) return looked.error();
  const CitizenState& state = app.flow().state();
  if (state.screen != CitizenScreen::StatusResult)
    return make_error(
        "status check: the lookup did not reach the result screen" +
        (state.tracking_error.empty() ? std::string(" (see the log)") : ": " + state.tracking_error));
  if (auto written = app.screenshot(png); !written) return written.error();
  return state.status;
}

}  // namespace pk::kiosk
