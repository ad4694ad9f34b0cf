// The outbox: every application not yet delivered to the centre, oldest first, how long it has
// waited, how many attempts and the last error; the operator can tell a citizen why.
#include "domain/tracking_code.h"
#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

void draw_outbox_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const ui::Rect body = draw_operator_toolbar(ctx, draw_operator_header(ctx).inset(t.margin, t.gap),
                                              ctx.tr(strings::kOutboxTitle));
  const ui::Rect top{body.min, {body.max.x, body.min.y + t.touch_target}};
  std::string summary =
      std::string(ctx.tr(strings::kPendingCount)) + " " + format_number(s.outbox.pending, ctx.lang());
  if (s.outbox.oldest_age_seconds)
    summary += "   —   " + std::string(ctx.tr(strings::kOldest)) + " " +
               format_age(ctx, *s.outbox.oldest_age_seconds);
  const float refresh_w = 300 * t.scale;
  ui::text_in(ctx.ui, ctx.ui.from_start(top, 0, top.width() - refresh_w - t.gap), summary,
              {.size_px = t.title_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.text, true);
  if (ui::button(ctx.ui, "refresh", ctx.ui.from_start(top, top.width() - refresh_w, refresh_w),
                 ctx.tr(strings::kRefresh), ui::ButtonKind::Secondary))
    ctx.action = OperatorAction::LoadOutbox;
  ui::Rect list{{body.min.x, top.max.y + t.gap}, body.max};
  if (!s.outbox.problem.empty()) {
    list.min.y += ui::message_band(ctx.ui, list, s.outbox.problem, ui::Tone::Error) + t.gap;
  }
  if (s.outbox.rows.empty()) {
    ui::text_in(ctx.ui, list.inset(0, t.margin), ctx.tr(strings::kOutboxEmpty),
                {.size_px = t.title_px, .align = ui::TextAlign::Center}, t.text_muted);
    return;
  }
  const float row_h = 110 * t.scale;
  const float usable = list.width() - ImGui::GetStyle().ScrollbarSize - t.gap / 2;
  float scroll = s.list_scroll;
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "outbox_rows", list, scroll);
  const ui::Rect content{origin, {origin.x + usable, origin.y + 1}};
  for (size_t i = 0; i < s.outbox.rows.size(); ++i) {
    const OutboxRow& r = s.outbox.rows[i];
    const float y = origin.y + static_cast<float>(i) * (row_h + t.gap / 2);
    const ui::Rect row{{content.min.x, y}, {content.max.x, y + row_h}};
    auto code = parse_tracking_code(r.tracking_code);
    const std::string shown = code ? format(code.value(), ctx.lang()) : r.tracking_code;
    const std::string age = std::string(ctx.tr(strings::kAge)) + ": " + format_age(ctx, r.age_seconds);
    const std::string why = r.last_error.empty()
                                ? std::string(ctx.tr(strings::kNotTriedYet))
                                : format_number(r.attempts, ctx.lang()) + " " + ctx.tr(strings::kAttempts) +
                                      " — " + ctx.tr(strings::kLastError) + " " + r.last_error;
    (void)ui::list_row(ctx.ui, "outbox/" + r.tracking_code, row,
                       format_number(static_cast<int64_t>(i + 1), ctx.lang()), shown, why, age);
  }
  ui::end_scroll(ctx.ui, static_cast<float>(s.outbox.rows.size()) * (row_h + t.gap / 2), scroll);
  ctx.flow.remember_scroll(scroll);
}

}  // namespace pk::kiosk::op
