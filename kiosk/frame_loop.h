#pragma once
// The loop both full-screen programs run, the kiosk (App::run) and the service-required screen
// (ServiceScreen::run): sleep until input or until the next timed event is due, let the program
// do what is due between frames, draw the frames it owes, and feed systemd's watchdog once per
// turn (READY=1 after the first frame; kiosk/watchdog.h). It returns 0 when the window is asked
// to close (SIGTERM from systemd included).
#include <functional>
#include <string_view>

#include "ui/platform.h"

namespace pk::kiosk {

struct FrameLoopHooks {
  // How long the loop may sleep (milliseconds) when no frame is owed, at monotonic `now`.
  std::function<int(double now)> wait_ms;
  // After the sleep: what is due between frames (input seen, timers, devices); returns how many
  // frames to draw from now (ImGui settles hover and layout over a couple of frames).
  std::function<int(double now, bool had_input)> between_frames;
  std::function<void(double now)> render;
};

// `status` is the one line `systemctl status` shows.
int run_frame_loop(ui::Platform& platform, std::string_view status, const FrameLoopHooks& hooks);

// Monotonic seconds, the clock every frame and session timer of the kiosk reads.
[[nodiscard]] double monotonic_seconds();

}  // namespace pk::kiosk
