#include "kiosk/screens/screen.h"

namespace pk::kiosk {

static void draw_status_entry(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kStatusTitle));
  body = draw_keyboard(ctx, body);
  const float column = std::min(body.width() * 0.5f, 900 * t.scale);
  const ui::Rect col = ctx.ui.from_start(body, 0, column);
  float y = col.min.y;
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, ctx.tr(strings::kStatusHint), {.size_px = t.body_px},
                   t.text_muted) +
       t.gap;
  const ui::Rect used = draw_field(ctx, {{col.min.x, y}, col.max}, ctx.tr(strings::kTrackingCode),
                                   Field::TrackingCode, s.tracking_input);
  y = used.max.y + t.gap / 2;
  y += draw_error(ctx, {{col.min.x, y}, col.max}, s.tracking_error) + t.gap;
  const ui::Rect row{{col.min.x, y + t.gap}, {col.max.x, y + t.gap + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "lookup", ctx.ui.from_start(row, 0, 420 * t.scale), ctx.tr(strings::kLookUp),
                 ui::ButtonKind::Primary, t.title_px)) {
    if (ctx.flow.status_lookup_requested()) ctx.action = PendingAction::LookUpStatus;
  }
}

static void draw_status_result(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const StatusOutcome& status = ctx.flow.state().status;
  const ui::Rect body =
      draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kStatusTitle));
  float y = body.min.y + t.margin;
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, status.tracking_display,
                   {.size_px = t.display_px,
                    .weight = ui::Weight::Bold,
                    .align = ui::TextAlign::Center,
                    .direction = ui::BaseDirection::LeftToRight},
                   t.primary);
  y += t.margin;
  ui::notice(ctx.ui, {{body.min.x, y}, body.max}, status.message, status.found ? t.badge : t.notice_bg,
             status.found ? t.text : t.notice_text);
  const float bw = 460 * t.scale;
  const ui::Rect finish{{body.center().x - bw / 2, body.max.y - t.touch_target * 1.3f},
                        {body.center().x + bw / 2, body.max.y}};
  if (ui::button(ctx.ui, "finish", finish, ctx.tr(strings::kFinish), ui::ButtonKind::Primary, t.title_px))
    ctx.flow.home();
}

void draw_status_screens(ScreenContext& ctx) {
  if (ctx.flow.state().screen == CitizenScreen::StatusEntry)
    draw_status_entry(ctx);
  else
    draw_status_result(ctx);
}

}  // namespace pk::kiosk
