#pragma once
// The centre's planned-outage notices, already worded (sla::format_notice), one band each: the
// kiosk's welcome screen shows them, and the counter's login and desk screens the same way.
#include <span>
#include <string>
#include <string_view>

#include "ui/widgets.h"

namespace pk::kiosk {

// Draws the notices from the top of `area`; returns the height used (0 when there are none).
// Notices that need more than `area`'s height scroll inside it: the screen under them stays put.
// While some are below its edge, the last lines fade and `more_below` (the session's words for
// "more below") sits under them, since a thin scrollbar alone does not tell a citizen.
float draw_outage_notices(ui::Ui& ui, const ui::Rect& area, std::span<const std::string> notices,
                          std::string_view more_below);

}  // namespace pk::kiosk
