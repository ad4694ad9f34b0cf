#include "kiosk/technician/technician_setup_screens.h"

#include <algorithm>
#include <cmath>

#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/strings/technician_strings.h"

namespace pk::kiosk::tech {

namespace {

const char* tr(const TechContext& ctx, const Text& text) { return text.in(ctx.language); }

std::string number(const TechContext& ctx, long long n) { return format_number(n, ctx.language); }

// A label at the start edge, its value beside it.
float pair_line(TechContext& ctx, float y, const ui::Rect& area, const Text& label,
                const std::string& value) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect row{{area.min.x, y}, {area.max.x, y + t.body_px * 1.6f}};
  ui::text_in(ctx.ui, ctx.ui.from_start(row, 0, 460 * t.scale), tr(ctx, label), {.size_px = t.body_px},
              t.text_muted);
  ui::text_in(ctx.ui, ctx.ui.from_start(row, 480 * t.scale, row.width() - 480 * t.scale), value,
              {.size_px = t.body_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.text);
  return row.max.y + t.gap / 3;
}

}  // namespace

void draw_device_setup(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  if (!ctx.setup) return;
  const float actions_h = t.touch_target;
  const float row_h = (body.height() - actions_h - t.gap * 5) / 4;
  float y = body.min.y;
  for (size_t r = 0; r < ctx.setup->roles.size(); ++r) {
    const RoleSetup& role = ctx.setup->roles[r];
    const auto which = provisioning::kDeviceRoles[r];
    const ui::Rect card{{body.min.x, y}, {body.max.x, y + row_h}};
    ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max, t.surface, t.radius);
    const ui::Rect inner = card.inset(t.gap, t.gap / 2);
    const float name_w = 330 * t.scale;
    const float test_w = 220 * t.scale;
    ui::text_in(ctx.ui, ctx.ui.from_start(inner, 0, name_w),
                std::string(provisioning::role_name(which, ctx.language)),
                {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
    // The devices found, one choice button each (the first few), and "no device".
    const ui::Rect choices =
        ctx.ui.from_start({inner.min, {inner.max.x, inner.min.y + t.touch_target * 0.75f}}, name_w + t.gap,
                          inner.width() - name_w - test_w - 2 * t.gap);
    const int shown = static_cast<int>(std::min<size_t>(role.found.devices.size(), 3));
    const float choice_w =
        (choices.width() - t.gap * static_cast<float>(shown)) / static_cast<float>(shown + 1);
    for (int i = 0; i <= shown; ++i) {
      const bool none = i == shown;
      const std::string id =
          "tech/dev/" + std::to_string(r) + "/" + (none ? std::string("none") : std::to_string(i));
      const std::string label =
          none ? std::string(tr(ctx, strings::kNoDevice)) : role.found.devices[static_cast<size_t>(i)].name;
      const int index = none ? -1 : i;
      if (ui::tab(ctx.ui, id,
                  ctx.ui.from_start(choices, static_cast<float>(i) * (choice_w + t.gap), choice_w), label,
                  role.chosen == index)) {
        ctx.request = TechRequest::ChooseDevice;
        ctx.request_role = static_cast<int>(r);
        ctx.request_index = index;
      }
    }
    // While a test runs (off the frame loop) its button says so; a tap on it is refused by the
    // desk with a message, other roles stay usable.
    const std::string testing = std::string(tr(ctx, strings::kTesting)) + "… " +
                                number(ctx, role.testing_seconds) + " " + tr(ctx, strings::kSeconds);
    if (ui::button(ctx.ui, "tech/test/" + std::to_string(r),
                   ctx.ui.from_start({inner.min, {inner.max.x, inner.min.y + t.touch_target * 0.75f}},
                                     inner.width() - test_w, test_w),
                   std::string(tr(ctx, role.testing ? strings::kTesting : strings::kSelfTest)) +
                       (role.testing ? "…" : ""),
                   role.testing ? ui::ButtonKind::Quiet : ui::ButtonKind::Secondary, t.small_px) &&
        role.chosen >= 0) {
      ctx.request = TechRequest::SelfTest;
      ctx.request_role = static_cast<int>(r);
    }
    // The chosen connection, then the last self-test: what was seen, or what to do.
    float line_y = inner.min.y + t.touch_target * 0.75f + t.gap / 2;
    const ui::Rect rest{{inner.min.x, line_y}, inner.max};
    // A connection ("sim:", "usb:04b8:0e15", a path) is left-to-right whatever the screen's
    // direction: in a right-to-left paragraph its colon would move to the front.
    if (role.chosen >= 0) {
      const std::string& connection = role.found.devices[static_cast<size_t>(role.chosen)].connection;
      line_y += ui::text_in(ctx.ui, ctx.ui.from_start(rest, name_w + t.gap, rest.width() - name_w - t.gap),
                            connection,
                            {.size_px = t.small_px * 0.85f,
                             .align = ctx.ui.rtl() ? ui::TextAlign::End : ui::TextAlign::Start,
                             .direction = ui::BaseDirection::LeftToRight,
                             .max_lines = 1},
                            t.text_muted);
    }
    std::string detail;
    for (const provisioning::Problem& p : role.found.problems)
      detail += (detail.empty() ? "" : " · ") + provisioning::explain(p, which, ctx.language);
    if (!detail.empty()) {
      const ui::Rect below{{rest.min.x, line_y}, rest.max};
      line_y += ui::text_in(ctx.ui, ctx.ui.from_start(below, name_w + t.gap, below.width() - name_w - t.gap),
                            detail, {.size_px = t.small_px * 0.85f, .max_lines = 2}, t.text_muted);
    }
    if (role.testing) {
      ui::text_in(
          ctx.ui,
          ctx.ui.from_start({{rest.min.x, line_y}, rest.max}, name_w + t.gap, rest.width() - name_w - t.gap),
          testing, {.size_px = t.small_px * 0.85f, .weight = ui::Weight::Bold, .max_lines = 1}, t.primary);
    } else if (role.result) {
      const bool ok = role.result->passed();
      const std::string text =
          std::string(tr(ctx, ok ? strings::kPassed : strings::kFailed)) + ": " +
          (ok || !role.result->problem ? role.result->summary
                                       : provisioning::explain(*role.result->problem, which, ctx.language));
      ui::text_in(
          ctx.ui,
          ctx.ui.from_start({{rest.min.x, line_y}, rest.max}, name_w + t.gap, rest.width() - name_w - t.gap),
          text, {.size_px = t.small_px * 0.85f, .weight = ui::Weight::Bold, .max_lines = 3},
          ok ? t.primary : t.error_text);
    }
    y = card.max.y + t.gap;
  }
  const ui::Rect actions = ui::foot_row(body, actions_h);
  const float w = 380 * t.scale;
  if (ui::button(ctx.ui, "tech/devices/save", ctx.ui.from_start(actions, 0, w), tr(ctx, strings::kSaveChoice),
                 ui::ButtonKind::Primary, t.body_px))
    ctx.request = TechRequest::SaveDevices;
  if (ui::button(ctx.ui, "tech/devices/refresh", ctx.ui.from_start(actions, w + t.gap, w),
                 tr(ctx, strings::kRefresh), ui::ButtonKind::Secondary, t.body_px))
    ctx.request = TechRequest::RefreshDevices;
  const bool searching = ctx.setup->searching && ctx.setup->devices_message.empty();
  if (searching || !ctx.setup->devices_message.empty())
    ui::text_in(ctx.ui, ctx.ui.from_start(actions, 2 * (w + t.gap), actions.width() - 2 * (w + t.gap)),
                searching ? std::string(tr(ctx, strings::kSearching)) : ctx.setup->devices_message,
                {.size_px = t.small_px, .max_lines = 2},
                searching || ctx.setup->devices_message_ok ? t.primary : t.error_text, true);
}

void draw_diagnostics(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  if (!ctx.setup) return;
  const SetupView& s = *ctx.setup;
  const ui::Rect left = ctx.ui.from_start(body, 0, body.width() * 0.55f);
  float y = left.min.y;
  if (s.diagnostics) {
    const provisioning::DiagnosticsSummary& d = *s.diagnostics;
    y = pair_line(ctx, y, left, strings::kVersion, d.version);
    y = pair_line(ctx, y, left, strings::kSchema, number(ctx, d.schema_version));
    y = pair_line(
        ctx, y, left, strings::kDatabase,
        format_decimal(static_cast<double>(d.database_bytes) / (1024.0 * 1024.0), 1, ctx.language) + " MiB");
    y = pair_line(ctx, y, left, strings::kPending, number(ctx, d.pending_outbox));
    if (d.oldest_pending_age_seconds)
      y = pair_line(ctx, y, left, strings::kOldest,
                    number(ctx, *d.oldest_pending_age_seconds / 60) + " " + tr(ctx, strings::kMinutes));
    y = pair_line(ctx, y, left, strings::kLastError, d.last_outbox_error.empty() ? "-" : d.last_outbox_error);
    y = pair_line(ctx, y, left, strings::kDevicesFound, number(ctx, d.devices_found));
    y = pair_line(ctx, y, left, strings::kLogLines, number(ctx, d.log_lines));
  }
  y += t.gap;
  ui::message_band(ctx.ui, {{left.min.x, y}, left.max}, tr(ctx, strings::kBundlePolicy), ui::Tone::Notice);

  // Where the bundle goes: the USB sticks mounted now.
  const ui::Rect right{{ctx.ui.from_start(body, body.width() * 0.58f, 1).min.x, body.min.y}, body.max};
  const ui::Rect col = ctx.ui.from_start(body, body.width() * 0.58f, body.width() * 0.42f);
  float ry = col.min.y;
  (void)right;
  ry += ui::text_in(ctx.ui, {{col.min.x, ry}, col.max}, tr(ctx, strings::kDestination),
                    {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text) +
        t.gap / 2;
  if (s.destinations.empty())
    ry += ui::message_band(ctx.ui, {{col.min.x, ry}, col.max}, tr(ctx, strings::kNoDestination),
                           ui::Tone::Error) +
          t.gap;
  for (size_t i = 0; i < s.destinations.size(); ++i) {
    const ui::Rect row{{col.min.x, ry}, {col.max.x, ry + t.touch_target * 0.8f}};
    if (ui::tab(ctx.ui, "tech/dest/" + std::to_string(i), row, s.destinations[i].string(),
                s.destination == static_cast<int>(i))) {
      ctx.request = TechRequest::ChooseDestination;
      ctx.request_index = static_cast<int>(i);
    }
    ry = row.max.y + t.gap / 2;
  }
  ry += t.gap;
  // Export to the chosen stick, or send to the centre (which needs no stick at all).
  const ui::Rect actions{{col.min.x, ry}, {col.max.x, ry + t.touch_target}};
  const float action_w = (actions.width() - t.gap) / 2;
  if (!s.destinations.empty() && ui::button(ctx.ui, "tech/export", ctx.ui.from_start(actions, 0, action_w),
                                            tr(ctx, strings::kExport), ui::ButtonKind::Primary, t.body_px))
    ctx.request = TechRequest::Export;
  if (ui::button(ctx.ui, "tech/send", ctx.ui.from_start(actions, action_w + t.gap, action_w),
                 tr(ctx, strings::kSendToCentre),
                 s.uploading ? ui::ButtonKind::Quiet : ui::ButtonKind::Secondary, t.body_px) &&
      !s.uploading)
    ctx.request = TechRequest::SendToCentre;
  ry += t.touch_target + t.gap;
  if (!s.export_message.empty())
    ry += ui::message_band(ctx.ui, {{col.min.x, ry}, col.max}, s.export_message,
                           s.export_ok ? ui::Tone::Done : ui::Tone::Error) +
          t.gap / 2;
  if (s.uploading) {
    // How much is on its way, and a bar that keeps moving while the task runs (the frame loop
    // is free: the upload is on its own thread).
    const std::string size = format_decimal(static_cast<double>(s.upload_bytes) / 1024.0, 0, ctx.language) +
                             " " +
                             (persian_or_english(ctx.language) == Language::Persian ? "کیلوبایت" : "KiB");
    ry += ui::text_in(ctx.ui, {{col.min.x, ry}, col.max},
                      std::string(tr(ctx, strings::kSending)) + " (" + size + ")", {.size_px = t.body_px},
                      t.text) +
          t.gap / 2;
    const ui::Rect track{{col.min.x, ry}, {col.max.x, ry + t.gap * 0.6f}};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(track.min, track.max, t.divider, t.radius);
    const float phase = static_cast<float>(std::fmod(ImGui::GetTime() * 0.6, 1.0));
    const float block = track.width() * 0.3f;
    const ui::Rect moving = ctx.ui.from_start(track, (track.width() - block) * phase, block);
    draw->AddRectFilled(moving.min, moving.max, t.primary, t.radius);
  } else if (!s.upload_message.empty()) {
    ui::message_band(ctx.ui, {{col.min.x, ry}, col.max}, s.upload_message,
                     s.upload_ok ? ui::Tone::Done : ui::Tone::Error);
  }
}

void draw_factory_reset(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  if (!ctx.setup) return;
  const TechState& st = ctx.flow.state();
  const long long unsent = ctx.setup->unsent;
  const ui::Rect col = ctx.ui.from_start(body, 0, std::min(body.width() * 0.55f, 1000 * t.scale));
  float y = col.min.y;
  if (st.reset_step == ResetStep::Done) {
    ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, st.reset_message, ui::Tone::Done);
    return;
  }
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kResetExplain), {.size_px = t.body_px},
                   t.text) +
       t.gap;
  y = pair_line(ctx, y, col, strings::kUnsent,
                unsent < 0 ? std::string(tr(ctx, strings::kUnknown)) : number(ctx, unsent));
  y += t.gap / 2;
  if (!st.reset_message.empty())
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, st.reset_message, ui::Tone::Error) + t.gap;
  const float w = 560 * t.scale;
  if (st.reset_step == ResetStep::Start) {
    if (unsent > 0) {
      y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kResetRefused),
                            ui::Tone::Notice) +
           t.gap;
      if (ui::button(ctx.ui, "tech/reset/override", {{col.min.x, y}, {col.min.x + w, y + t.touch_target}},
                     tr(ctx, strings::kOverride) + std::string(" (") + number(ctx, unsent) + ")",
                     ui::ButtonKind::Secondary, t.body_px))
        ctx.flow.begin_reset(true, unsent);
    } else if (unsent == 0) {
      y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kResetAllSent),
                       {.size_px = t.body_px}, t.primary) +
           t.gap;
      if (ui::button(ctx.ui, "tech/reset/start", {{col.min.x, y}, {col.min.x + w, y + t.touch_target}},
                     tr(ctx, strings::kReset), ui::ButtonKind::Primary, t.body_px))
        ctx.flow.begin_reset(false, 0);
    }
    return;
  }
  // ConfirmPin: the loss said once more, the PIN typed again on the keypad.
  if (st.reset_override) {
    std::string codes;
    for (const std::string& c : ctx.setup->unsent_codes) codes += (codes.empty() ? "" : "، ") + c;
    y += ui::notice(
             ctx.ui, {{col.min.x, y}, col.max},
             std::string(tr(ctx, strings::kOverrideWarning)) + " " + number(ctx, st.reset_accepted_loss) +
                 (codes.empty()
                      ? ""
                      : " (" + (uses_persian_digits(ctx.language) ? to_persian_digits(codes) : codes) + ")"),
             t.error_bg, t.error_text) +
         t.gap;
  }
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kRetypePin), {.size_px = t.body_px},
                   t.text_muted) +
       t.gap / 2;
  std::string dots;
  for (size_t i = 0; i < st.reset_pin.size(); ++i) dots += "*";  // the PIN itself is never drawn
  ui::text_field(ctx.ui, "tech/reset/pin", {{col.min.x, y}, {col.max.x, y + t.touch_target}}, dots, "", true);
  y += t.touch_target + t.gap;
  if (ui::button(ctx.ui, "tech/reset/confirm", {{col.min.x, y}, {col.min.x + w, y + t.touch_target}},
                 tr(ctx, strings::kConfirmReset), ui::ButtonKind::Primary, t.body_px) &&
      !st.reset_pin.empty())
    ctx.request = TechRequest::ConfirmReset;
  if (ui::button(ctx.ui, "tech/reset/cancel",
                 {{col.min.x + w + t.gap, y}, {col.min.x + 2 * w, y + t.touch_target}},
                 tr(ctx, strings::kCancel), ui::ButtonKind::Secondary, t.body_px))
    ctx.flow.cancel_reset();
  const float pad_w = std::min(body.width() * 0.4f, 700 * t.scale);
  ctx.keyboard.set_layout(ui::KeyboardLayout::Numeric);
  ctx.keyboard.lock_numeric(true);
  const ui::Rect pad = ctx.ui.from_start(
      {{body.min.x, body.max.y - ctx.keyboard.preferred_height(t)}, body.max}, body.width() - pad_w, pad_w);
  std::string text = st.reset_pin;
  if (ctx.keyboard.draw(ctx.ui, pad, text)) ctx.flow.set_reset_pin(std::move(text));
}

}  // namespace pk::kiosk::tech
