// The Enrollment tab's drawing: the enrolled terminal's card, or the form (code, address, pin)
// with its keyboard and the outcome of the last attempt. What it runs is in
// technician_enroll_panel.cpp.
#include "kiosk/technician/technician_enroll_screen.h"

#include <algorithm>

#include "domain/jalali.h"
#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/strings/technician_strings.h"
#include "kiosk/technician/technician_screens.h"
#include "protocol/enrollment_code.h"
#include "ui/keyboard.h"

namespace pk::kiosk::tech {
namespace {

const char* tr(const TechContext& ctx, const Text& text) { return text.in(ctx.language); }

// The code, the address and the pin are Latin and read left to right on every screen: in a
// right-to-left paragraph "sha256//…=" would show its '=' first and "1234-ABCD" its groups
// swapped. An isolate keeps them whole (the caret then stays at the end, where typing goes).
std::string latin(const TechContext& ctx, const std::string& text) {
  if (!ctx.ui.rtl() || text.empty()) return text;
  return "\u2066" + text + "\u2069";
}

const Text& sentence_for(provisioning::EnrollFailure failure) {
  using provisioning::EnrollFailure;
  switch (failure) {
    case EnrollFailure::None:
      return strings::kEnrollDone;
    case EnrollFailure::BadArguments:
      return strings::kEnrollBadArguments;
    case EnrollFailure::MistypedCode:
      return strings::kEnrollMistyped;
    case EnrollFailure::UnknownCode:
      return strings::kEnrollUnknown;
    case EnrollFailure::UsedCode:
      return strings::kEnrollUsed;
    case EnrollFailure::ExpiredCode:
      return strings::kEnrollExpired;
    case EnrollFailure::WrongCentre:
      return strings::kEnrollWrongCentre;
    case EnrollFailure::CentreUnreachable:
      return strings::kEnrollUnreachable;
    case EnrollFailure::Refused:
    case EnrollFailure::BadReply:
      return strings::kEnrollRefused;
    case EnrollFailure::EnrolledElsewhere:
      return strings::kEnrollElsewhere;
    case EnrollFailure::LocalStorage:
      return strings::kEnrollDisk;
  }
  return strings::kEnrollRefused;
}

const Text& sentence_for(provisioning::QrProblem problem) {
  switch (problem) {
    case provisioning::QrProblem::None:
      return strings::kQrRead;
    case provisioning::QrProblem::NotEnrollment:
      return strings::kQrNotEnrollment;
    case provisioning::QrProblem::UnsupportedVersion:
      return strings::kQrVersion;
    default:
      return strings::kQrDamaged;
  }
}

// A label at the start edge, its value beside it (left to right when Latin).
float pair_line(TechContext& ctx, float y, const ui::Rect& area, const Text& label, const std::string& value,
                bool latin_value = false) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect row{{area.min.x, y}, {area.max.x, y + t.body_px * 1.7f}};
  const float label_w = 420 * t.scale;
  ui::text_in(ctx.ui, ctx.ui.from_start(row, 0, label_w), tr(ctx, label), {.size_px = t.body_px},
              t.text_muted, true);
  ui::TextStyle style{.size_px = t.body_px, .weight = ui::Weight::Bold, .max_lines = 1};
  if (latin_value) {
    style.direction = ui::BaseDirection::LeftToRight;
    style.align = ctx.ui.rtl() ? ui::TextAlign::End : ui::TextAlign::Start;
  }
  ui::text_in(ctx.ui, ctx.ui.from_start(row, label_w + ctx.ui.theme().gap, row.width() - label_w - t.gap),
              value, style, t.text, true);
  return row.max.y;
}

}  // namespace

std::string expiry_date_text(int64_t unix_seconds, Language language) {
  // from_unix is Iran time already: adding +03:30 here as well put the date a day late from
  // 20:30 to midnight.
  return jalali::format_jalali(jalali::from_unix(unix_seconds), language, jalali::DateStyle::Long);
}

void EnrollPanel::draw(TechContext& ctx, const ui::Rect& body) {
  if (enrolled())
    draw_enrolled(ctx, body);
  else
    draw_form(ctx, body);
}

