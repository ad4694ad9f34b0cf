#pragma once
// The one-shot commands of pishkhan-kiosk (kiosk/main.cpp reads the command line and starts the
// terminal): each does its job and returns the process's exit status.
#include <string>
#include <string_view>

#include "kiosk/app.h"
#include "kiosk/config.h"

namespace pk::kiosk {

// --add-operator ID / --add-technician ID: the PIN is read from the first line of standard
// input, so it appears in no process list and no shell history. Exit 0 when saved, 2 for a
// bad id or PIN, 1 for I/O. Operators and technicians are kept in separate files.
[[nodiscard]] int add_account_command(const Config& config, const std::string& id, std::string_view role);

// --enroll CODE: exit 0 when enrolled (or already enrolled with this centre), 2 for a mistyped
// code or bad arguments, 1 for anything the centre or the network refused.
[[nodiscard]] int enroll_command(const Config& config, const std::string& code, const std::string& url,
                                 const std::string& pin);

// --status-check CODE (a tracking code main() has checked): after the sync worker has asked the
// centre about the code (or 30 s have passed), the citizen's status check for it, its result
// screen written to `png`. Exit 0 when the screen was written, 1 when not.
[[nodiscard]] int status_check_command(App& app, const std::string& code, const std::string& png);

}  // namespace pk::kiosk
