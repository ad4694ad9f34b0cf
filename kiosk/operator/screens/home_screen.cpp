#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"
#include "kiosk/outage_notices.h"

namespace pk::kiosk::op {

void draw_home_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const ui::Rect body = draw_operator_header(ctx).inset(t.margin, t.margin);
  float y = body.min.y;
  // Planned outages first, as on the kiosk's welcome screen: the operator tells the walk-ins.
  if (!ctx.notices.empty())
    y += draw_outage_notices(ctx.ui, {{body.min.x, y}, body.max}, ctx.notices,
                             ctx.tr(kiosk::strings::kMoreBelow)) +
         t.gap / 2;
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(strings::kHomeTitle),
                   {.size_px = t.display_px, .weight = ui::Weight::Bold}, t.text);
  y += t.gap;
  if (!ctx.can_take_applications) {
    y += ui::message_band(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(kiosk::strings::kNotEnrolledCounter),
                          ui::Tone::Error) +
         t.gap;
  }
  // Two large tiles: the counter's two jobs, side by side from the start edge.
  const float tile_w = (body.width() - t.gap) / 2;
  const ui::Rect tiles{{body.min.x, y}, {body.max.x, y + 300 * t.scale}};
  const ui::Rect new_tile = ctx.ui.from_start(tiles, 0, tile_w);
  const ui::Rect outbox_tile = ctx.ui.from_start(tiles, tile_w + t.gap, tile_w);
  if (ui::button(ctx.ui, "new", new_tile, ctx.tr(strings::kNewApplication), ui::ButtonKind::Primary,
                 t.display_px))
    ctx.flow.open_new_application();
  if (ui::button(ctx.ui, "outbox", outbox_tile, ctx.tr(strings::kOutbox), ui::ButtonKind::Secondary,
                 t.display_px) &&
      ctx.flow.open_outbox())
    ctx.action = OperatorAction::LoadOutbox;
  y = tiles.max.y + t.gap / 2;
  const float below = ui::text_in(ctx.ui, {{new_tile.min.x, y}, {new_tile.max.x, body.max.y}},
                                  ctx.tr(strings::kNewApplicationHint), {.size_px = t.body_px}, t.text_muted);
  ui::text_in(ctx.ui, {{outbox_tile.min.x, y}, {outbox_tile.max.x, body.max.y}}, ctx.tr(strings::kOutboxHint),
              {.size_px = t.body_px}, t.text_muted);
  y += below + 2 * t.gap;

  // How much is waiting for the centre, at a glance.
  std::string summary =
      std::string(ctx.tr(strings::kPendingCount)) + " " + format_number(s.outbox.pending, ctx.lang());
  if (s.outbox.oldest_age_seconds)
    summary += "   —   " + std::string(ctx.tr(strings::kOldest)) + " " +
               format_age(ctx, *s.outbox.oldest_age_seconds);
  ui::Rect band{{body.min.x, y}, {body.max.x, y + t.touch_target}};
  ImGui::GetWindowDrawList()->AddRectFilled(band.min, band.max, t.surface, t.radius);
  ui::text_in(ctx.ui, band.inset(t.gap, 0), summary, {.size_px = t.title_px, .weight = ui::Weight::Bold},
              s.outbox.pending > 0 ? t.notice_text : t.text, true);
  y = band.max.y + 2 * t.gap;

  // A walk-in's other errands: the kiosk's own status check and failure report (with its
  // receipt), opened on the citizen's screens; back here when done.
  const ui::Rect errands{{body.min.x, y}, {body.max.x, y + t.touch_target * 1.1f}};
  const float label_w = 420 * t.scale;
  const float errand_w = std::min(520 * t.scale, (errands.width() - label_w - 2 * t.gap) / 2);
  ui::text_in(ctx.ui, ctx.ui.from_start(errands, 0, label_w), ctx.tr(strings::kWalkInErrands),
              {.size_px = t.body_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.text_muted, true);
  if (ui::button(ctx.ui, "walkin/status", ctx.ui.from_start(errands, label_w + t.gap, errand_w),
                 ctx.tr(strings::kWalkInStatus), ui::ButtonKind::Secondary))
    ctx.action = OperatorAction::OpenStatusCheck;
  if (ui::button(ctx.ui, "walkin/report",
                 ctx.ui.from_start(errands, label_w + errand_w + 2 * t.gap, errand_w),
                 ctx.tr(strings::kWalkInReport), ui::ButtonKind::Secondary))
    ctx.action = OperatorAction::OpenFailureReport;
}

}  // namespace pk::kiosk::op
