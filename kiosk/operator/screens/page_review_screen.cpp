// Page review: the pages grouped by required document, the unassigned ones, and the pages set
// aside (blank, cover sheets); a panel of actions for the selected page; submit.
#include "kiosk/format.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

namespace {

struct Group {
  std::string title;
  std::vector<size_t> pages;  // indexes into state.pages
  bool missing = false;       // a mandatory document with no page
};

std::vector<Group> groups_of(const OperatorScreenContext& ctx, const catalog::Service& service) {
  const OperatorState& s = ctx.flow.state();
  std::vector<Group> groups;
  for (size_t d = 0; d < service.documents.size(); ++d) {
    const catalog::RequiredDocument& doc = service.documents[d];
    Group g;
    for (size_t i = 0; i < s.pages.size(); ++i)
      if (s.pages[i].role == PageRole::Content && s.pages[i].document == static_cast<int>(d))
        g.pages.push_back(i);
    g.title =
        ctx.tr(doc.title) + " (" + format_number(static_cast<int64_t>(g.pages.size()), ctx.lang()) + " " +
        ctx.tr(kiosk::strings::kPages) + (ctx.flow.rtl() ? "، " : ", ") + ctx.tr(strings::kNeeded) + " " +
        format_number(doc.pages, ctx.lang()) +
        (doc.mandatory ? ""
                       : (ctx.flow.rtl() ? "، " : ", ") + std::string(ctx.tr(kiosk::strings::kOptional))) +
        ")";
    g.missing = doc.mandatory && g.pages.empty();
    groups.push_back(std::move(g));
  }
  Group unassigned{ctx.tr(strings::kUnassigned), {}, false};
  Group aside{ctx.tr(strings::kSetAside), {}, false};
  for (size_t i = 0; i < s.pages.size(); ++i) {
    if (s.pages[i].role != PageRole::Content)
      aside.pages.push_back(i);
    else if (s.pages[i].document < 0)
      unassigned.pages.push_back(i);
  }
  if (!unassigned.pages.empty()) groups.push_back(std::move(unassigned));
  if (!aside.pages.empty()) groups.push_back(std::move(aside));
  return groups;
}

std::string caption_of(const OperatorScreenContext& ctx, const ReviewPage& page) {
  // The page's number on the first line, what is special about it on the second.
  std::string extra;
  auto add = [&](const Text& word) {
    extra += (extra.empty() ? "" : ctx.flow.rtl() ? "، " : ", ") + std::string(ctx.tr(word));
  };
  if (page.role == PageRole::Blank) add(strings::kBlank);
  if (page.role == PageRole::Cover) add(strings::kCover);
  if (page.rotate_180) add(strings::kTurned);
  if (page.flagged) add(strings::kFlagged);
  return format_number(page.sequence, ctx.lang()) + (extra.empty() ? "" : "\n" + extra);
}

}  // namespace

void draw_page_review_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const catalog::Service* service = ctx.flow.service();
  if (!service) return;
  const std::string title = std::string(ctx.tr(strings::kReviewTitle)) + " — " +
                            format_number(service->number, ctx.lang()) + ". " + ctx.tr(service->title);
  const ui::Rect body = draw_operator_toolbar(ctx, draw_operator_header(ctx).inset(t.margin, t.gap), title);

  // The bottom row: scan more, the problem that stops submitting, submit.
  const ui::Rect bottom = ui::foot_row(body, t.touch_target * 1.1f);
  const float submit_w = 420 * t.scale;
  if (ctx.can_take_applications &&
      ui::button(ctx.ui, "submit", ctx.ui.from_start(bottom, 0, submit_w), ctx.tr(kiosk::strings::kSubmit),
                 ui::ButtonKind::Primary, t.title_px) &&
      ctx.flow.submit_requested())
    ctx.action = OperatorAction::Submit;
  const float more_w = 420 * t.scale;
  if (ui::button(ctx.ui, "scan_more", ctx.ui.from_start(bottom, submit_w + t.gap, more_w),
                 ctx.tr(strings::kScanMore), ui::ButtonKind::Secondary))
    ctx.flow.scan_more();
  const std::string problem = !ctx.can_take_applications
                                  ? std::string(ctx.tr(kiosk::strings::kNotEnrolledCounter))
                              : !s.submit_problem.empty() ? s.submit_problem
                                                          : ctx.flow.missing_for_submit();
  if (!problem.empty()) {
    const float px = submit_w + more_w + 2 * t.gap;
    ui::message_band(ctx.ui, ctx.ui.from_start(bottom, px, bottom.width() - px), problem, ui::Tone::Error);
  }

  // The action panel at the end edge, the pages at the start.
  const ui::Rect main{body.min, {body.max.x, bottom.min.y - t.gap}};
  const float panel_w = 560 * t.scale;
  draw_review_actions(ctx, ctx.ui.from_start(main, main.width() - panel_w, panel_w));
  const ui::Rect pages = ctx.ui.from_start(main, 0, main.width() - panel_w - t.gap);

  const float cell_w = 124 * t.scale;
  const float cell_h = 186 * t.scale;
  const float usable = pages.width() - ImGui::GetStyle().ScrollbarSize - t.gap / 2;
  const int per_row = std::max(1, static_cast<int>((usable + t.gap) / (cell_w + t.gap)));
  float scroll = s.review_scroll;
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "review_pages", pages, scroll);
  const ui::Rect content{origin, {origin.x + usable, origin.y + 1}};
  float y = origin.y;
  for (const Group& g : groups_of(ctx, *service)) {
    y += ui::text_in(ctx.ui, {{content.min.x, y}, {content.max.x, y + 1}}, g.title,
                     {.size_px = t.body_px, .weight = ui::Weight::Bold, .max_lines = 1},
                     g.missing ? t.error_text : t.primary);
    y += t.gap / 2;
    if (g.pages.empty()) {
      y += t.gap;
      continue;
    }
    for (size_t k = 0; k < g.pages.size(); ++k) {
      const float cy = y + static_cast<float>(k / static_cast<size_t>(per_row)) * (cell_h + t.gap);
      ui::Rect cell = ctx.ui.from_start(
          content, static_cast<float>(k % static_cast<size_t>(per_row)) * (cell_w + t.gap), cell_w);
      cell.min.y = cy;
      cell.max.y = cy + cell_h;
      const ReviewPage& page = s.pages[g.pages[k]];
      if (draw_thumbnail(ctx, page, cell, s.selected == g.pages[k], caption_of(ctx, page)))
        ctx.flow.select(page.sequence);
    }
    const size_t rows = (g.pages.size() + static_cast<size_t>(per_row) - 1) / static_cast<size_t>(per_row);
    y += static_cast<float>(rows) * (cell_h + t.gap) + t.gap / 2;
  }
  ui::end_scroll(ctx.ui, y - origin.y, scroll);
  ctx.flow.remember_scroll(scroll);
}

}  // namespace pk::kiosk::op
