#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/citizen/screens/screen_guide.h"

namespace pk::kiosk {

ui::Rect draw_header(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  ui::HeaderBand band(ctx.ui, ctx.screen, t.header);

  // The language switch sits at the end edge, where it does not compete with the title. It
  // steps through the languages in the welcome screen's order, and names (in itself) the one a
  // touch switches to; the welcome screen offers them all at once.
  const ui::Rect lang = band.take_end(t.em(220)).inset(0, t.gap);
  const Language next = next_language(ctx.lang());
  if (ui::button(ctx.ui, "lang", lang, native_name(next), ui::ButtonKind::Secondary, t.small_px,
                 pictograms::kLanguage)) {
    ctx.flow.choose_language(next);
  }
  // "Finish" on every screen of a session: leaving is always one tap, and wipes everything.
  if (ctx.flow.state().screen != CitizenScreen::Welcome && ctx.flow.state().screen != CitizenScreen::Saved) {
    const ui::Rect finish = band.take_end(t.em(200)).inset(0, t.gap);
    if (ui::button(ctx.ui, "finish_session", finish, ctx.tr(strings::kFinish), ui::ButtonKind::Secondary,
                   t.small_px, pictograms::kHome))
      ctx.flow.home();
  }
  // A+: larger text on every screen for the rest of this session. Filled while it is on, so
  // the state shows; the next tap goes back to the normal size.
  const ui::Rect size_button = band.take_end(t.em(110)).inset(0, t.gap);
  const bool larger = ctx.flow.state().text_size != ui::TextSize::Normal;
  if (ui::button(ctx.ui, "text_size", size_button, ctx.tr(strings::kTextSize),
                 larger ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary, t.body_px))
    ctx.flow.next_text_size();

  // Spoken guidance: says this screen's title and prompt again.
  if (ctx.speech) {
    const float side = std::min(speaker_size(ctx), band.height() - 2 * t.gap);
    const ui::Rect speaker = band.take_end(side).inset(0, t.gap);
    if (speaker_button(ctx, "speak_screen", {speaker.min, {speaker.min.x + side, speaker.min.y + side}}))
      ctx.speech->say_screen(screen_guide(ctx.flow.state(), ctx.catalog), ctx.lang());
  }
  band.title(ctx.tr(strings::kAppTitle));
  return band.below();
}

}  // namespace pk::kiosk
