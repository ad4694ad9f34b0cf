#include "kiosk/format.h"
#include "kiosk/screens/outage_notices.h"
#include "kiosk/screens/screen.h"
#include "kiosk/technician/technician_strings.h"

namespace pk::kiosk {

void draw_welcome_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect body = draw_header(ctx).inset(t.margin, t.margin);
  const float column_width = std::min(body.width(), t.em(1100));
  const float x0 = body.center().x - column_width / 2;
  float y = body.min.y;
  // The bottom band (the technician's button, the footer) and the errands above it are fixed;
  // notices get what is left between the top and them, and scroll there when there are many.
  const float bottom_band = t.touch_target * 0.8f + t.gap;
  const float start_h = t.em(150);
  const float errands_h = start_h + t.margin + t.touch_target * 1.1f;
  const float welcome_h = t.display_px * 1.6f + t.gap;
  const ui::TextStyle hint_style{
      .size_px = t.title_px, .max_width = column_width, .align = ui::TextAlign::Center};
  const float hint_text_h = ctx.ui.text().layout(ctx.tr(strings::kWelcomeHint), hint_style).size.y;
  // Planned outages announced by the centre come first, ahead of time, where nobody misses them.
  if (!ctx.notices.empty()) {
    // With notices, the welcome hint gives way first: the notices and the errands matter more.
    const float room = body.height() - bottom_band - errands_h - welcome_h - t.margin;
    y += draw_outage_notices(ctx.ui, {{x0, y}, {x0 + column_width, y + room}}, ctx.notices) + t.margin;
  } else {
    y += body.height() * 0.16f;
  }

  ui::Rect line{{x0, y}, {x0 + column_width, y + t.display_px * 1.6f}};
  ui::text_in(ctx.ui, line, ctx.tr(strings::kWelcome),
              {.size_px = t.display_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center}, t.text);
  y = line.max.y + t.gap;
  // Without notices the hint keeps its roomy three lines; with them, only the room it needs.
  const float hint_h = ctx.notices.empty() ? t.title_px * 3.4f : hint_text_h + t.gap;
  if (body.max.y - bottom_band - errands_h - y >= hint_h + 2 * t.margin) {
    line = {{x0, y}, {x0 + column_width, y + hint_h}};
    ui::text_in(ctx.ui, line, ctx.tr(strings::kWelcomeHint), hint_style, t.text_muted);
    y = line.max.y + 2 * t.margin;
  } else {
    y += t.margin;
  }

  const float start_width = t.em(560);
  const ui::Rect start{{body.center().x - start_width / 2, y},
                       {body.center().x + start_width / 2, y + start_h}};
  if (ui::button(ctx.ui, "start", start, ctx.tr(strings::kStart), ui::ButtonKind::Primary, t.display_px))
    ctx.flow.start();

  // The two other errands, side by side under "start": check a request, report a failure.
  const float second_width = t.em(420);
  const ui::Rect row{
      {body.center().x - second_width - t.gap / 2, start.max.y + t.margin},
      {body.center().x + second_width + t.gap / 2, start.max.y + t.margin + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "status", ctx.ui.from_start(row, 0, second_width), ctx.tr(strings::kStatusCheck),
                 ui::ButtonKind::Secondary))
    ctx.flow.open_status_check();
  if (ui::button(ctx.ui, "report", ctx.ui.from_start(row, second_width + t.gap, second_width),
                 ctx.tr(strings::kReportFailure), ui::ButtonKind::Secondary))
    ctx.flow.open_failure_report();

  // A visible (small) way in for the technician: technician mode never hides behind a gesture.
  const float tech_w = t.em(200);
  if (ui::button(ctx.ui, "technician",
                 ctx.ui.from_start({{body.min.x, body.max.y - t.touch_target * 0.8f}, body.max},
                                   body.width() - tech_w, tech_w),
                 ctx.tr(tech::strings::kTitle), ui::ButtonKind::Quiet, t.small_px))
    ctx.action = PendingAction::OpenTechnician;

  // Terminal and catalog identity, small at the bottom: what a technician asks for on the phone.
  const std::string footer = std::string(ctx.tr(strings::kCatalogVersion)) + " " +
                             format_number(ctx.catalog.version, ctx.lang()) + kSeparator +
                             ctx.config.terminal_id;
  const ui::Rect foot{{body.min.x, body.max.y - t.small_px * 1.5f}, body.max};
  ui::text_in(ctx.ui, foot, footer, {.size_px = t.small_px, .align = ui::TextAlign::Center}, t.text_muted);
}

}  // namespace pk::kiosk
