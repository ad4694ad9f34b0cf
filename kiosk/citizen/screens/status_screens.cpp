#include <algorithm>
#include <utility>

#include "domain/text_normalize.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"

namespace pk::kiosk {

namespace {

// What has been typed so far in the receipt's own grouping ("1234-5678-90"), digits only.
std::string grouped_so_far(std::string_view typed, catalog::Language language) {
  const std::string ascii = to_ascii_digits(typed);
  std::string grouped;
  int digits = 0;
  for (const char c : ascii) {
    if (c < '0' || c > '9') continue;
    if (digits > 0 && digits % 4 == 0) grouped += '-';
    grouped += c;
    ++digits;
  }
  return uses_persian_digits(language) ? to_persian_digits(grouped) : grouped;
}

int digits_in(std::string_view typed) {
  int n = 0;
  for (const char c : to_ascii_digits(typed)) n += c >= '0' && c <= '9';
  return n;
}

}  // namespace

static void draw_status_entry(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kStatusTitle));
  body = draw_keyboard(ctx, body);
  const float column = std::min(body.width() * 0.5f, t.em(900));
  const ui::Rect col = ctx.ui.from_start(body, 0, column);
  float y = col.min.y;
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, ctx.tr(strings::kStatusHint), {.size_px = t.body_px},
                   t.text_muted) +
       t.gap;
  const ui::Rect used = draw_field(ctx, {{col.min.x, y}, col.max}, strings::kTrackingCode,
                                   Field::TrackingCode, s.tracking_input);
  y = used.max.y + t.gap / 2;
  // Fourteen digits in a row are hard to check against the receipt: they are echoed below in
  // the receipt's groups of four, with how many are in.
  if (const int typed = digits_in(s.tracking_input); typed > 0) {
    const std::string count = format_number(typed, ctx.lang()) + " / " + format_number(14, ctx.lang());
    const float h =
        ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, grouped_so_far(s.tracking_input, ctx.lang()),
                    {.size_px = t.title_px,
                     .weight = ui::Weight::Bold,
                     .align = ui::TextAlign::Center,
                     .direction = ui::BaseDirection::LeftToRight},
                    t.primary);
    ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, count, {.size_px = t.small_px}, t.text_muted);
    y += h + t.gap / 2;
  }
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.tracking_error, ui::Tone::Error) + t.gap;
  const ui::Rect row{{col.min.x, y + t.gap}, {col.max.x, y + t.gap + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "lookup", ctx.ui.from_start(row, 0, t.em(420)), ctx.tr(strings::kLookUp),
                 ui::ButtonKind::Primary, t.title_px, pictograms::kSearch)) {
    if (ctx.flow.status_lookup_requested()) ctx.action = PendingAction::LookUpStatus;
  }
}

