// Pieces every operator screen shares: header, toolbar, keypad, fields, thumbnails, ages.
#include "base/secure_wipe.h"
#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/identity/identity_documents.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

ui::Rect draw_operator_header(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  ui::HeaderBand band(ctx.ui, ctx.screen, t.header);
  const ui::Rect lang = band.take_end(220 * t.scale).inset(0, t.gap);
  if (ui::button(ctx.ui, "lang", lang, ctx.tr(kiosk::strings::kLanguageOther), ui::ButtonKind::Secondary,
                 t.small_px))
    ctx.flow.choose_language(ctx.lang() == catalog::Language::Persian ? catalog::Language::English
                                                                      : catalog::Language::Persian);
  const OperatorState& s = ctx.flow.state();
  if (ctx.flow.logged_in()) {
    const ui::Rect out = band.take_end(200 * t.scale).inset(0, t.gap);
    // No logging out in the middle of a scan: the scanner is stopped first.
    if (!s.scanning &&
        ui::button(ctx.ui, "logout", out, ctx.tr(strings::kLogout), ui::ButtonKind::Secondary, t.small_px))
      ctx.action = OperatorAction::Logout;
    const std::string who = std::string(ctx.tr(strings::kOperator)) + ": " +
                            (ctx.flow.rtl() ? to_persian_digits(s.operator_id) : s.operator_id);
    ui::text_in(ctx.ui, band.take_end(360 * t.scale), who, {.size_px = t.small_px, .max_lines = 1},
                t.on_header, true);
  }
  band.title(ctx.tr(strings::kCounterTitle));
  return band.below();
}

ui::Rect draw_operator_toolbar(OperatorScreenContext& ctx, const ui::Rect& body, std::string_view title) {
  const ui::BarDrawn bar =
      ui::back_bar(ctx.ui, body, {.back_label = ctx.tr(kiosk::strings::kBack), .title = title});
  if (bar.back_tapped) ctx.flow.back();
  return bar.below;
}

std::string_view op_field_name(OpField field) {
  switch (field) {
    case OpField::OperatorId:
      return "operator";
    case OpField::Pin:
      return "pin";
    case OpField::IdNumber:
      return "id";
    case OpField::Mobile:
      return "mobile";
    case OpField::None:
      return "none";
  }
  return "none";
}

ui::Rect draw_operator_keypad(OperatorScreenContext& ctx, const ui::Rect& body) {
  const OperatorState& s = ctx.flow.state();
  if (!s.keyboard_open || s.field == OpField::None) return body;
  const ui::Theme& t = ctx.ui.theme();
  // Passport numbers hold Latin letters; everything else at the counter is digits.
  const bool numeric = !(s.field == OpField::IdNumber && !typed_as_digits(s.identity.kind));
  ctx.keyboard.lock_numeric(numeric);
  if (numeric)  // a mobile number may be another country's: its pad has a "+"
    ctx.keyboard.set_layout(s.field == OpField::Mobile ? ui::KeyboardLayout::Phone
                                                       : ui::KeyboardLayout::Numeric);
  else if (ctx.keyboard.layout() != ui::KeyboardLayout::English)
    ctx.keyboard.set_layout(ui::KeyboardLayout::English);
  const float w = numeric ? std::min(body.width() * 0.42f, 760 * t.scale) : body.width() * 0.6f;
  const float h = std::min(body.height(), ctx.keyboard.preferred_height(t));
  ui::Rect keys = ctx.ui.from_start(body, body.width() - w, w);
  keys.min.y = keys.max.y - h;
  // The keyboard edits this frame's copy of the field (a PIN, a national code): its room is
  // reserved so typing never moves it, and what is left of it is wiped with the frame.
  constexpr size_t kFieldRoomBytes = 640;
  std::string text;
  text.reserve(2 * kFieldRoomBytes);
  const WipeAtScopeEnd wipe_text(text);
  switch (s.field) {
    case OpField::OperatorId:
      text = s.id_input;
      break;
    case OpField::Pin:
      text = s.pin_input;
      break;
    case OpField::IdNumber:
      text = s.identity.number;
      break;
    case OpField::Mobile:
      text = s.identity.mobile;
      break;
    case OpField::None:
      break;
  }
  if (ctx.keyboard.draw(ctx.ui, keys, text)) ctx.flow.set_field_text(s.field, std::move(text));
  return ctx.ui.from_start(body, 0, body.width() - w - 2 * t.gap);
}

