#include "domain/text_normalize.h"
#include "domain/utf8.h"
#include "kiosk/operator/screens/operator_screen.h"
#include "kiosk/outage_notices.h"
#include "kiosk/strings/technician_strings.h"

namespace pk::kiosk::op {

void draw_login_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  ui::Rect body = draw_operator_header(ctx).inset(t.margin, t.margin);
  // The keypad stays up on this screen: there is nothing else to type with.
  if (!s.keyboard_open) ctx.flow.focus(s.id_input.empty() ? OpField::OperatorId : OpField::Pin);
  // A visible (small) way in for the technician, at the bottom corner as on the kiosk's welcome
  // screen: a counter terminal is enrolled and set up the same way.
  const float tech_w = 260 * t.scale;
  const ui::Rect foot = ui::foot_row(body, t.touch_target * 0.8f);
  if (ui::button(ctx.ui, "technician", ctx.ui.from_start(foot, foot.width() - tech_w, tech_w),
                 ctx.tr(tech::strings::kTitle), ui::ButtonKind::Quiet, t.small_px))
    ctx.action = OperatorAction::OpenTechnician;
  body.max.y = foot.min.y - t.gap;
  const ui::Rect col = draw_operator_keypad(ctx, body);
  const ui::Rect form = ctx.ui.from_start(col, 0, std::min(col.width(), 900 * t.scale));
  float y = form.min.y;
  // Planned outages, as the kiosk's welcome screen shows them: what the counter tells walk-ins.
  if (!ctx.notices.empty())
    y += draw_outage_notices(ctx.ui, {{form.min.x, y}, form.max}, ctx.notices,
                             ctx.tr(kiosk::strings::kMoreBelow)) +
         t.gap / 2;
  y += ui::text_in(ctx.ui, {{form.min.x, y}, form.max}, ctx.tr(strings::kLoginTitle),
                   {.size_px = t.display_px, .weight = ui::Weight::Bold}, t.text);
  y += ui::text_in(ctx.ui, {{form.min.x, y}, form.max}, ctx.tr(strings::kLoginHint), {.size_px = t.body_px},
                   t.text_muted);
  y += 1.5f * t.gap;
  const std::string id_shown = ctx.flow.rtl() ? to_persian_digits(s.id_input) : to_ascii_digits(s.id_input);
  ui::Rect used = draw_operator_field(ctx, {{form.min.x, y}, form.max}, ctx.tr(strings::kOperatorId),
                                      OpField::OperatorId, id_shown);
  y = used.max.y + 1.5f * t.gap;
  // The PIN is masked: one dot per digit typed, never the digits.
  std::string dots;
  for (size_t i = 0, n = utf8::decode(s.pin_input).size(); i < n; ++i) dots += "●";
  used = draw_operator_field(ctx, {{form.min.x, y}, form.max}, ctx.tr(strings::kPin), OpField::Pin, dots);
  y = used.max.y + t.gap;
  if (!s.login_error.empty()) {
    y += ui::message_band(ctx.ui, {{form.min.x, y}, form.max}, s.login_error, ui::Tone::Error) + t.gap;
  }
  const ui::Rect row{{form.min.x, y + t.gap}, {form.max.x, y + t.gap + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "login", ctx.ui.from_start(row, 0, 420 * t.scale), ctx.tr(strings::kLogin),
                 ui::ButtonKind::Primary, t.title_px) &&
      ctx.flow.login_requested())
    ctx.action = OperatorAction::Login;
}

}  // namespace pk::kiosk::op
