#pragma once
// The enrolled identity's terminal id, number, office and centre URL are the centre's word:
// they override the configuration file's. Used at start (kiosk/main.cpp) and when a technician
// enrolls the running kiosk from its screen (App::adopt_enrollment), so both end up alike.
#include "kiosk/config.h"
#include "provisioning/terminal_identity.h"

namespace pk::kiosk {

// An empty centre.url still means "no sync": it stays empty.
void apply_enrolled_identity(Config& config, const provisioning::TerminalIdentity& identity);
// Reads <data_dir>/keys/identity.json and applies it when there is one (a damaged one is logged
// and ignored: the terminal is then not enrolled).
void apply_enrolled_identity(Config& config);

}  // namespace pk::kiosk