// The back office's words under the status: a heading in the session's language, then staff's
// text in a box. Staff write Persian or English whatever the citizen's session, so the text is
// laid out by its own script, not the session's direction. A long text drops to the small size
// before anything is cut, and is cut (with "…") only where it would reach the Finish button.
static void draw_status_details(ScreenContext& ctx, const ui::Rect& area,
                                const std::vector<StatusDetail>& details) {
  if (details.empty()) return;
  const ui::Theme& t = ctx.ui.theme();
  const float inner_width = area.width() - 2 * t.gap;
  const auto text_style = [&](const StatusDetail& detail, float px) {
    return ui::TextStyle{
        .size_px = px, .max_width = inner_width, .direction = ui::direction_by_script(detail.text)};
  };
  const ui::TextStyle heading{.size_px = t.body_px, .weight = ui::Weight::Bold};
  const float heading_h = ctx.ui.text().measure("X", heading).y;
  float needed = 0;
  for (const StatusDetail& detail : details)
    needed += heading_h + t.gap / 2 +
              ctx.ui.text().layout(detail.text, text_style(detail, t.body_px)).size.y + t.gap * 2;
  const float px = needed <= area.height() ? t.body_px : t.small_px;
  float y = area.min.y;
  for (const StatusDetail& detail : details) {
    if (y + heading_h >= area.max.y) break;
    y += ui::text_in(ctx.ui, {{area.min.x, y}, area.max}, detail.heading, heading, t.text) + t.gap / 2;
    ui::TextStyle style = text_style(detail, px);
    const float line_h = ctx.ui.text().layout("X", style).line_height;
    style.max_lines = std::max(1, static_cast<int>((area.max.y - y - t.gap) / line_h));
    const float h = ctx.ui.text().layout(detail.text, style).size.y + t.gap;
    ImGui::GetWindowDrawList()->AddRectFilled({area.min.x, y}, {area.max.x, y + h}, t.surface, t.radius / 2);
    ui::text_in(ctx.ui, ui::Rect{{area.min.x, y}, {area.max.x, area.max.y}}.inset(t.gap, t.gap / 2),
                detail.text, style, t.text);
    y += h + t.gap;
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
  y += t.gap;
  // Which application this is and when it was saved: the citizen checks it is theirs. Each line
  // has its speaker at its end: the service's says the catalog's name, the date's says the date
  // only because the person tapped it (it is theirs, not said when the screen opens).
  const ui::TextStyle line_style{.size_px = t.body_px, .align = ui::TextAlign::Center};
  for (const auto& [label, value] : {std::pair{strings::kStatusService, &status.service},
                                     std::pair{strings::kStatusSavedAt, &status.saved_at}}) {
    if (value->empty()) continue;
    const std::string line = std::string(ctx.tr(label)) + ": " + *value;
    if (!ctx.speech) {
      y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, line, line_style, t.text_muted);
      continue;
    }
    const float side = speaker_size(ctx);
    // The line keeps a speaker's width free on both sides, so it stays centred.
    const ui::Rect text_room{{body.min.x + side + t.gap, y}, {body.max.x - side - t.gap, body.max.y}};
    const ImVec2 text_size = ctx.ui.text().measure(line, line_style);
    const float text_w = std::min(text_size.x, text_room.width());
    const float h = std::max(side, text_size.y);
    ui::text_in(ctx.ui, {{text_room.min.x, y + (h - text_size.y) / 2}, text_room.max}, line, line_style,
                t.text_muted);
    const ui::Rect speaker = ctx.ui.from_start({{body.min.x, y}, {body.max.x, y + side}},
                                               (body.width() + text_w) / 2 + t.gap / 2, side);
    if (label.key == strings::kStatusService.key && status.spoken.service) {
      say_button(ctx, "speak/status/service", speaker, *status.spoken.service);
    } else if (label.key == strings::kStatusSavedAt.key &&
               speaker_button(ctx, "speak/status/saved_at", speaker)) {
      ctx.speech->say_value_asked_for(*value, ctx.lang());
    }
    y += h + t.gap / 2;
  }
  y += t.gap;
  y += ui::notice(ctx.ui, {{body.min.x, y}, body.max}, status.message, status.found ? t.badge : t.notice_bg,
                  status.found ? t.text : t.notice_text);
  if (!status.next_step.empty()) {
    y += t.gap;
    y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, status.next_step,
                     {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
  }
  const float bw = t.em(460);
  const ui::Rect finish{{body.center().x - bw / 2, body.max.y - t.touch_target * 1.3f},
                        {body.center().x + bw / 2, body.max.y}};
  draw_status_details(ctx, {{body.min.x, y + t.margin}, {body.max.x, finish.min.y - t.gap}}, status.details);
  if (ui::button(ctx.ui, "finish", finish, ctx.tr(strings::kFinish), ui::ButtonKind::Primary, t.title_px,
                 pictograms::kHome))
    ctx.flow.home();
}

void draw_status_screens(ScreenContext& ctx) {
  if (ctx.flow.state().screen == CitizenScreen::StatusEntry)
    draw_status_entry(ctx);
  else
    draw_status_result(ctx);
}

}  // namespace pk::kiosk