float EnrollPanel::draw_outcome(TechContext& ctx, const ui::Rect& area) {
  const ui::Theme& t = ctx.ui.theme();
  float y = area.min.y;
  if (m_task.running()) {
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_started)
            .count();
    const std::string text = std::string(tr(ctx, strings::kEnrolling)) + " " +
                             format_number(seconds, ctx.language) + " " + tr(ctx, strings::kSeconds);
    return ui::message_band(ctx.ui, area, text, ui::Tone::Notice) + t.gap;
  }
  if (m_qr) {
    const bool ok = m_qr->ok();
    y += ui::message_band(ctx.ui, {{area.min.x, y}, area.max}, tr(ctx, sentence_for(m_qr->problem)),
                          ok ? ui::Tone::Done : ui::Tone::Error) +
         t.gap / 2;
  }
  if (m_catalog_task.running())
    return ui::message_band(ctx.ui, area, tr(ctx, strings::kFetchingCatalog), ui::Tone::Notice) + t.gap;
  if (m_catalog_fetch) {
    const provisioning::CatalogAtEnrollment& c = *m_catalog_fetch;
    const bool ok = c.result != provisioning::CatalogFetch::Failed;
    const std::string text =
        c.result == provisioning::CatalogFetch::Stored ? std::string(tr(ctx, strings::kCatalogStored)) + " " +
                                                             format_number(c.version, ctx.language) + "."
        : c.result == provisioning::CatalogFetch::KeptNewer ? tr(ctx, strings::kCatalogKept)
                                                            : tr(ctx, strings::kCatalogLater);
    y += ui::message_band(ctx.ui, {{area.min.x, y}, area.max}, text, ok ? ui::Tone::Done : ui::Tone::Error) +
         t.gap / 2;
  }
  if (!m_outcome) return y - area.min.y;
  const provisioning::EnrollOutcome& o = *m_outcome;
  if (o.ok()) {
    std::string text = tr(ctx, strings::kEnrollDone);
    switch (o.catalog.result) {
      case provisioning::CatalogFetch::Stored:
        text += std::string(" ") + tr(ctx, strings::kCatalogStored) + " " +
                format_number(o.catalog.version, ctx.language) + ".";
        break;
      case provisioning::CatalogFetch::KeptNewer:
        text += std::string(" ") + tr(ctx, strings::kCatalogKept);
        break;
      case provisioning::CatalogFetch::Failed:
      case provisioning::CatalogFetch::NotTried:
        text += std::string(" ") + tr(ctx, strings::kCatalogLater);
        break;
    }
    const bool catalog_ok = o.catalog.result == provisioning::CatalogFetch::Stored ||
                            o.catalog.result == provisioning::CatalogFetch::KeptNewer;
    y += ui::message_band(ctx.ui, {{area.min.x, y}, area.max}, text,
                          catalog_ok ? ui::Tone::Done : ui::Tone::Notice) +
         t.gap / 2;
    return y - area.min.y;
  }
  y += ui::message_band(ctx.ui, {{area.min.x, y}, area.max}, tr(ctx, sentence_for(o.failure)),
                        ui::Tone::Error) +
       t.gap / 4;
  // What the centre or the network said, as the log has it: for a call to the centre's desk.
  y += ui::text_in(ctx.ui, {{area.min.x, y}, area.max}, o.message,
                   {.size_px = t.small_px * 0.85f,
                    .align = ctx.ui.rtl() ? ui::TextAlign::End : ui::TextAlign::Start,
                    .direction = ui::BaseDirection::LeftToRight,
                    .max_lines = 2},
                   t.text_muted) +
       t.gap / 2;
  return y - area.min.y;
}

void EnrollPanel::draw_enrolled(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect col = ctx.ui.from_start(body, 0, std::min(body.width(), 1400 * t.scale));
  float y = col.min.y;
  y += draw_outcome(ctx, {{col.min.x, y}, col.max});
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kIsEnrolled), ui::Tone::Done) +
       t.gap;
  const ui::Rect card{{col.min.x, y}, {col.max.x, y + t.body_px * 1.7f * 6 + 2 * t.gap}};
  ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max, t.surface, t.radius);
  const ui::Rect inner = card.inset(t.gap, t.gap);
  const provisioning::TerminalIdentity& id = *m_identity;
  float line = inner.min.y;
  line = pair_line(ctx, line, inner, strings::kTerminalId, id.terminal_id, true);
  line =
      pair_line(ctx, line, inner, strings::kTerminalNumber, format_number(id.terminal_number, ctx.language));
  line = pair_line(ctx, line, inner, strings::kOffice, id.office);
  line = pair_line(ctx, line, inner, strings::kCentreAddress, id.centre_url, true);
  line = pair_line(ctx, line, inner, strings::kCertificateUntil,
                   m_certificate_expiry ? expiry_date_text(*m_certificate_expiry, ctx.language)
                                        : tr(ctx, strings::kUnknown));
  (void)pair_line(ctx, line, inner, strings::kCatalogInUse, format_number(ctx.catalog.version, ctx.language));
  y = card.max.y + t.gap;
  // The centre's catalog again (after it could not be had at enrollment, or for a newer one).
  const ui::Rect fetch{{col.min.x, y}, {col.max.x, y + t.touch_target}};
  if (ui::button(ctx.ui, "tech/enroll/catalog", ctx.ui.from_start(fetch, 0, 560 * t.scale),
                 tr(ctx, strings::kFetchCatalog), ui::ButtonKind::Secondary, t.body_px) &&
      !running())
    m_fetch_requested = true;
  y = fetch.max.y + t.gap;
  ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kReenrollHint), {.size_px = t.small_px},
              t.text_muted);
}

