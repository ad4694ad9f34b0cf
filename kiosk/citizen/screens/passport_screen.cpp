// Reading an electronic passport's chip to fill the identification: the citizen types the
// three MRZ items that unlock it (Basic Access Control); the chip gives the rest.
#include "kiosk/citizen/screens/screen.h"

namespace pk::kiosk {

void draw_passport_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kPassportTitle));
  body = draw_keyboard(ctx, body);
  float y = body.min.y;
  // The hint, or what went wrong with the last read in its place: the full keyboard leaves
  // room for one line above the fields.
  if (s.mrz.error.empty())
    y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(strings::kPassportHint),
                     {.size_px = t.small_px, .max_lines = 2}, t.text_muted);
  else
    y += ui::message_band(ctx.ui, {{body.min.x, y}, body.max}, s.mrz.error, ui::Tone::Error);
  y += t.gap / 2;

  // The three items and the button side by side, in the order they are printed.
  const float w = (body.width() - 3 * t.gap) / 4;
  const ui::Rect row{{body.min.x, y}, body.max};
  auto slot = [&](int i) { return ctx.ui.from_start(row, static_cast<float>(i) * (w + t.gap), w); };
  const ui::Rect used =
      draw_field(ctx, slot(0), strings::kMrzDocument, Field::MrzDocument, s.mrz.document, "L898902C");
  draw_field(ctx, slot(1), strings::kMrzBirth, Field::MrzBirth, s.mrz.birth, "690806");
  draw_field(ctx, slot(2), strings::kMrzExpiry, Field::MrzExpiry, s.mrz.expiry, "940623");
  ui::Rect button = slot(3);
  button.min.y = used.max.y - t.touch_target;
  button.max.y = used.max.y;
  if (ui::button(ctx.ui, "read_passport_now", button, ctx.tr(strings::kReadNow), ui::ButtonKind::Primary,
                 t.title_px) &&
      ctx.flow.passport_read_requested())
    ctx.action = PendingAction::ReadPassport;
}

}  // namespace pk::kiosk
