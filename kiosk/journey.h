#pragma once
// The scripted citizen journey: what the product command shows on a machine with no display.
// It taps the real widgets (by id) of a headless kiosk, one screen after another, and writes a
// numbered PNG of every screen to a folder. It is also the end-to-end smoke test of the UI.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "kiosk/app.h"

namespace pk::kiosk {

Result<void> run_journey(App& app, const std::filesystem::path& out_dir);

// The application part of the journey with this identity (ASCII digits, typed on the keypad
// key by key): from the welcome screen to the tracking code, with no screenshots. `now` is the
// clock of the first tap; returns the clock after the last. For the memory probe.
Result<double> apply_as_citizen(App& app, std::string_view national_code, std::string_view mobile,
                                double now);

// The on-screen keys (widget ids) a citizen taps to type `text`; numeric keypads carry
// Persian digits.
std::vector<std::string> keys_for(std::string_view text, bool numeric_pad);

}  // namespace pk::kiosk
