#include <algorithm>

#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"
#include "kiosk/outage_notices.h"
#include "kiosk/strings/technician_strings.h"

namespace pk::kiosk {
namespace {

// Every language as a button named in itself (فارسی, دری, پښتو, English), the session's own
// marked: a citizen finds their language without reading another first. Widget ids
// "language/<code>" (fa, prs, ps, en).
void draw_language_choice(ScreenContext& ctx, const ui::Rect& area) {
  const ui::Theme& t = ctx.ui.theme();
  const float count = static_cast<float>(kLanguages.size());
  const float width = std::min((area.width() - (count - 1) * t.gap) / count, t.em(260));
  const float used = count * width + (count - 1) * t.gap;
  const ui::Rect row{{area.center().x - used / 2, area.min.y}, {area.center().x + used / 2, area.max.y}};
  float offset = 0;
  for (const Language language : kLanguages) {
    const std::string id = "language/" + std::string(language_code(language));
    const ui::ButtonKind kind = language == ctx.lang() ? ui::ButtonKind::Primary : ui::ButtonKind::Quiet;
    if (ui::button(ctx.ui, id, ctx.ui.from_start(row, offset, width).inset(0, t.gap / 2),
                   native_name(language), kind))
      ctx.flow.choose_language(language);
    offset += width + t.gap;
  }
}

}  // namespace

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
  const float languages_h = t.touch_target + t.margin;
  const float errands_h = start_h + t.margin + t.touch_target * 1.1f + languages_h;
  const float welcome_h = t.display_px * 1.6f + t.gap;
  const ui::TextStyle hint_style{
      .size_px = t.title_px, .max_width = column_width, .align = ui::TextAlign::Center};
  const float hint_text_h = ctx.ui.text().layout(ctx.tr(strings::kWelcomeHint), hint_style).size.y;
  // Planned outages announced by the centre come first, ahead of time, where nobody misses them.
  if (!ctx.notices.empty()) {
    // With notices, the welcome hint gives way first: the notices and the errands matter more.
    const float room = body.height() - bottom_band - errands_h - welcome_h - t.margin;
    y += draw_outage_notices(ctx.ui, {{x0, y}, {x0 + column_width, y + room}}, ctx.notices,
                             ctx.tr(kiosk::strings::kMoreBelow)) +
         t.margin;
  } else {
    y += body.height() * 0.08f;
  }

  ui::Rect line{{x0, y}, {x0 + column_width, y + t.display_px * 1.6f}};
  ui::text_in(ctx.ui, line, ctx.tr(strings::kWelcome),
              {.size_px = t.display_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center}, t.text);
  y = line.max.y + t.gap;
  // Without notices the hint keeps its roomy three lines; with them, only the room it needs.
  // Where that does not fit beside the language row (a small screen), the hint's own height.
  const float room_for_hint = body.max.y - bottom_band - errands_h - y - 2 * t.margin;
  float hint_h = ctx.notices.empty() ? t.title_px * 3.4f : hint_text_h + t.gap;
  if (hint_h > room_for_hint) hint_h = hint_text_h + t.gap;
  if (room_for_hint >= hint_h) {
    line = {{x0, y}, {x0 + column_width, y + hint_h}};
    ui::text_in(ctx.ui, line, ctx.tr(strings::kWelcomeHint), hint_style, t.text_muted);
    y = line.max.y + 2 * t.margin;
  } else {
    y += t.margin;
  }

  // With A+ on a short panel the errands may not fit even without the hint: "start" gives way
  // first (never lower than the other errands), so the language row stays clear of the
  // technician's button and the footer.
  const float overflow = y + errands_h - (body.max.y - bottom_band);
  const float start_height = overflow > 0 ? std::max(t.touch_target * 1.1f, start_h - overflow) : start_h;
  const float start_width = t.em(560);
  const ui::Rect start{{body.center().x - start_width / 2, y},
                       {body.center().x + start_width / 2, y + start_height}};
  if (ui::button(ctx.ui, "start", start, ctx.tr(strings::kStart), ui::ButtonKind::Primary, t.display_px,
                 pictograms::kStart))
    ctx.flow.start();

  // The two other errands, side by side under "start": check a request, report a failure.
  const float second_width = t.em(420);
  const ui::Rect row{
      {body.center().x - second_width - t.gap / 2, start.max.y + t.margin},
      {body.center().x + second_width + t.gap / 2, start.max.y + t.margin + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "status", ctx.ui.from_start(row, 0, second_width), ctx.tr(strings::kStatusCheck),
                 ui::ButtonKind::Secondary, 0, pictograms::kStatus))
    ctx.flow.open_status_check();
  if (ui::button(ctx.ui, "report", ctx.ui.from_start(row, second_width + t.gap, second_width),
                 ctx.tr(strings::kReportFailure), ui::ButtonKind::Secondary, 0, pictograms::kReport))
    ctx.flow.open_failure_report();

  draw_language_choice(ctx, {{x0, row.max.y + t.margin}, {x0 + column_width, row.max.y + languages_h}});

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
