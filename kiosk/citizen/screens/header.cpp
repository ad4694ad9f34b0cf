#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/citizen/screens/screen_guide.h"

namespace pk::kiosk {

ui::Rect draw_header(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect band{ctx.screen.min, {ctx.screen.max.x, ctx.screen.min.y + t.header_height}};
  ImGui::GetWindowDrawList()->AddRectFilled(band.min, band.max, t.header);
  const ui::Rect inner = band.inset(t.margin, 0);

  // The language switch sits at the end edge, where it does not compete with the title. It
  // steps through the languages in the welcome screen's order, and names (in itself) the one a
  // touch switches to; the welcome screen offers them all at once.
  const float lang_width = t.em(220);
  ui::Rect lang = ctx.ui.from_start(inner, inner.width() - lang_width, lang_width).inset(0, t.gap);
  const Language next = next_language(ctx.lang());
  if (ui::button(ctx.ui, "lang", lang, native_name(next), ui::ButtonKind::Secondary, t.small_px,
                 pictograms::kLanguage)) {
    ctx.flow.choose_language(next);
  }
  float end_used = lang_width + t.gap;
  // "Finish" on every screen of a session: leaving is always one tap, and wipes everything.
  if (ctx.flow.state().screen != CitizenScreen::Welcome && ctx.flow.state().screen != CitizenScreen::Saved) {
    const float finish_width = t.em(200);
    const ui::Rect finish =
        ctx.ui.from_start(inner, inner.width() - end_used - finish_width, finish_width).inset(0, t.gap);
    if (ui::button(ctx.ui, "finish_session", finish, ctx.tr(strings::kFinish), ui::ButtonKind::Secondary,
                   t.small_px, pictograms::kHome))
      ctx.flow.home();
    end_used += finish_width + t.gap;
  }
  // A+: larger text on every screen for the rest of this session. Filled while it is on, so
  // the state shows; the next tap goes back to the normal size.
  const float size_width = t.em(110);
  const ui::Rect size_button =
      ctx.ui.from_start(inner, inner.width() - end_used - size_width, size_width).inset(0, t.gap);
  const bool larger = ctx.flow.state().text_size != ui::TextSize::Normal;
  if (ui::button(ctx.ui, "text_size", size_button, ctx.tr(strings::kTextSize),
                 larger ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary, t.body_px))
    ctx.flow.next_text_size();
  end_used += size_width + t.gap;

  // Spoken guidance: says this screen's title and prompt again.
  if (ctx.speech) {
    const float side = std::min(speaker_size(ctx), inner.height() - 2 * t.gap);
    const ui::Rect speaker = ctx.ui.from_start(inner, inner.width() - end_used - side, side).inset(0, t.gap);
    if (speaker_button(ctx, "speak_screen", {speaker.min, {speaker.min.x + side, speaker.min.y + side}}))
      ctx.speech->say_screen(screen_guide(ctx.flow.state(), ctx.catalog), ctx.lang());
    end_used += side + t.gap;
  }
  const ui::Rect title = ctx.ui.from_start(inner, 0, inner.width() - end_used);
  ui::text_in(ctx.ui, title, ctx.tr(strings::kAppTitle),
              {.size_px = t.title_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.on_header, true);
  return {{ctx.screen.min.x, band.max.y}, ctx.screen.max};
}

}  // namespace pk::kiosk
