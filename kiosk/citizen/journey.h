#pragma once
// The scripted citizen journey: what the product command shows on a machine with no display.
// It taps the real widgets (by id) of a headless kiosk, one screen after another, and writes a
// numbered PNG of every screen to a folder. It is also the end-to-end smoke test of the UI.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "kiosk/app.h"

namespace pk::kiosk {

struct JourneyOptions {
  // The citizen taps A+ until the screens show this size (again after each session ends).
  ui::TextSize text_size = ui::TextSize::Normal;
  // Called after each screen the journey pictures, with the picture's name ("05-service-card"),
  // while that frame's widgets are still recorded; an error stops the journey with it.
  std::function<Result<void>(std::string_view shot)> on_screen;
};

// Starts in the session's language (ui.language / --language) and types its search there;
// late in the journey the citizen switches to the other language.
Result<void> run_journey(App& app, const std::filesystem::path& out_dir, const JourneyOptions& options = {});

// The application part of the journey with this identity (ASCII digits, typed on the keypad
// key by key): from the welcome screen to the tracking code, with no screenshots. `now` is the
// clock of the first tap; returns the clock after the last. For the memory probe.
Result<double> apply_as_citizen(App& app, std::string_view national_code, std::string_view mobile,
                                double now);

// The on-screen keys (widget ids) a citizen taps to type `text`; numeric keypads carry
// Persian digits.
std::vector<std::string> keys_for(std::string_view text, bool numeric_pad);

}  // namespace pk::kiosk
