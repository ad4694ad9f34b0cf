#include "kiosk/outage_notices.h"

#include "ui/screen_kit.h"

namespace pk::kiosk {

float draw_outage_notices(ui::Ui& ui, const ui::Rect& area, std::span<const std::string> notices,
                          std::string_view more_below) {
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
  // The "more below" label takes a line under the region.
  const float label_h = t.small_px * 1.6f;
  // A room too small for a line of notice and the label (A+ on a small panel) keeps all its
  // height for the notices: the scrollbar alone says there is more.
  const bool labelled = !more_below.empty() && area.height() - label_h >= t.small_px * 3;
  const ui::Rect room{area.min, {area.max.x, labelled ? area.max.y - label_h : area.max.y}};
  float scroll = 0;  // ImGui keeps the region's own offset from frame to frame
  const float bar = ImGui::GetStyle().ScrollbarSize + t.gap / 2;  // ImGui's bar is on the right
  const ImVec2 origin = ui::begin_scroll(ui, "notices", room, scroll);
  const float used = draw_all(origin, room.width() - bar);
  const bool more = used - ImGui::GetScrollY() > room.height() + 2;
  const float fade_h = t.small_px * 2.2f;
  // The cut line fades out instead of ending through its letters.
  if (more && room.height() >= 2 * fade_h) ui::fade_region_foot(ui, room, fade_h);
  ui::end_scroll(ui, used, scroll);
  if (more && labelled) ui::more_below_pill(ui, room, more_below, label_h);
  return area.height();
}

}  // namespace pk::kiosk
