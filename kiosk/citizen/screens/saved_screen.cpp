#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"

namespace pk::kiosk {

void draw_saved_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const SavedOutcome& saved = ctx.flow.state().saved;
  const ui::Rect body = draw_header(ctx).inset(t.margin, t.margin);
  const float column = std::min(body.width(), t.em(1200));
  const ui::Rect col{{body.center().x - column / 2, body.min.y}, {body.center().x + column / 2, body.max.y}};
  float y = col.min.y + t.margin;
  const Text& title = saved.is_failure_report ? strings::kReportSavedTitle : strings::kSavedTitle;
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, ctx.tr(title),
                   {.size_px = t.display_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center},
                   t.text);
  y += t.margin;

  // The code, big, in a box: what the citizen copies down if the receipt did not print.
  const ui::Rect code_box{{col.min.x, y}, {col.max.x, y + t.em(230)}};
  ImGui::GetWindowDrawList()->AddRectFilled(code_box.min, code_box.max, t.surface, t.radius);
  ImGui::GetWindowDrawList()->AddRect(code_box.min, code_box.max, t.primary, t.radius, 0, 3 * t.scale);
  ui::text_in(ctx.ui, {{code_box.min.x, code_box.min.y + t.gap}, code_box.max},
              ctx.tr(strings::kTrackingCode), {.size_px = t.body_px, .align = ui::TextAlign::Center},
              t.text_muted);
  // Digits and dashes read left to right in both languages.
  ui::text_in(ctx.ui, {{code_box.min.x, code_box.min.y + t.gap + t.body_px * 1.6f}, code_box.max},
              saved.tracking_display,
              {.size_px = t.display_px * 1.3f,
               .weight = ui::Weight::Bold,
               .align = ui::TextAlign::Center,
               .direction = ui::BaseDirection::LeftToRight},
              t.primary);
  // The code is the citizen's own: it is said only when this button, beside it, is tapped
  // (the one use of SpokenGuidance::say_value_asked_for), never when the screen opens.
  if (ctx.speech) {
    const float side = speaker_size(ctx);
    const ui::Rect at = ctx.ui.from_start(code_box.inset(t.gap, t.gap), 0, side);
    if (speaker_button(ctx, "speak/tracking_code", {at.min, {at.max.x, at.min.y + side}})) {
      std::string digits = saved.tracking_display;
      ctx.speech->say_value_asked_for(std::move(digits), ctx.lang());
    }
  }
  y = code_box.max.y + t.margin;

  if (saved.printed) {
    y +=
        ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, ctx.tr(strings::kReceiptPrinted), ui::Tone::Done);
  } else {
    std::string why = ctx.tr(strings::kReceiptNotPrinted);
    if (!saved.print_problem.empty()) why += " (" + saved.print_problem + ")";
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, why, ui::Tone::Error);
  }
  y += t.gap;
  // Where it is now: on this terminal until the centre acknowledges it, then at the centre (the
  // App watches the store while this screen shows, so the line changes as soon as it arrives).
  const Text& where = saved.delivered
                          ? (saved.is_failure_report ? strings::kReportDelivered : strings::kSavedDelivered)
                          : (saved.is_failure_report ? strings::kReportSavedOffline : strings::kSavedOffline);
  // Above "finish": a smaller size when the line would otherwise run under it (larger text).
  const float bw = t.em(460);
  const float finish_top = body.max.y - t.touch_target * 1.3f;
  float where_px = t.body_px;
  if (y + ctx.ui.text().layout(ctx.tr(where), {.size_px = where_px, .max_width = col.width()}).size.y >
      finish_top - t.gap)
    where_px = t.small_px;
  ui::text_in(ctx.ui, {{col.min.x, y}, {col.max.x, finish_top - t.gap}}, ctx.tr(where),
              {.size_px = where_px,
               .weight = saved.delivered ? ui::Weight::Bold : ui::Weight::Regular,
               .align = ui::TextAlign::Center},
              saved.delivered ? t.primary : t.text_muted);

  const ui::Rect finish{{body.center().x - bw / 2, finish_top}, {body.center().x + bw / 2, body.max.y}};
  if (ui::button(ctx.ui, "finish", finish, ctx.tr(strings::kFinish), ui::ButtonKind::Primary, t.title_px,
                 pictograms::kHome))
    ctx.flow.home();
}

}  // namespace pk::kiosk