void EnrollPanel::draw_form(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  const bool busy = running();
  // The keyboard at the end edge, as on the sign-in screen; the form at the start.
  const float pad_w = std::min(body.width() * 0.46f, 1000 * t.scale);
  const ui::Rect col = ctx.ui.from_start(body, 0, body.width() - pad_w - t.margin);
  if (!busy) {
    ctx.keyboard.lock_numeric(false);
    ctx.keyboard.set_layout(ui::KeyboardLayout::English);
    const float key_h = t.touch_target * 0.8f;
    const ui::Rect pad_area = ctx.ui.from_start(body, body.width() - pad_w, pad_w);
    const float keyboard_h = ctx.keyboard.preferred_height(t);
    const ui::Rect pad{{pad_area.min.x, pad_area.max.y - keyboard_h}, pad_area.max};
    std::string& text = m_field == EnrollField::Code ? m_code : m_field == EnrollField::Url ? m_url : m_pin;
    const std::string before = text;
    if (ctx.keyboard.draw(ctx.ui, pad, text)) {
      // The pin is base64: its letters come in both cases (the keyboard types capitals).
      if (m_field == EnrollField::Pin && m_lower_case && text.size() == before.size() + 1) {
        const auto at = static_cast<size_t>(std::mismatch(before.begin(), before.end(), text.begin()).second -
                                            text.begin());
        if (at < text.size() && text[at] >= 'A' && text[at] <= 'Z')
          text[at] = static_cast<char>(text[at] + 32);
      }
      if (m_field == EnrollField::Code) text = enroll::group_typed_code(text);
      m_outcome.reset();
      m_qr.reset();
    }
    // Keys the address and the pin need that the keyboard lacks, and the case of the pin's letters.
    const ui::Rect extra{{pad.min.x, pad.min.y - key_h - t.gap}, {pad.max.x, pad.min.y - t.gap}};
    const struct {
      const char* key;
      const char* id;
    } keys[] = {
        {":", "tech/enroll/key/colon"}, {"+", "tech/enroll/key/plus"}, {"=", "tech/enroll/key/equals"}};
    const float key_w = 140 * t.scale;
    for (size_t i = 0; i < std::size(keys); ++i)
      if (ui::button(ctx.ui, keys[i].id,
                     ctx.ui.from_start(extra, static_cast<float>(i) * (key_w + t.gap), key_w), keys[i].key,
                     ui::ButtonKind::Secondary, t.body_px)) {
        ui::Ui::FieldEdit& edit = ctx.ui.field_edit(ctx.ui.active_field());
        ui::edit::clamp(text, edit.cursor);
        ui::edit::insert(text, edit.cursor, keys[i].key);
        edit.graphemes = ui::edit::grapheme_count(text);
        m_outcome.reset();
      }
    if (m_field == EnrollField::Pin &&
        ui::button(ctx.ui, "tech/enroll/key/case",
                   ctx.ui.from_start(extra, extra.width() - 2 * key_w, 2 * key_w),
                   m_lower_case ? "abc" : "ABC", ui::ButtonKind::Quiet, t.body_px))
      m_lower_case = !m_lower_case;
  }

  // At the top: what is happening or how the last attempt or scan ended, else what to do.
  float y = col.min.y;
  const float status = draw_outcome(ctx, {{col.min.x, y}, col.max});
  if (status > 0) {
    y += status + t.gap / 2;
  } else {
    y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kNotEnrolled),
                     {.size_px = t.body_px}, t.text) +
         t.gap / 4;
    y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kScanHint), {.size_px = t.small_px},
                     t.text_muted) +
         t.gap;
  }
  if (!m_identity_problem.empty())
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, m_identity_problem, ui::Tone::Error) + t.gap;

  auto field = [&](EnrollField which, const Text& label, const std::string& value, const char* id) {
    const std::string shown = latin(ctx, value);
    const ui::FieldDrawn drawn = ui::labelled_field(ctx.ui, {{col.min.x, y}, col.max},
                                                    {.id = id,
                                                     .label = tr(ctx, label),
                                                     .text = shown,
                                                     .focused = m_field == which && !busy,
                                                     .label_gap = ui::LabelGap::Flush});
    if (drawn.tapped && !busy) m_field = which;
    y = drawn.used.max.y + t.gap / 3;
  };
  field(EnrollField::Code, strings::kEnrollCode, m_code, "tech/enroll/code");
  // The check character, live: the centre never sees a mistyped code.
  const enroll::TypedCode typed = enroll::check_typed_code(m_code);
  std::string check;
  ImU32 check_colour = t.text_muted;
  switch (typed.state) {
    case enroll::TypedCodeState::Empty:
      check = tr(ctx, strings::kCodeEmpty);
      break;
    case enroll::TypedCodeState::Incomplete:
      check = format_number(static_cast<int64_t>(typed.characters), ctx.language) + " " +
              tr(ctx, strings::kCodeOf16);
      break;
    case enroll::TypedCodeState::BadCharacter:
      check = std::string(tr(ctx, strings::kCodeBadCharacter)) + " «" + std::string(1, typed.bad) + "»";
      check_colour = t.error_text;
      break;
    case enroll::TypedCodeState::TooLong:
      check = tr(ctx, strings::kCodeTooLong);
      check_colour = t.error_text;
      break;
    case enroll::TypedCodeState::WrongCheck:
      check = tr(ctx, strings::kCodeWrongCheck);
      check_colour = t.error_text;
      break;
    case enroll::TypedCodeState::Right:
      check = tr(ctx, strings::kCodeRight);
      check_colour = t.primary;
      break;
  }
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, check,
                   {.size_px = t.small_px, .weight = ui::Weight::Bold, .max_lines = 2}, check_colour) +
       t.gap;
  field(EnrollField::Url, strings::kCentreUrl, m_url, "tech/enroll/url");
  y += t.gap / 2;
  // The pin (52 characters) is drawn smaller than a text field's text, so that all of it shows:
  // a technician compares it with the centre's sheet.
  {
    y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kCentrePin),
                     {.size_px = t.small_px, .weight = ui::Weight::Bold}, t.text_muted);
    const ui::Rect box{{col.min.x, y}, {col.max.x, y + t.touch_target}};
    const char* id = "tech/enroll/pin";
    if (ui::button(ctx.ui, id, box, "", ui::ButtonKind::Quiet, t.small_px) && !busy)
      m_field = EnrollField::Pin;
    const bool focused = m_field == EnrollField::Pin && !busy;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box.min, box.max, t.surface, t.radius);
    draw->AddRect(box.min, box.max, focused ? t.primary : t.divider, t.radius, 0,
                  (focused ? 3 : 2) * t.scale);
    ui::text_in(ctx.ui, box.inset(t.gap, 0), m_pin,
                {.size_px = t.small_px,
                 .align = ctx.ui.rtl() ? ui::TextAlign::End : ui::TextAlign::Start,
                 .direction = ui::BaseDirection::LeftToRight,
                 .max_lines = 1},
                t.text, true);
    if (focused) {
      // The keyboard types at the end of the pin (the field the keyboard edits is this one).
      ctx.ui.set_active_field(id);
      ui::Ui::FieldEdit& edit = ctx.ui.field_edit(id);
      const size_t end = ui::edit::grapheme_count(m_pin);
      edit.cursor = ui::EditCursor{end, end};
      edit.graphemes = end;
      edit.focused = true;
    }
    y = box.max.y + t.gap / 2;
  }

  const bool can_start =
      !busy && typed.state == enroll::TypedCodeState::Right && !m_url.empty() && !m_pin.empty();
  const ui::Rect button{{col.min.x, y}, {col.max.x, y + t.touch_target}};
  if (ui::button(ctx.ui, "tech/enroll/start", ctx.ui.from_start(button, 0, 440 * t.scale),
                 tr(ctx, strings::kEnroll), can_start ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary,
                 t.title_px) &&
      can_start)
    m_start_requested = true;
}

}  // namespace pk::kiosk::tech
