#include "kiosk/frame_loop.h"

#include <algorithm>
#include <chrono>

#include "kiosk/watchdog.h"

namespace pk::kiosk {

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

int run_frame_loop(ui::Platform& platform, std::string_view status, const FrameLoopHooks& hooks) {
  Watchdog watchdog = Watchdog::from_environment();
  watchdog.status(status);
  int frames_to_draw = 3;  // ImGui settles hover and layout over a couple of frames
  for (;;) {
    const int timeout_ms = frames_to_draw > 0 ? 0 : hooks.wait_ms(monotonic_seconds());
    bool had_input = false;
    if (!platform.pump_events(timeout_ms, had_input)) return 0;
    const double now = monotonic_seconds();
    frames_to_draw = std::max(frames_to_draw, hooks.between_frames(now, had_input));
    if (frames_to_draw > 0) {
      hooks.render(now);
      --frames_to_draw;
    }
    watchdog.alive(now);
  }
}

}  // namespace pk::kiosk
