#include <imgui.h>

#include <algorithm>

#include "kiosk/citizen/screens/passport_chip_notice.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/identity/identity_documents.h"

namespace pk::kiosk {

void draw_identify_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kIdentifyTitle));
  body = draw_keyboard(ctx, body, KeyboardPlace::Beside);

  // The fields take the start half; the keyboard or keypad (when up) sits at the end half.
  const float column = std::min(body.width() * 0.5f, t.em(900));
  const ui::Rect whole = ctx.ui.from_start(body, 0, column);
  // The buttons keep the column's foot and the form above them scrolls when it is taller than
  // its room (larger text with a check's message of two lines), as the review screen's summary
  // does: "next" never leaves the screen.
  const ui::Rect next = ui::foot_row(whole, t.touch_target * 1.1f);
  const ui::Rect form{whole.min, {whole.max.x, next.min.y - t.gap}};
  float form_scroll = 0;  // ImGui keeps the region's own offset from frame to frame
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "identify_form", form, form_scroll);
  // When the form scrolls (its height is known from the frame before), the scrollbar sits at the
  // right edge in both directions and the fields stop short of it.
  const float bar = ImGui::GetScrollMaxY() > 0 ? ImGui::GetStyle().ScrollbarSize + t.gap / 3 : 0;
  const ui::Rect col{{origin.x, origin.y}, {origin.x + form.width() - bar, origin.y + form.height()}};
  float y = col.min.y;
  // The hint gives way when the form would not fit under it (larger text on a 16:9 panel): the
  // document choices and their labels say the same, and "next" must stay on the screen.
  if (body.height() >= t.em(700)) {
    y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, ctx.tr(strings::kIdHint), {.size_px = t.body_px},
                     t.text_muted);
    y += t.gap;
  }

  // The four documents as two rows of two: long names ("Amayesh card") keep one line each.
  const float tab_w = (col.width() - t.gap) / 2;
  const float tab_h = t.touch_target * 0.8f;
  for (size_t i = 0; i < std::size(kIdDocumentChoices); ++i) {
    const IdDocument& doc = kIdDocumentChoices[i];
    const float row_y = y + static_cast<float>(i / 2) * (tab_h + t.gap / 2);
    const ui::Rect row{{col.min.x, row_y}, {col.max.x, row_y + tab_h}};
    ui::Rect choice = ctx.ui.from_start(row, static_cast<float>(i % 2) * (tab_w + t.gap), tab_w);
    if (ctx.speech) {  // spoken guidance: a speaker at the choice's start says the document's name
      const ui::Rect speaker = ctx.ui.from_start(choice, 0, tab_h);
      say_button(ctx, "speak/" + std::string(doc.widget_id), speaker, doc.name);
      choice = ctx.ui.from_start(choice, tab_h + t.gap / 3, tab_w - tab_h - t.gap / 3);
    }
    if (ui::tab(ctx.ui, doc.widget_id, choice, ctx.tr(doc.name), s.identity.kind == doc.kind))
      ctx.flow.set_id_kind(doc.kind);
  }
  y += 2 * tab_h + t.gap / 2 + 1.5f * t.gap;

  const Text& number_label = id_document(s.identity.kind).number_label;
  ui::Rect used =
      draw_field(ctx, {{col.min.x, y}, col.max}, number_label, Field::IdNumber, s.identity.number);
  y = used.max.y + t.gap / 2;
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.identity.number_error, ui::Tone::Error);
  if (!s.identity.read_from_chip.empty()) {
    // Said plainly, so the citizen can check the chip read their own passport.
    const std::string_view lead = ctx.tr(strings::kReadFromChip);
    std::string read_from_chip;  // the holder's name: reserved, so no smaller copy is left behind
    read_from_chip.reserve(lead.size() + 1 + s.identity.read_from_chip.size());
    read_from_chip.append(lead).append(" ").append(s.identity.read_from_chip);
    const WipeAtScopeEnd wipe_name(read_from_chip);
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, read_from_chip, ui::Tone::Done);
  } else if (s.identity.chip && *s.identity.chip != cardreader::icao::PassiveAuth::Verified) {
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max},
                          chip_unverified_line(*s.identity.chip, ctx.lang()), ui::Tone::Notice);
  }
  y += t.gap;

  // Optional: many who come have no Iranian SIM; a number from another country goes with +.
  used = draw_field(ctx, {{col.min.x, y}, col.max}, strings::kMobileOptional, Field::Mobile,
                    s.identity.mobile, ctx.tr(strings::kMobileExample));
  y = used.max.y + t.gap / 2;
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.identity.mobile_error, ui::Tone::Error);
  ui::end_scroll(ctx.ui, y - origin.y, form_scroll);

  // Two buttons side by side within the form's column (the keypad is beside it).
  const float button_w = std::min(t.em(420), (column - t.gap) / 2);
  if (ui::button(ctx.ui, "next", ctx.ui.from_start(next, 0, button_w), ctx.tr(strings::kNext),
                 ui::ButtonKind::Primary, t.title_px, pictograms::kContinue))
    ctx.flow.identify_next();
  // A passport with a chip fills the number itself: faster and free of typing mistakes.
  if (ctx.has_card_reader &&
      ui::button(ctx.ui, "read_passport", ctx.ui.from_start(next, button_w + t.gap, button_w),
                 ctx.tr(strings::kReadPassport), ui::ButtonKind::Secondary))
    ctx.flow.open_passport_reader();
}

}  // namespace pk::kiosk
