#include "kiosk/format.h"
#include "kiosk/screens/screen.h"

namespace pk::kiosk {

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
  y += draw_error(ctx, {{body.min.x, y}, body.max}, s.capture_problem);

  // The pages scanned so far, as previews, from the start edge.
  const float preview_h = body.max.y - y - t.touch_target * 1.6f;
  float offset = 0;
  for (const CapturedPage& page : doc.pages) {
    if (page.preview_height <= 0) continue;
    const float w =
        preview_h * static_cast<float>(page.preview_width) / static_cast<float>(page.preview_height);
    ui::Rect r = ctx.ui.from_start(body, offset, w);
    r.min.y = y + t.gap;
    r.max.y = y + t.gap + preview_h - t.gap;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled({r.min.x - 4, r.min.y - 4}, {r.max.x + 4, r.max.y + 4}, t.divider, 4);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(page.preview_id)), r.min, r.max);
    offset += w + t.gap;
  }
  if (doc.pages.empty()) {
    ui::Rect r = ctx.ui.from_start(body, 0, preview_h * 0.7f);
    r.min.y = y + t.gap;
    r.max.y = y + preview_h;
    ImGui::GetWindowDrawList()->AddRect(r.min, r.max, t.divider, t.radius, 0, 3 * t.scale);
  }

  const ui::Rect row{{body.min.x, body.max.y - t.touch_target * 1.2f}, body.max};
  const float bw = 380 * t.scale;
  float x = 0;
  if (ctx.flow.can_scan() && ui::button(ctx.ui, "scan", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kScan),
                                        ui::ButtonKind::Primary, t.title_px))
    ctx.action = PendingAction::ScanPage;
  x += bw + t.gap;
  if (!doc.pages.empty()) {
    if (ui::button(ctx.ui, "retake", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kRetake),
                   ui::ButtonKind::Secondary))
      ctx.flow.retake();
    x += bw + t.gap;
  }
  if (!doc.pages.empty() || !wanted.mandatory) {
    const char* label = doc.pages.empty() ? ctx.tr(strings::kSkip) : ctx.tr(strings::kNext);
    if (ui::button(ctx.ui, "next", ctx.ui.from_start(row, row.width() - bw, bw), label,
                   ui::ButtonKind::Primary))
      ctx.flow.capture_next();
  }
}

}  // namespace pk::kiosk
