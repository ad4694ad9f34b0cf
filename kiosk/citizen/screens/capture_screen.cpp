#include <algorithm>
#include <string>

#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"

namespace pk::kiosk {

namespace {

Text words_for(PageCodeMeaning meaning) {
  switch (meaning) {
    case PageCodeMeaning::CoverSheet:
      return strings::kPageCodeCoverSheet;
    case PageCodeMeaning::TrackingCode:
      return strings::kPageCodeTracking;
    case PageCodeMeaning::Unreadable:
      return strings::kPageCodeUnreadable;
    case PageCodeMeaning::Other:
      break;
  }
  return strings::kPageCodeOther;
}

// What the codes found on the document's pages mean, a band each, above the pages: a cover
// sheet (another application's page) as a warning, the rest as information. A code of the
// document's own is shown as read (left to right, one line), so the citizen sees it was found;
// it is never spoken. Returns the height used.
float draw_page_codes(ScreenContext& ctx, const ui::Rect& area, const CapturedDocument& doc) {
  const ui::Theme& t = ctx.ui.theme();
  float y = area.min.y;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    for (const PageCodeSeen& code : doc.pages[i].codes) {
      std::string words = ctx.tr(words_for(code.meaning));
      if (const size_t slot = words.find("{}"); slot != std::string::npos)
        words.replace(slot, 2, format_number(static_cast<int64_t>(i + 1), ctx.lang()));
      const bool warning = code.meaning == PageCodeMeaning::CoverSheet;
      y += ui::message_band(ctx.ui, {{area.min.x, y}, area.max}, words,
                            warning ? ui::Tone::Notice : ui::Tone::Done);
      if (code.meaning == PageCodeMeaning::Other && !code.text.empty())
        y += ui::text_in(ctx.ui, {{area.min.x + t.gap, y}, {area.max.x - t.gap, area.max.y}}, code.text,
                         {.size_px = t.body_px,
                          .weight = ui::Weight::Bold,
                          .direction = ui::direction_by_script(code.text),
                          .max_lines = 1},
                         t.text);
      y += t.gap / 2;
    }
  }
  return y - area.min.y;
}

}  // namespace

void draw_capture_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  const catalog::Service* service = ctx.flow.service();
  if (!service || s.document_index >= s.documents.size()) return;
  const catalog::RequiredDocument& wanted = service->documents[s.document_index];
  const CapturedDocument& doc = s.documents[s.document_index];

  const std::string progress = std::string(ctx.tr(strings::kCaptureTitle)) + kSeparator +
                               ctx.tr(strings::kDocumentOf) + " " +
                               format_number(static_cast<int64_t>(s.document_index + 1), ctx.lang()) + " / " +
                               format_number(static_cast<int64_t>(s.documents.size()), ctx.lang());
  const ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), progress);
  float y = body.min.y;
  std::string title = ctx.tr(wanted.title) + " (" + format_number(wanted.pages, ctx.lang()) + " " +
                      ctx.tr(strings::kPages) +
                      (wanted.mandatory ? "" : "، " + std::string(ctx.tr(strings::kOptional))) + ")";
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, title,
                   {.size_px = t.title_px, .weight = ui::Weight::Bold}, t.primary);
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(strings::kCaptureHint), {.size_px = t.body_px},
                   t.text_muted);
  y += t.gap;
  y += ui::message_band(ctx.ui, {{body.min.x, y}, body.max}, s.capture_problem, ui::Tone::Error);
  y += draw_page_codes(ctx, {{body.min.x, y}, body.max}, doc);

  // One slot per page the document has, from the start edge: a scanned page shows its preview,
  // a page still to scan an empty frame with its number, so the citizen sees how many are left.
  const size_t slots = std::max(doc.pages.size(), static_cast<size_t>(std::max(wanted.pages, 1)));
  const float slots_top = y + t.gap;
  float slot_h = body.max.y - slots_top - t.touch_target * 1.6f;
  constexpr float kPaperAspect = 0.707f;  // A4, portrait: a frame before there is a page
  const float room_w = body.width() - static_cast<float>(slots - 1) * t.gap;
  slot_h = std::min(slot_h, room_w / static_cast<float>(slots) / kPaperAspect);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float offset = 0;
  for (size_t i = 0; i < slots; ++i) {
    const CapturedPage* page = i < doc.pages.size() ? &doc.pages[i] : nullptr;
    const bool has_preview = page && page->preview_height > 0;
    const float aspect =
        has_preview ? static_cast<float>(page->preview_width) / static_cast<float>(page->preview_height)
                    : kPaperAspect;
    ui::Rect r = ctx.ui.from_start(body, offset, slot_h * aspect);
    r.min.y = slots_top;
    r.max.y = slots_top + slot_h;
    if (has_preview) {
      draw->AddRectFilled({r.min.x - 4, r.min.y - 4}, {r.max.x + 4, r.max.y + 4}, t.divider, 4);
      draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(page->preview_id)), r.min, r.max);
      ctx.ui.record_image("preview/" + std::to_string(i + 1), r);
    } else {
      draw->AddRect(r.min, r.max, t.divider, t.radius, 0, 3 * t.scale);
      const std::string label = std::string(ctx.tr(strings::kPageSlot)) + " " +
                                format_number(static_cast<int64_t>(i + 1), ctx.lang());
      ui::text_in(ctx.ui, {{r.min.x, r.center().y - t.title_px}, r.max}, label,
                  {.size_px = t.title_px, .align = ui::TextAlign::Center}, t.text_muted);
    }
    offset += r.width() + t.gap;
  }

  // Until the document's pages are in, scanning is the action; then going on is, and it takes
  // the first place where the eye (and the finger) already is.
  const bool complete = !doc.pages.empty() && doc.pages.size() >= static_cast<size_t>(wanted.pages);
  const ui::Rect row = ui::foot_row(body, t.touch_target * 1.2f);
  const float bw = t.em(380);
  float x = 0;
  if (complete) {
    if (ui::button(ctx.ui, "next", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kNext),
                   ui::ButtonKind::Primary, t.title_px, pictograms::kContinue))
      ctx.flow.capture_next();
    x += bw + t.gap;
  } else if (ctx.flow.can_scan()) {
    if (ui::button(ctx.ui, "scan", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kScan),
                   ui::ButtonKind::Primary, t.title_px, pictograms::kScan))
      ctx.action = PendingAction::ScanPage;
    x += bw + t.gap;
  }
  if (!doc.pages.empty()) {
    if (ui::button(ctx.ui, "retake", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kRetake),
                   ui::ButtonKind::Secondary))
      ctx.flow.retake();
    x += bw + t.gap;
  }
  // A page more than the catalog asks for (a two-sided certificate) stays possible, quietly.
  if (complete && ctx.flow.can_scan() &&
      ui::button(ctx.ui, "scan", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kScanAnother),
                 ui::ButtonKind::Secondary, 0, pictograms::kScan))
    ctx.action = PendingAction::ScanPage;
  // Going on before the pages are in (or without an optional document) is the exception: at the far edge.
  if (!complete && (!doc.pages.empty() || !wanted.mandatory)) {
    const char* label = doc.pages.empty() ? ctx.tr(strings::kSkip) : ctx.tr(strings::kNext);
    if (ui::button(ctx.ui, "next", ctx.ui.from_start(row, row.width() - bw, bw), label,
                   ui::ButtonKind::Secondary, 0, pictograms::kContinue))
      ctx.flow.capture_next();
  }
}

}  // namespace pk::kiosk
