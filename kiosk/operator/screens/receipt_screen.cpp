#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

void draw_receipt_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const ui::Rect body = draw_operator_header(ctx).inset(t.margin, t.margin);
  ui::Rect card{body.min, {body.max.x, body.max.y - t.touch_target * 1.6f}};
  ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max, t.surface, t.radius);
  card = card.inset(t.margin, t.margin);
  float y = card.min.y;
  y += ui::text_in(ctx.ui, {{card.min.x, y}, card.max}, ctx.tr(strings::kSavedTitle),
                   {.size_px = t.display_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center},
                   t.text);
  if (const catalog::Service* service = ctx.flow.service())
    y += ui::text_in(ctx.ui, {{card.min.x, y}, card.max},
                     format_number(service->number, ctx.lang()) + ". " + ctx.tr(service->title),
                     {.size_px = t.body_px, .align = ui::TextAlign::Center}, t.text_muted);
  y += 2 * t.gap;
  y += ui::text_in(ctx.ui, {{card.min.x, y}, card.max}, ctx.tr(kiosk::strings::kTrackingCode),
                   {.size_px = t.title_px, .align = ui::TextAlign::Center}, t.text_muted);
  // The code itself, large, left to right in both languages (digit groups read that way).
  y += ui::text_in(ctx.ui, {{card.min.x, y}, card.max}, s.receipt.tracking_display,
                   {.size_px = 1.6f * t.display_px,
                    .weight = ui::Weight::Bold,
                    .align = ui::TextAlign::Center,
                    .direction = ui::BaseDirection::LeftToRight},
                   t.primary);
  y += 2 * t.gap;
  if (s.receipt.printed) {
    ui::text_in(ctx.ui, {{card.min.x, y}, card.max}, ctx.tr(strings::kPrinted),
                {.size_px = t.title_px, .align = ui::TextAlign::Center}, t.text);
  } else {
    ui::message_band(ctx.ui, {{card.min.x, y}, card.max},
                     std::string(ctx.tr(strings::kNotPrinted)) + " " + s.receipt.print_problem,
                     ui::Tone::Notice);
  }
  const ui::Rect row = ui::foot_row(body, t.touch_target * 1.2f);
  if (ui::button(ctx.ui, "finish", ctx.ui.from_start(row, 0, 620 * t.scale), ctx.tr(strings::kDone),
                 ui::ButtonKind::Primary, t.title_px))
    ctx.flow.finish();
}

}  // namespace pk::kiosk::op
