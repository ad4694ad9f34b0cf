#pragma once
// The citizen's status check, headless (pishkhan-kiosk --headless --status-check CODE
// --screenshot F): from the welcome screen, the status button, the code typed on the on-screen
// keypad and the look-up button, as a citizen would; then the result screen as a PNG.
#include <filesystem>
#include <string_view>

#include "domain/result.h"
#include "kiosk/app.h"
#include "kiosk/citizen/citizen_state.h"

namespace pk::kiosk {

// `typed` is the code as given (separators and Persian digits allowed); its digits are what is
// typed. Fails, saying why, when the code is refused, a widget is missing, the lookup did not
// reach the result screen or the PNG cannot be written. Returns what the result screen shows.
Result<StatusOutcome> run_status_check(App& app, std::string_view typed, const std::filesystem::path& png);

}  // namespace pk::kiosk
