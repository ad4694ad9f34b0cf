#include "kiosk/outage_notices.h"

namespace pk::kiosk {

float draw_outage_notices(ui::Ui& ui, const ui::Rect& area, std::span<const std::string> notices) {
  const ui::Theme& t = ui.theme();
  float needed = 0;
  for (const std::string& text : notices) needed += ui::notice_height(ui, area.width(), text) + t.gap / 2;
  const auto draw_all = [&](ImVec2 origin, float width) {
    float used = 0;
    for (const std::string& text : notices)
      used += ui::notice(ui, {{origin.x, origin.y + used}, {origin.x + width, origin.y + used + 1}}, text,
                         t.notice_bg, t.notice_text) +
              t.gap / 2;
    return used;
  };
  if (needed <= area.height()) return draw_all(area.min, area.width());
  // More than the room the screen gives them: they scroll in that room (a finger drags them,
  // the scrollbar says there is more) rather than push the buttons under them off the screen.
  float scroll = 0;  // ImGui keeps the region's own offset from frame to frame
  const float bar = ImGui::GetStyle().ScrollbarSize + t.gap / 2;  // ImGui's bar is on the right
  const ImVec2 origin = ui::begin_scroll(ui, "notices", area, scroll);
  const float used = draw_all(origin, area.width() - bar);
  ui::end_scroll(ui, used, scroll);
  return area.height();
}

}  // namespace pk::kiosk
