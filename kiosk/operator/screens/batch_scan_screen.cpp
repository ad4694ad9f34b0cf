// The batch scan: settings, start/stop, and the pages as they come in (live thumbnails).
#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

namespace {

std::string caption_of(const OperatorScreenContext& ctx, const ReviewPage& page) {
  std::string c = format_number(page.sequence, ctx.lang());
  if (page.role == PageRole::Blank) c += "\n" + std::string(ctx.tr(strings::kBlank));
  if (page.role == PageRole::Cover) c += "\n" + std::string(ctx.tr(strings::kCover));
  return c;
}

}  // namespace

void draw_batch_scan_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const catalog::Service* service = ctx.flow.service();
  const std::string title =
      std::string(ctx.tr(strings::kScanTitle)) +
      (service ? " — " + format_number(service->number, ctx.lang()) + ". " + ctx.tr(service->title) : "");
  const ui::Rect body = draw_operator_toolbar(ctx, draw_operator_header(ctx).inset(t.margin, t.gap), title);
  float y = body.min.y;
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(strings::kScanHint), {.size_px = t.body_px},
                   t.text_muted);
  y += t.gap;

  // Controls in one row: sides, start or stop, and the count.
  const ui::Rect row{{body.min.x, y}, {body.max.x, y + t.touch_target}};
  const float tab_w = 220 * t.scale;
  if (ui::tab(ctx.ui, "sides/one", ctx.ui.from_start(row, 0, tab_w), ctx.tr(strings::kSimplex),
              s.sides == ScanSides::One))
    ctx.flow.set_sides(ScanSides::One);
  if (ui::tab(ctx.ui, "sides/both", ctx.ui.from_start(row, tab_w + t.gap, tab_w), ctx.tr(strings::kDuplex),
              s.sides == ScanSides::Both))
    ctx.flow.set_sides(ScanSides::Both);
  float x = 2 * (tab_w + t.gap) + t.gap;
  const float bw = 380 * t.scale;
  if (!s.scanning) {
    if (ui::button(ctx.ui, "scan", ctx.ui.from_start(row, x, bw),
                   ctx.tr(s.rescan_target ? strings::kRescan : strings::kStartScan), ui::ButtonKind::Primary,
                   t.title_px) &&
        ctx.flow.scan_requested())
      ctx.action = OperatorAction::StartScan;
  } else if (ui::button(ctx.ui, "stop", ctx.ui.from_start(row, x, bw), ctx.tr(strings::kCancelScan),
                        ui::ButtonKind::Secondary, t.title_px)) {
    ctx.action = OperatorAction::CancelScan;
  }
  x += bw + t.gap;
  const std::string status = std::string(s.scanning ? ctx.tr(strings::kScanning) : "") + " " +
                             format_number(static_cast<int64_t>(s.pages.size()), ctx.lang()) + " " +
                             ctx.tr(strings::kPagesIn);
  ui::text_in(ctx.ui, ctx.ui.from_start(row, x, row.width() - x - 460 * t.scale), status,
              {.size_px = t.title_px, .weight = ui::Weight::Bold, .max_lines = 1},
              s.scanning ? t.primary : t.text, true);
  if (!s.scanning && !s.pages.empty() &&
      ui::button(ctx.ui, "review", ctx.ui.from_start(row, row.width() - 440 * t.scale, 440 * t.scale),
                 ctx.tr(strings::kToReview), ui::ButtonKind::Primary, t.title_px))
    ctx.flow.open_review();
  y = row.max.y + t.gap;
  if (!s.scan_problem.empty())
    y += ui::message_band(ctx.ui, {{body.min.x, y}, body.max}, s.scan_problem, ui::Tone::Error) + t.gap;

  // Live thumbnails: the newest pages that fit, filling from the start edge.
  const float cell_w = 170 * t.scale;
  const float cell_h = 270 * t.scale;
  const int per_row = std::max(1, static_cast<int>((body.width() + t.gap) / (cell_w + t.gap)));
  const int rows = std::max(1, static_cast<int>((body.max.y - y + t.gap) / (cell_h + t.gap)));
  const size_t fit = static_cast<size_t>(per_row * rows);
  const size_t first = s.pages.size() > fit ? s.pages.size() - fit : 0;
  for (size_t i = first; i < s.pages.size(); ++i) {
    const size_t k = i - first;
    const float cy = y + static_cast<float>(k / static_cast<size_t>(per_row)) * (cell_h + t.gap);
    ui::Rect cell = ctx.ui.from_start(
        body, static_cast<float>(k % static_cast<size_t>(per_row)) * (cell_w + t.gap), cell_w);
    cell.min.y = cy;
    cell.max.y = cy + cell_h;
    (void)draw_thumbnail(ctx, s.pages[i], cell, false, caption_of(ctx, s.pages[i]));
  }
}

}  // namespace pk::kiosk::op
