// The review's panel of actions on the selected page: rotate, delete, move, rescan, keep a
// set-aside page, assign to a required document.
#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

void draw_review_actions(OperatorScreenContext& ctx, const ui::Rect& panel) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const catalog::Service* service = ctx.flow.service();
  ImGui::GetWindowDrawList()->AddRectFilled(panel.min, panel.max, t.surface, t.radius);
  const ui::Rect inner = panel.inset(t.gap, t.gap);
  float y = inner.min.y;
  if (!s.selected || *s.selected >= s.pages.size() || !service) {
    ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max}, ctx.tr(strings::kSelectHint), {.size_px = t.body_px},
                t.text_muted);
    return;
  }
  const ReviewPage& page = s.pages[*s.selected];
  y += ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max},
                   std::string(ctx.tr(strings::kSelected)) + ": " + format_number(page.sequence, ctx.lang()),
                   {.size_px = t.title_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.text);
  y += t.gap / 2;
  // Two columns of buttons, each a full touch target.
  const float bh = t.touch_target * 0.9f;
  const float bw = (inner.width() - t.gap) / 2;
  int slot = 0;
  auto next_rect = [&]() {
    const ui::Rect row{{inner.min.x, y}, {inner.max.x, y + bh}};
    const ui::Rect r = ctx.ui.from_start(row, static_cast<float>(slot % 2) * (bw + t.gap), bw);
    if (++slot % 2 == 0) y += bh + t.gap / 2;
    return r;
  };
  if (ui::button(ctx.ui, "rotate", next_rect(), ctx.tr(strings::kRotate), ui::ButtonKind::Secondary))
    ctx.flow.rotate_selected();
  if (ui::button(ctx.ui, "delete", next_rect(), ctx.tr(strings::kDelete), ui::ButtonKind::Secondary)) {
    ctx.flow.delete_selected();
    return;  // the page is gone: nothing more to draw about it
  }
  if (ui::button(ctx.ui, "earlier", next_rect(), ctx.tr(strings::kEarlier), ui::ButtonKind::Secondary))
    ctx.flow.move_selected(Direction::Earlier);
  if (ui::button(ctx.ui, "later", next_rect(), ctx.tr(strings::kLater), ui::ButtonKind::Secondary))
    ctx.flow.move_selected(Direction::Later);
  if (ui::button(ctx.ui, "rescan", next_rect(), ctx.tr(strings::kRescan), ui::ButtonKind::Secondary)) {
    ctx.flow.rescan_selected();
    return;
  }
  if (page.role != PageRole::Content &&
      ui::button(ctx.ui, "keep", next_rect(), ctx.tr(strings::kKeep), ui::ButtonKind::Secondary))
    ctx.flow.keep_selected();
  if (slot % 2 == 1) y += bh + t.gap / 2;
  y += t.gap / 2;
  y += ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max}, ctx.tr(strings::kAssignTo),
                   {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text_muted);
  y += t.gap / 2;
  const float ah = t.touch_target * 0.75f;
  for (size_t d = 0; d < service->documents.size(); ++d) {
    const ui::Rect r{{inner.min.x, y}, {inner.max.x, y + ah}};
    const bool current = page.role == PageRole::Content && page.document == static_cast<int>(d);
    if (ui::tab(ctx.ui, "assign/" + service->documents[d].kind, r, ctx.tr(service->documents[d].title),
                current))
      ctx.flow.assign_selected(static_cast<int>(d));
    y += ah + t.gap / 2;
  }
}

}  // namespace pk::kiosk::op
