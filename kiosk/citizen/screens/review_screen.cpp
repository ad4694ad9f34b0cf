#include <algorithm>

#include "domain/text_normalize.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"
#include "kiosk/identity/identity_documents.h"

namespace pk::kiosk {

namespace {

// A row of the summary: the label at the start edge, the value beside it.
float summary_row(ScreenContext& ctx, float y, const ui::Rect& area, std::string_view label,
                  std::string_view value) {
  const ui::Theme& t = ctx.ui.theme();
  const float label_w = t.em(420);
  const ui::Rect row{{area.min.x, y}, {area.max.x, y + 1}};
  // A long label ("کارت آمایش (کارت اقامت پناهندگی)") wraps: the row is as tall as the taller side.
  const float label_h = ui::text_in(ctx.ui, ctx.ui.from_start(row, 0, label_w - t.gap), label,
                                    {.size_px = t.body_px}, t.text_muted);
  const float value_h = ui::text_in(ctx.ui, ctx.ui.from_start(row, label_w, area.width() - label_w), value,
                                    {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
  return std::max(label_h, value_h) + t.gap / 2;
}

}  // namespace

void draw_review_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  const catalog::Service* service = ctx.flow.service();
  if (!service) return;
  const ui::Rect body =
      draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kReviewTitle));
  ui::Rect card{body.min, {body.max.x, body.max.y - t.touch_target * 2.6f}};
  ImGui::GetWindowDrawList()->AddRectFilled(card.min, card.max, t.surface, t.radius);
  card = card.inset(t.margin, t.gap);
  // The summary scrolls inside its card when it is taller (larger text, many documents), so
  // it never runs under the consent line and the submit button.
  const ui::Rect scroll_box = card;
  float summary_scroll = 0;  // ImGui keeps the region's own offset from frame to frame
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "summary", scroll_box, summary_scroll);
  card = {origin,
          {origin.x + scroll_box.width() - ImGui::GetStyle().ScrollbarSize - t.gap / 2, origin.y + 1}};
  float y = card.min.y;
  y += summary_row(ctx, y, card, ctx.tr(strings::kService),
                   format_number(service->number, ctx.lang()) + ". " + ctx.tr(service->title));
  // This frame's copies of the identity, in the session's digits, are wiped with the frame.
  const bool persian = uses_persian_digits(ctx.lang());
  std::string number =
      persian ? to_persian_digits(s.identity.number_normalised) : s.identity.number_normalised;
  const WipeAtScopeEnd wipe_number(number);
  // Another country's number keeps its "+" in front in right-to-left text: a left-to-right mark
  // leads it. Room is reserved first, so appending leaves no smaller copy behind.
  std::string mobile;
  mobile.reserve(2 * s.identity.mobile_normalised.size() + 3);
  const WipeAtScopeEnd wipe_mobile(mobile);
  if (s.identity.mobile_normalised.starts_with('+')) mobile = "\u200E";
  mobile += persian ? to_persian_digits(s.identity.mobile_normalised) : s.identity.mobile_normalised;
  const IdDocument& document = id_document(s.identity.kind);
  y += summary_row(ctx, y, card, ctx.tr(strings::kIdDocument), ctx.tr(document.name));
  y += summary_row(ctx, y, card, ctx.tr(document.number_label), number);
  // The mobile number is optional: a dash says none was given, rather than an empty row.
  y += summary_row(ctx, y, card, ctx.tr(strings::kMobile),
                   mobile.empty() ? ctx.tr(strings::kMobileNone) : mobile);
  for (size_t i = 0; i < s.documents.size() && i < service->documents.size(); ++i) {
    const size_t pages = s.documents[i].pages.size();
    y += summary_row(
        ctx, y, card, ctx.tr(service->documents[i].title),
        format_number(static_cast<int64_t>(pages), ctx.lang()) + " " + ctx.tr(strings::kPagesScanned));
  }
  y += summary_row(ctx, y, card, ctx.tr(strings::kFee), format_amount_rials(service->fee_rials, ctx.lang()));
  ui::end_scroll(ctx.ui, y - origin.y, summary_scroll);
  card = scroll_box;

  // Consent: a large box the citizen ticks; submit stays disabled until then.
  const ui::Rect consent_row{{body.min.x, card.max.y + 2 * t.gap},
                             {body.max.x, card.max.y + 2 * t.gap + t.touch_target}};
  const ui::Rect box = ctx.ui.from_start(consent_row, 0, t.touch_target);
  if (ui::button(ctx.ui, "consent", box, "", s.consent ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary,
                 t.title_px))
    ctx.flow.set_consent(!s.consent);
  // The tick is drawn, not typed: the kiosk's fonts have no "✓" (it drew as an empty box).
  if (s.consent) {
    const ImVec2 c = box.center();
    const float r = box.width() * 0.28f;
    const ImVec2 tick[] = {{c.x - r, c.y}, {c.x - r * 0.3f, c.y + r * 0.7f}, {c.x + r, c.y - r * 0.7f}};
    ImGui::GetWindowDrawList()->AddPolyline(tick, 3, t.on_primary, ImDrawFlags_None, 6 * t.scale);
  }
  ui::text_in(
      ctx.ui,
      ctx.ui.from_start(consent_row, t.touch_target + t.gap, consent_row.width() - t.touch_target - t.gap),
      ctx.tr(strings::kConsent), {.size_px = t.body_px}, t.text, true);

  const ui::Rect row = ui::foot_row(body, t.touch_target * 1.1f);
  if (!ctx.can_take_applications) {
    ui::message_band(ctx.ui, row, ctx.tr(strings::kNotEnrolled), ui::Tone::Error);
    return;
  }
  ui::message_band(ctx.ui, {{body.min.x + t.em(500), row.min.y}, row.max}, s.submit_problem, ui::Tone::Error);
  if (s.consent &&
      ui::button(ctx.ui, "submit", ctx.ui.from_start(row, 0, t.em(460)), ctx.tr(strings::kSubmit),
                 ui::ButtonKind::Primary, t.title_px, pictograms::kApply)) {
    if (ctx.flow.submit_requested()) ctx.action = PendingAction::SubmitApplication;
  }
}

}  // namespace pk::kiosk
