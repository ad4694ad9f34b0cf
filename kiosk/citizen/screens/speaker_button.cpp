// The speaker button of spoken guidance: a square button with a loudspeaker drawn as vector
// paths (no font has the glyph, and no bitmap is scaled up), sized by the theme so that a larger
// text size enlarges it with the text.
#include <cmath>

#include "kiosk/citizen/screens/screen.h"

namespace pk::kiosk {

float speaker_size(const ScreenContext& ctx) { return ctx.ui.theme().touch_target; }

bool speaker_button(ScreenContext& ctx, std::string_view id, const ui::Rect& rect) {
  if (!ctx.speech) return false;
  const bool tapped = ui::button(ctx.ui, id, rect, "", ui::ButtonKind::Secondary);
  const ui::Theme& t = ctx.ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float s = std::min(rect.width(), rect.height()) * 0.6f;
  const ImVec2 o{rect.center().x - s / 2, rect.center().y - s / 2};
  ctx.ui.record_image("speaker", {o, {o.x + s, o.y + s}});
  auto at = [&](float x, float y) { return ImVec2{o.x + x * s, o.y + y * s}; };
  // The box and the cone, facing the end of the line the way the text reads.
  const ImVec2 cone[] = {at(0.05f, 0.35f), at(0.28f, 0.35f), at(0.55f, 0.1f),
                         at(0.55f, 0.9f),  at(0.28f, 0.65f), at(0.05f, 0.65f)};
  draw->AddConvexPolyFilled(cone, static_cast<int>(std::size(cone)), t.primary);
  // Two sound waves.
  const float width = std::max(2.0f, 3 * t.scale);
  for (float r : {0.2f, 0.38f}) {
    draw->PathArcTo(at(0.55f, 0.5f), r * s, -0.9f, 0.9f, 12);
    draw->PathStroke(t.primary, 0, width);
  }
  return tapped;
}

void say_button(ScreenContext& ctx, std::string_view id, const ui::Rect& rect, const Prompt& prompt) {
  if (speaker_button(ctx, id, rect)) ctx.speech->say(prompt, ctx.lang());
}

}  // namespace pk::kiosk