ui::Rect draw_operator_field(OperatorScreenContext& ctx, ui::Rect row, std::string_view label, OpField field,
                             std::string_view shown) {
  const std::string id = "field/" + std::string(op_field_name(field));
  const bool focused = ctx.flow.state().field == field && ctx.flow.state().keyboard_open;
  // A mobile number may start with + and a country code: laid out left to right, the "+" leads.
  const ui::BaseDirection direction =
      field == OpField::Mobile ? ui::BaseDirection::LeftToRight : ui::BaseDirection::Auto;
  const ui::FieldDrawn drawn = ui::labelled_field(
      ctx.ui, row, {.id = id, .label = label, .text = shown, .focused = focused, .direction = direction});
  if (drawn.tapped) ctx.flow.focus(field);
  return drawn.used;
}

bool draw_thumbnail(OperatorScreenContext& ctx, const ReviewPage& page, const ui::Rect& r, bool selected,
                    std::string_view caption) {
  const ui::Theme& t = ctx.ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Two lines, the number then what is special, each about 1.4 em in the UI font, and the gap
  // above them (2.5 em let a second line such as "blank" run out of the card's foot).
  const float caption_h = t.small_px * 2.9f;
  // The selected page's frame is the widest: the page is fitted inside it, so selecting a page
  // neither moves it nor pushes its frame over the caption or out of the card.
  const float widest_frame = 6 * t.scale;
  const ui::Rect picture = ui::Rect{r.min, {r.max.x, r.max.y - caption_h}}.inset(widest_frame, widest_frame);
  // Fit the page into the picture area, keeping its shape.
  float w = picture.width();
  float h = page.thumb_height > 0
                ? w * static_cast<float>(page.thumb_height) / static_cast<float>(page.thumb_width)
                : 0;
  if (h > picture.height()) {
    h = picture.height();
    w = page.thumb_height > 0
            ? h * static_cast<float>(page.thumb_width) / static_cast<float>(page.thumb_height)
            : 0;
  }
  const ImVec2 c = picture.center();
  const ui::Rect img{{c.x - w / 2, c.y - h / 2}, {c.x + w / 2, c.y + h / 2}};
  const float frame = selected ? widest_frame : 2 * t.scale;
  const ui::Rect framed{{img.min.x - frame, img.min.y - frame}, {img.max.x + frame, img.max.y + frame}};
  draw->AddRectFilled(framed.min, framed.max,
                      selected ? t.primary : (page.flagged ? t.error_text : t.divider), 4);
  if (!page.thumb_rgba.empty())
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(page.thumb_id)), img.min, img.max);
  // In the widgets' record (the layout checks): a caption or a neighbour over the page is seen.
  if (h > 0) ctx.ui.record_image("thumbnail/" + std::to_string(page.sequence), framed);
  ui::text_in(ctx.ui, {{r.min.x, picture.max.y + widest_frame + 2}, r.max}, caption,
              {.size_px = t.small_px, .align = ui::TextAlign::Center, .max_lines = 2},
              page.flagged ? t.error_text : t.text_muted);
  // The whole card is the touch target (an invisible button keeps the id for scripts).
  return ui::button(ctx.ui, "page/" + std::to_string(page.sequence), r, "", ui::ButtonKind::Quiet);
}

std::string format_age(const OperatorScreenContext& ctx, int64_t seconds) {
  const catalog::Language l = ctx.lang();
  if (seconds < 3600)
    return format_number(std::max<int64_t>(0, seconds / 60), l) + " " + ctx.tr(strings::kMinutes);
  if (seconds < 2 * 86400) return format_number(seconds / 3600, l) + " " + ctx.tr(strings::kHours);
  return format_number(seconds / 86400, l) + " " + ctx.tr(strings::kDays);
}

}  // namespace pk::kiosk::op
