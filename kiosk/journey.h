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

// The on-screen keys (widget ids) a citizen taps to type `text`; numeric keypads carry
// Persian digits.
std::vector<std::string> keys_for(std::string_view text, bool numeric_pad);

}  // namespace pk::kiosk
