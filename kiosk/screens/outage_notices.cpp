#include "kiosk/screens/outage_notices.h"

namespace pk::kiosk {

float draw_outage_notices(ui::Ui& ui, const ui::Rect& area, std::span<const std::string> notices) {
  const ui::Theme& t = ui.theme();
  float used = 0;
  for (const std::string& text : notices)
    used += ui::notice(ui, {{area.min.x, area.min.y + used}, area.max}, text, t.notice_bg, t.notice_text) +
            t.gap / 2;
  return used;
}

}  // namespace pk::kiosk
