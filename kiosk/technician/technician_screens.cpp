#include "kiosk/technician/technician_screens.h"

#include <algorithm>

#include "domain/jalali.h"
#include "domain/sla_agreement.h"
#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/strings/technician_strings.h"
#include "kiosk/technician/technician_enroll_screen.h"
#include "kiosk/technician/technician_setup_screens.h"

namespace pk::kiosk::tech {

namespace {

const char* tr(const TechContext& ctx, const Text& text) { return text.in(ctx.language); }

std::string percent_or_unknown(const TechContext& ctx, const std::optional<double>& fraction) {
  return fraction ? format_percent(*fraction, 2, ctx.language) : std::string(tr(ctx, strings::kUnknown));
}

// A figure that rests on unknown hours (or a suspect clock) can never be called met: it carries
// a mark, explained under the table.
bool has_gaps(const sla::PeriodFigures& f) { return f.unknown_seconds > 0 || f.clock.suspect(); }

std::string figure_cell(const TechContext& ctx, const sla::PeriodFigures& f) {
  std::string text = percent_or_unknown(ctx, f.agreement_availability);
  if (f.agreement_availability && has_gaps(f)) text += " *";
  return text;
}

// The screen's reference line: the agreement fixes no figure, the console draws 99 % too.
constexpr double kTarget = 0.99;

ui::Rect header(TechContext& ctx, std::string_view title) {
  const ui::Theme& t = ctx.ui.theme();
  // A different colour from the citizen screens: nobody mistakes this for a citizen's screen.
  ui::HeaderBand band(ctx.ui, ctx.screen, IM_COL32(52, 58, 64, 255));
  if (ui::button(ctx.ui, "tech/exit", band.take_end(220 * t.scale).inset(0, t.gap), tr(ctx, strings::kExit),
                 ui::ButtonKind::Secondary, t.small_px))
    ctx.exit_requested = true;
  band.title(std::string(tr(ctx, strings::kTitle)) + kSeparator + std::string(title) + kSeparator +
             ctx.terminal_id);
  return band.below();
}

void draw_login(TechContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const TechState& s = ctx.flow.state();
  ui::Rect body = header(ctx, tr(ctx, strings::kSignIn)).inset(t.margin, t.margin);

  // The keypad at the end edge; the PIN and id are digits.
  const float pad_w = std::min(body.width() * 0.4f, 700 * t.scale);
  ctx.keyboard.set_layout(ui::KeyboardLayout::Numeric);
  ctx.keyboard.lock_numeric(true);
  const ui::Rect pad = ctx.ui.from_start(
      {{body.min.x, body.max.y - ctx.keyboard.preferred_height(t)}, body.max}, body.width() - pad_w, pad_w);
  std::string text = s.field == TechField::Id ? s.id : s.pin;
  if (ctx.keyboard.draw(ctx.ui, pad, text)) ctx.flow.set_text(s.field, std::move(text));

  const ui::Rect col = ctx.ui.from_start(body, 0, std::min(body.width() - pad_w - t.margin, 900 * t.scale));
  float y = col.min.y;
  y += ui::text_in(ctx.ui, {{col.min.x, y}, col.max}, tr(ctx, strings::kLoginHint), {.size_px = t.body_px},
                   t.text_muted) +
       t.gap;
  auto field = [&](TechField which, const Text& label, const std::string& shown, const char* id) {
    const ui::FieldDrawn drawn = ui::labelled_field(ctx.ui, {{col.min.x, y}, col.max},
                                                    {.id = id,
                                                     .label = tr(ctx, label),
                                                     .text = shown,
                                                     .focused = s.field == which,
                                                     .label_gap = ui::LabelGap::Flush});
    if (drawn.tapped) ctx.flow.focus(which);
    y = drawn.used.max.y + t.gap;
  };
  field(TechField::Id, strings::kId, uses_persian_digits(ctx.language) ? to_persian_digits(s.id) : s.id,
        "tech/id");
  std::string dots;
  for (size_t i = 0; i < s.pin.size(); ++i) dots += "●";  // the PIN itself is never drawn
  field(TechField::Pin, strings::kPin, dots, "tech/pin");
  if (!s.login_error.empty())
    y += ui::message_band(ctx.ui, {{col.min.x, y}, col.max}, s.login_error, ui::Tone::Error) + t.gap;
  if (ui::button(ctx.ui, "tech/signin", {{col.min.x, y}, {col.min.x + 400 * t.scale, y + t.touch_target}},
                 tr(ctx, strings::kSignIn), ui::ButtonKind::Primary, t.title_px) &&
      ctx.flow.login_requested())
    ctx.login_requested = true;
}

ui::Rect tabs(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect row{body.min, {body.max.x, body.min.y + t.touch_target * 0.8f}};
  const struct {
    TechScreen screen;
    const Text& name;
    const char* id;
  } items[] = {{TechScreen::ServiceLevels, strings::kServiceLevels, "tech/tab/sla"},
               {TechScreen::Enrollment, strings::kEnrollment, "tech/tab/enroll"},
               {TechScreen::Devices, strings::kDevices, "tech/tab/devices"},
               {TechScreen::Outbox, strings::kOutbox, "tech/tab/outbox"},
               {TechScreen::Diagnostics, strings::kDiagnostics, "tech/tab/diagnostics"},
               {TechScreen::FactoryReset, strings::kFactoryReset, "tech/tab/reset"}};
  const float count = static_cast<float>(std::size(items));
  const float w = std::min(320 * t.scale, (row.width() - (count - 1) * t.gap) / count);
  for (size_t i = 0; i < std::size(items); ++i)
    if (ui::tab(ctx.ui, items[i].id, ctx.ui.from_start(row, static_cast<float>(i) * (w + t.gap), w),
                tr(ctx, items[i].name), ctx.flow.state().screen == items[i].screen))
      ctx.flow.show(items[i].screen);
  return {{body.min.x, row.max.y + t.gap}, body.max};
}

// Twelve bars, one per agreement month, from the start edge (Farvardin on the right in Persian).
float draw_month_chart(TechContext& ctx, const ui::Rect& area, const sla::TechnicianData& data) {
  const ui::Theme& t = ctx.ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float y = area.min.y;
  y += ui::text_in(ctx.ui, {{area.min.x, y}, area.max}, tr(ctx, strings::kAvailabilityByMonth),
                   {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
  const float chart_h = 220 * t.scale;
  const float label_h = t.small_px * 1.5f;
  const float slot = area.width() / 12;
  const ui::Rect chart{{area.min.x, y + t.gap}, {area.max.x, y + t.gap + chart_h}};
  // The scale starts at 95%: availability lives near the top, and that is where it differs.
  constexpr double kFloor = 0.95;
  for (int m = 1; m <= 12; ++m) {
    const ui::Rect column =
        ctx.ui.from_start(chart, static_cast<float>(m - 1) * slot, slot).inset(slot * 0.15f, 0);
    const auto& value = data.overall_by_month[static_cast<size_t>(m - 1)];
    draw->AddRectFilled({column.min.x, chart.min.y}, {column.max.x, chart.max.y}, t.surface, 4);
    if (value) {
      const double level = std::clamp((*value - kFloor) / (1 - kFloor), 0.0, 1.0);
      const float top = chart.max.y - static_cast<float>(level) * chart_h;
      // Met only when the month is over and complete; an incomplete one is grey, never "met".
      const sla::TargetVerdict verdict =
          sla::against_target(data.state_by_month[static_cast<size_t>(m - 1)], value, kTarget);
      const ImU32 colour = verdict == sla::TargetVerdict::Met      ? t.primary
                           : verdict == sla::TargetVerdict::Missed ? IM_COL32(196, 120, 0, 255)
                                                                   : IM_COL32(160, 168, 178, 255);
      draw->AddRectFilled({column.min.x, top}, {column.max.x, chart.max.y}, colour, 4);
      ui::text_in(
          ctx.ui,
          {{column.min.x - slot * 0.15f, top - t.small_px * 1.5f}, {column.max.x + slot * 0.15f, top}},
          format_percent(*value, 1, ctx.language),
          {.size_px = t.small_px * 0.8f, .align = ui::TextAlign::Center}, t.text);
    }
    const bool current = m == data.today.month;
    ui::text_in(ctx.ui,
                {{column.min.x - slot * 0.15f, chart.max.y + 4},
                 {column.max.x + slot * 0.15f, chart.max.y + label_h}},
                jalali::month_name(m, ctx.language),
                {.size_px = t.small_px * 0.85f,
                 .weight = current ? ui::Weight::Bold : ui::Weight::Regular,
                 .align = ui::TextAlign::Center,
                 .max_lines = 1},
                current ? t.primary : t.text_muted);
  }
  return chart.max.y + label_h + t.gap - area.min.y;
}

void draw_service_levels(TechContext& ctx, ui::Rect body) {
  const ui::Theme& t = ctx.ui.theme();
  if (!ctx.service_levels) {
    ui::message_band(ctx.ui, body,
                     std::string(tr(ctx, strings::kNoLedger)) + ": " + ctx.service_levels_problem,
                     ui::Tone::Error);
    return;
  }
  const sla::TechnicianData& data = *ctx.service_levels;
  float y = body.min.y;
  if (data.month_clock.suspect() || data.year_clock.suspect()) {
    const Text& why = data.year_clock.never_synced && !data.year_clock.wall_clock_jumped
                          ? strings::kNeverSynced
                          : strings::kClockSuspect;
    y += ui::message_band(ctx.ui, {{body.min.x, y}, body.max}, tr(ctx, why), ui::Tone::Notice) + t.gap;
  }
  y += draw_month_chart(ctx, {{body.min.x, y}, body.max}, data);

  // Open outages, one line each.
  y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, tr(ctx, strings::kOpenOutages),
                   {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
  if (data.open_outages.empty())
    y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, tr(ctx, strings::kNoOpenOutages),
                     {.size_px = t.small_px}, t.text_muted);
  for (const sla::OpenOutageView& o : data.open_outages) {
    const std::string line = std::string(sla::to_string(o.cause)) + " · " +
                             format_number(o.seconds_so_far / 60, ctx.language) + " " +
                             tr(ctx, strings::kMinutes);
    y += ui::text_in(ctx.ui, {{body.min.x, y}, body.max}, line, {.size_px = t.small_px}, t.error_text);
  }
  y += t.gap;

  // The per-service table: number and title at the start edge, figures in fixed columns.
  // Outage and unknown hours are real hours; the percentages are over the 720 h month and the
  // 8,640 h year (sla_agreement.h).
  constexpr int kColumns = 6;
  const float col_w = 200 * t.scale;
  const char* heads[kColumns] = {tr(ctx, strings::kThisMonth),      tr(ctx, strings::kThisYear),
                                 tr(ctx, strings::kUnknownHours),   tr(ctx, strings::kPlannedHours),
                                 tr(ctx, strings::kUnplannedHours), tr(ctx, strings::kReports)};
  const ui::Rect table{{body.min.x, y}, {body.max.x, body.max.y - t.small_px * 3.2f}};
  const float title_w = table.width() - kColumns * col_w - ImGui::GetStyle().ScrollbarSize;
  for (int i = 0; i < kColumns; ++i)
    ui::text_in(ctx.ui,
                ctx.ui.from_start({{table.min.x, y}, {table.max.x, y + t.small_px * 2.6f}},
                                  title_w + static_cast<float>(i) * col_w, col_w),
                heads[i],
                {.size_px = t.small_px * 0.85f,
                 .weight = ui::Weight::Bold,
                 .align = ui::TextAlign::Center,
                 .max_lines = 2},
                t.text_muted);
  y += t.small_px * 2.8f;
  float scroll = 0;
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "tech/services", {{table.min.x, y}, table.max}, scroll);
  float row_y = origin.y;
  const float row_h = t.small_px * 2.0f;
  for (const sla::TechnicianServiceRow& row : data.services) {
    const catalog::Service* service = ctx.catalog.find(row.service);
    const ui::Rect line{{origin.x, row_y},
                        {origin.x + table.width() - ImGui::GetStyle().ScrollbarSize, row_y + row_h}};
    const std::string title = format_number(row.service, ctx.language) + ". " +
                              (service ? service->title.in(ctx.language) : std::string());
    ui::text_in(ctx.ui, ctx.ui.from_start(line, 0, title_w - t.gap), title,
                {.size_px = t.small_px, .max_lines = 1}, t.text, true);
    const sla::PeriodFigures& year = row.year.year_total;
    const std::string cells[kColumns] = {figure_cell(ctx, row.month),
                                         figure_cell(ctx, year),
                                         format_decimal(year.unknown_hours, 2, ctx.language),
                                         format_decimal(year.planned_hours, 2, ctx.language),
                                         format_decimal(year.unplanned_hours, 2, ctx.language),
                                         format_number(year.failure_reports, ctx.language)};
    for (int i = 0; i < kColumns; ++i)
      ui::text_in(ctx.ui, ctx.ui.from_start(line, title_w + static_cast<float>(i) * col_w, col_w), cells[i],
                  {.size_px = t.small_px, .align = ui::TextAlign::Center}, t.text, true);
    ImGui::GetWindowDrawList()->AddLine({line.min.x, line.max.y}, {line.max.x, line.max.y}, t.divider);
    row_y += row_h;
  }
  ui::end_scroll(ctx.ui, row_y - origin.y, scroll);
  ui::text_in(ctx.ui, {{body.min.x, table.max.y + t.gap / 2}, body.max}, tr(ctx, strings::kHoursExplained),
              {.size_px = t.small_px * 0.85f, .max_lines = 3}, t.text_muted);
}

void draw_outbox(TechContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  if (!ctx.outbox) return;
  const store::StoreStats& s = *ctx.outbox;
  float y = body.min.y;
  auto line = [&](const Text& label, const std::string& value) {
    const ui::Rect row{{body.min.x, y}, {body.max.x, y + t.body_px * 1.6f}};
    ui::text_in(ctx.ui, ctx.ui.from_start(row, 0, 500 * t.scale), tr(ctx, label), {.size_px = t.body_px},
                t.text_muted);
    ui::text_in(ctx.ui, ctx.ui.from_start(row, 520 * t.scale, 600 * t.scale), value,
                {.size_px = t.body_px, .weight = ui::Weight::Bold}, t.text);
    y = row.max.y + t.gap / 2;
  };
  line(strings::kPending, format_number(s.pending_outbox, ctx.language));
  if (s.oldest_pending_age_seconds)
    line(strings::kOldest,
         format_number(*s.oldest_pending_age_seconds / 60, ctx.language) + " " + tr(ctx, strings::kMinutes));
  line(strings::kSent, format_number(s.count(store::ApplicationState::Sent), ctx.language));
  line(strings::kConfirmed,
       format_number(s.count(store::ApplicationState::Confirmed) + s.count(store::ApplicationState::Purged),
                     ctx.language));
  line(strings::kDatabase,
       format_decimal(static_cast<double>(s.database_bytes) / (1024.0 * 1024.0), 1, ctx.language) + " MiB");
}

}  // namespace

void draw_technician(TechContext& ctx) {
  const TechScreen screen = ctx.flow.state().screen;
  if (screen == TechScreen::Login) return draw_login(ctx);
  const ui::Theme& t = ctx.ui.theme();
  const Text& title = screen == TechScreen::ServiceLevels ? strings::kServiceLevels
                      : screen == TechScreen::Enrollment  ? strings::kEnrollment
                      : screen == TechScreen::Devices     ? strings::kDevices
                      : screen == TechScreen::Outbox      ? strings::kOutbox
                      : screen == TechScreen::Diagnostics ? strings::kDiagnostics
                                                          : strings::kFactoryReset;
  const ui::Rect body = tabs(ctx, header(ctx, tr(ctx, title)).inset(t.margin, t.gap));
  switch (screen) {
    case TechScreen::ServiceLevels:
      draw_service_levels(ctx, body);
      break;
    case TechScreen::Enrollment:
      if (ctx.enroll) ctx.enroll->draw(ctx, body);
      break;
    case TechScreen::Devices:
      draw_device_setup(ctx, body);
      break;
    case TechScreen::Diagnostics:
      draw_diagnostics(ctx, body);
      break;
    case TechScreen::FactoryReset:
      draw_factory_reset(ctx, body);
      break;
    case TechScreen::Outbox:
      draw_outbox(ctx, body);
      break;
    case TechScreen::Login:
      break;
  }
}

}  // namespace pk::kiosk::tech
