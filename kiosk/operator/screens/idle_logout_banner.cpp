// The idle logout's countdown, over every operator screen during its last seconds.
#include <imgui.h>

#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

void draw_idle_logout_banner(OperatorScreenContext& ctx) {
  const std::optional<int>& left = ctx.flow.state().logout_in_seconds;
  if (!left) return;
  const ui::Theme& t = ctx.ui.theme();
  // Just under the header, across the screen: where the operator's eyes come back to.
  const float height = t.touch_target * 1.4f;
  const ui::Rect band{{ctx.screen.min.x, ctx.screen.min.y + t.header_height},
                      {ctx.screen.max.x, ctx.screen.min.y + t.header_height + height}};
  ImGui::SetNextWindowPos(band.min);
  ImGui::SetNextWindowSize({band.width(), band.height()});
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##idle_logout", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::GetWindowDrawList()->AddRectFilled(band.min, band.max, t.notice_bg);
  const std::string text = std::string(ctx.tr(strings::kIdleLogoutIn)) + " " +
                           format_number(*left, ctx.lang()) + " " + ctx.tr(strings::kIdleLogoutSeconds) +
                           " — " + ctx.tr(strings::kTouchToStay);
  // The whole band is the touch target; any touch anywhere keeps the session too.
  (void)ui::button(ctx.ui, "stay", band, "", ui::ButtonKind::Quiet);
  ui::text_in(
      ctx.ui, band.inset(t.margin, 0), text,
      {.size_px = t.title_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center, .max_lines = 1},
      t.notice_text, true);
  ImGui::End();
}

}  // namespace pk::kiosk::op
