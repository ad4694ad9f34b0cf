#include "kiosk/citizen/citizen_submission.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"

namespace pk::kiosk {

static void draw_report_service(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect body =
      draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), ctx.tr(strings::kReportWhich));
  const float row_h = t.em(110);
  float scroll = ctx.flow.state().list_scroll;
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "report_services", body, scroll);
  const float width = body.width() - ImGui::GetStyle().ScrollbarSize - t.gap / 2;
  const ui::Rect content{origin, {origin.x + width, origin.y + 1}};
  float y = origin.y;
  auto row = [&](int number, std::string_view badge, const Prompt& title, std::string_view pictogram) {
    ui::Rect r{{content.min.x, y}, {content.max.x, y + row_h}};
    if (ctx.speech) {  // spoken guidance: the row's speaker says its name
      const float side = speaker_size(ctx);
      const ui::Rect speaker = ctx.ui.from_start(r, r.width() - side, side);
      say_button(ctx, "speak/report/" + std::to_string(number),
                 {{speaker.min.x, r.center().y - side / 2}, {speaker.max.x, r.center().y + side / 2}}, title);
      r = ctx.ui.from_start(r, 0, r.width() - side - t.gap / 2);
    }
    if (ui::list_row(ctx.ui, "report/" + std::to_string(number), r, badge, title.text(ctx.lang()), "", "",
                     pictogram))
      ctx.flow.choose_report_service(number);
    y += row_h + t.gap / 2;
  };
  row(0, "★", strings::kReportGeneral, pictograms::kReport);
  for (const catalog::Service& s : ctx.catalog.services)
    row(s.number, format_number(s.number, ctx.lang()), s.title, s.pictogram_name());
  ui::end_scroll(ctx.ui, y - origin.y, scroll);
  ctx.flow.remember_scroll(scroll);
}

static void draw_report_details(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const CitizenState& s = ctx.flow.state();
  const catalog::Service* service = ctx.catalog.find(s.report.service);
  const std::string title = std::string(ctx.tr(strings::kReportTitle)) + kSeparator +
                            (service ? ctx.tr(service->title) : std::string(ctx.tr(strings::kReportGeneral)));
  ui::Rect body = draw_toolbar(ctx, draw_header(ctx).inset(t.margin, t.gap), title);
  body = draw_keyboard(ctx, body);
  float y = body.min.y;

  if (!s.keyboard_open) {  // the choice of problem, unless the keyboard needs the room
    y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, ctx.tr(strings::kReportWhat),
                     {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text) +
         t.gap / 2;
    const float w = (body.width() - 4 * t.gap) / 5;
    const ui::Rect choices{{body.min.x, y}, {body.max.x, y + t.touch_target * 1.2f}};
    for (size_t i = 0; i < std::size(kProblemKinds); ++i) {
      const ProblemKind p = kProblemKinds[i];
      const std::string id(problem_id(p));
      const bool chosen = s.report.problem_chosen && s.report.problem == p;
      ui::Rect slot = ctx.ui.from_start(choices, static_cast<float>(i) * (w + t.gap), w);
      if (ctx.speech) {  // spoken guidance: each choice's speaker says its words, as a list row's does
        const float side = std::min(speaker_size(ctx), slot.height());
        const ui::Rect speaker = ctx.ui.from_start(slot, slot.width() - side, side);
        say_button(ctx, "speak/problem/" + id,
                   {{speaker.min.x, slot.center().y - side / 2}, {speaker.max.x, slot.center().y + side / 2}},
                   problem_text(p));
        slot = ctx.ui.from_start(slot, 0, slot.width() - side - t.gap / 4);
      }
      if (ui::button(ctx.ui, "problem/" + id, slot, problem_name(p, ctx.lang()),
                     chosen ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary, t.small_px))
        ctx.flow.choose_problem(p);
    }
    y = choices.max.y + t.gap;
  }
  const float column = std::min(body.width() * 0.5f, t.em(900));
  const ui::Rect col = ctx.ui.from_start({{body.min.x, y}, body.max}, 0, column);
  ui::Rect used = draw_field(ctx, col, strings::kReportText, Field::ReportText, s.report.text);
  y = used.max.y + t.gap;
  used = draw_field(ctx, {{col.min.x, y}, col.max}, strings::kReportMobile, Field::Mobile, s.report.mobile);
  y = used.max.y + t.gap / 2;
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.report.mobile_error, ui::Tone::Error);
  y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.submit_problem, ui::Tone::Error) + t.gap;
  if (!ctx.can_take_applications) {
    ui::message_band(ctx.ui, {{col.min.x, y}, col.max},
                     ctx.tr(ctx.config.mode == TerminalMode::Counter ? strings::kNotEnrolledCounter
                                                                     : strings::kNotEnrolled),
                     ui::Tone::Error);
    return;
  }
  if (s.report.problem_chosen &&
      ui::button(ctx.ui, "send_report", {{col.min.x, y}, {col.max.x, y + t.touch_target * 1.1f}},
                 ctx.tr(strings::kSend), ui::ButtonKind::Primary, t.title_px, pictograms::kReport)) {
    if (ctx.flow.report_submit_requested()) ctx.action = PendingAction::SubmitReport;
  }
}

void draw_report_screens(ScreenContext& ctx) {
  if (ctx.flow.state().screen == CitizenScreen::ReportService)
    draw_report_service(ctx);
  else
    draw_report_details(ctx);
}

}  // namespace pk::kiosk
