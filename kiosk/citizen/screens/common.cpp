// Pieces every citizen screen shares: toolbar, keyboard, fields, the idle dialog (laid out with
// ui/screen_kit.h; what is the citizen's here: spoken labels, the flow's fields).
#include <algorithm>
#include <cmath>

#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"
#include "kiosk/identity/identity_documents.h"

namespace pk::kiosk {

ui::Rect draw_toolbar(ScreenContext& ctx, const ui::Rect& body, std::string_view title) {
  const ui::BarDrawn bar = ui::back_bar(ctx.ui, body,
                                        {.back_label = ctx.tr(strings::kBack),
                                         .title = title,
                                         .fit = ui::TitleFit::TwoLines,
                                         .back_pictogram = pictograms::kBack});
  if (bar.back_tapped) ctx.flow.back();
  return bar.below;
}

static bool numeric_field(const CitizenState& s) {
  switch (s.field) {
    case Field::IdNumber:
      return typed_as_digits(s.identity.kind);
    case Field::Mobile:
    case Field::TrackingCode:
    case Field::MrzBirth:
    case Field::MrzExpiry:
      return true;
    default:
      return false;
  }
}

// Passport numbers are Latin letters and digits, whatever language the session is in.
static bool latin_field(const CitizenState& s) {
  return s.field == Field::MrzDocument || (s.field == Field::IdNumber && !typed_as_digits(s.identity.kind));
}

// Room for what one frame of typing (or a paste) adds to a field, beyond its current size.
constexpr size_t kFieldRoomBytes = 640;

// The control keys speak the session's language, whichever letters the keyboard shows.
void set_keyboard_words(ScreenContext& ctx) {
  ctx.keyboard.set_labels({.erase_digit = ctx.tr(strings::kKeyEraseDigit),
                           .erase_letter = ctx.tr(strings::kKeyEraseLetter),
                           .space = ctx.tr(strings::kKeySpace),
                           .zwnj = ctx.tr(strings::kKeyZwnj)});
}

ui::Rect draw_keyboard(ScreenContext& ctx, const ui::Rect& body, KeyboardPlace place) {
  const CitizenState& s = ctx.flow.state();
  const std::string* value = ctx.flow.field_value(s.field);
  if (!s.keyboard_open || !value) return body;
  const bool numeric = numeric_field(s);
  ctx.keyboard.lock_numeric(numeric);
  set_keyboard_words(ctx);
  if (numeric)  // a mobile number may be another country's: its pad has a "+"
    ctx.keyboard.set_layout(s.field == Field::Mobile ? ui::KeyboardLayout::Phone
                                                     : ui::KeyboardLayout::Numeric);
  else if (latin_field(s))
    ctx.keyboard.set_layout(ui::KeyboardLayout::English);
  else if (ui::is_pad(ctx.keyboard.layout()))
    ctx.keyboard.set_layout(ctx.flow.rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
  const ui::Theme& t = ctx.ui.theme();
  // At most three quarters of the body: the field typed into and what it filters stay in view.
  const float height = std::min(ctx.keyboard.preferred_height(t), body.height() * 0.75f);
  ui::Rect keys{{body.min.x, body.max.y - height}, body.max};
  const bool beside = numeric || place == KeyboardPlace::Beside;
  const float form = std::min(body.width() * 0.5f, t.em(900)) + t.gap;
  if (numeric) {  // a keypad is narrow: keep it at the end edge, beside the fields
    const float w = std::min(std::min(body.width(), t.em(760)), body.width() - form);
    keys = ctx.ui.from_start(keys, body.width() - w, w);
  } else if (beside) {  // the end half, past the form's column (as identify lays it out)
    keys = ctx.ui.from_start(keys, form, body.width() - form);
  }
  // The keyboard edits this frame's copy of the field (a national code, a mobile number). Its
  // room is reserved so that typing never moves it (a move would free a copy unwiped), and
  // what is left of it is wiped when the frame is done with it.
  std::string text;
  text.reserve(std::max(value->size(), kFieldRoomBytes) + kFieldRoomBytes);
  text = *value;
  const WipeAtScopeEnd wipe_text(text);
  if (ctx.keyboard.draw(ctx.ui, keys, text)) ctx.flow.set_field_text(s.field, std::move(text));
  if (beside) return body;  // the fields stay beside the keys
  return {body.min, {body.max.x, keys.min.y - t.gap}};
}

std::string_view field_name(Field field) {
  switch (field) {
    case Field::None:
      return "none";
    case Field::Search:
      return "search";
    case Field::IdNumber:
      return "id";
    case Field::Mobile:
      return "mobile";
    case Field::TrackingCode:
      return "tracking";
    case Field::ReportText:
      return "report_text";
    case Field::MrzDocument:
      return "mrz_document";
    case Field::MrzBirth:
      return "mrz_birth";
    case Field::MrzExpiry:
      return "mrz_expiry";
  }
  return "none";
}

ui::Rect draw_field(ScreenContext& ctx, ui::Rect row, const Text& label, Field field, std::string_view text,
                    std::string_view placeholder) {
  const std::string id = "field/" + std::string(field_name(field));
  const bool focused = ctx.flow.state().field == field && ctx.flow.state().keyboard_open;
  // A mobile number may start with + and a country code: laid out left to right, the "+" leads.
  const ui::BaseDirection direction =
      field == Field::Mobile && !text.empty() ? ui::BaseDirection::LeftToRight : ui::BaseDirection::Auto;
  const ui::FieldDrawn drawn = ui::labelled_field(ctx.ui, row,
                                                  {.id = id,
                                                   .label = ctx.tr(label),
                                                   .text = text,
                                                   .placeholder = placeholder,
                                                   .focused = focused,
                                                   .direction = direction});
  if (drawn.tapped) {
    // Focusing says the field's label: the label is a Text, so the value cannot be said here.
    if (ctx.speech && !focused) ctx.speech->say(label, ctx.lang());
    ctx.flow.focus(field);
  }
  return drawn.used;
}

void draw_more_time_dialog(ScreenContext& ctx, double now) {
  const CitizenState& s = ctx.flow.state();
  if (!s.more_time_dialog) return;
  const ui::Theme& t = ctx.ui.theme();
  // Modal: a dimmed window over the whole screen, so taps behind it reach nothing.
  const float w = t.em(1000);
  const float h = t.em(520);
  const ImVec2 c = ctx.screen.center();
  ImGui::SetNextWindowPos(ctx.screen.min);
  ImGui::SetNextWindowSize({ctx.screen.width(), ctx.screen.height()});
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 150));
  ImGui::Begin("##more_time", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  const ui::Rect card{{c.x - w / 2, c.y - h / 2}, {c.x + w / 2, c.y + h / 2}};
  ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max, t.surface, t.radius);
  ctx.ui.drawn().cover({card.min, card.max});  // the screen's words under the card are hidden
  const ui::Rect inner = card.inset(t.margin, t.margin);
  float y = inner.min.y;
  y += ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max}, ctx.tr(strings::kMoreTimeTitle),
                   {.size_px = t.title_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center},
                   t.text);
  y += t.gap;
  y += ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max}, ctx.tr(strings::kMoreTimeBody),
                   {.size_px = t.body_px, .align = ui::TextAlign::Center}, t.text_muted);
  const int left = std::max(0, static_cast<int>(std::ceil(s.more_time_deadline - now)));
  const std::string countdown = format_number(left, ctx.lang()) + " " + ctx.tr(strings::kSeconds);
  y += t.gap;
  ui::text_in(ctx.ui, {{inner.min.x, y}, inner.max}, countdown,
              {.size_px = t.display_px, .weight = ui::Weight::Bold, .align = ui::TextAlign::Center},
              t.primary);
  const ui::Rect buttons = ui::foot_row(inner, t.touch_target * 1.2f);
  const float bw = (buttons.width() - t.gap) / 2;
  if (ui::button(ctx.ui, "more_time", ctx.ui.from_start(buttons, 0, bw), ctx.tr(strings::kMoreTimeYes),
                 ui::ButtonKind::Primary))
    ctx.flow.more_time(now);
  if (ui::button(ctx.ui, "finish_now", ctx.ui.from_start(buttons, bw + t.gap, bw), ctx.tr(strings::kFinish),
                 ui::ButtonKind::Secondary))
    ctx.flow.home();
  ImGui::End();
}

}  // namespace pk::kiosk
