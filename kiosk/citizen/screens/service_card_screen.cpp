#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"
#include "ui/pictograms/pictogram.h"
#include "ui/screen_kit.h"

namespace pk::kiosk {

namespace {

// Writes blocks of text down a column, keeping the y cursor.
class Column {
 public:
  Column(ScreenContext& ctx, ui::Rect rect)
      : m_ctx(ctx), m_t(ctx.ui.theme()), m_rect(rect), m_y(rect.min.y) {}

  // `sample`: the catalog marks what follows as a sample value; a «نمونه» chip says so beside it.
  void heading(std::string_view text, bool sample = false) {
    m_y += m_t.gap;
    const ui::TextStyle style{.size_px = m_t.title_px * 0.8f, .weight = ui::Weight::Bold};
    if (sample) sample_chip(m_ctx.ui.text().measure(text, style).x, style.size_px);
    m_y += ui::text_in(m_ctx.ui, area(), text, style, m_t.primary);
    ImGui::GetWindowDrawList()->AddLine({m_rect.min.x, m_y + 4}, {m_rect.max.x, m_y + 4}, m_t.divider,
                                        2 * m_t.scale);
    m_y += m_t.gap;
  }
  void paragraph(std::string_view text, ImU32 color) {
    m_y += ui::text_in(m_ctx.ui, area(), text, {.size_px = m_t.body_px}, color) + m_t.gap / 3;
  }
  // A numbered or bulleted item: the marker at the start edge, the text beside it.
  // With `spoken` (and speech on), a speaker button at the item's start says it.
  void item(std::string_view marker, std::string_view text, const Prompt* spoken = nullptr,
            std::string_view speaker_id = {}) {
    float lead = 0;
    if (spoken && m_ctx.speech) {
      const float side = speaker_size(m_ctx) * 0.8f;
      const ui::Rect at = m_ctx.ui.from_start(area(), 0, side);
      say_button(m_ctx, speaker_id, {at.min, {at.max.x, at.min.y + side}}, *spoken);
      lead = side + m_t.gap / 2;
      const float text_h = m_ctx.ui.text().layout(text, {.size_px = m_t.body_px}).size.y;
      if (text_h < side) m_y += (side - text_h) / 2;  // the text beside the button, centred
    }
    const float marker_width = m_t.em(56);
    ui::text_in(m_ctx.ui, m_ctx.ui.from_start(area(), lead, marker_width), marker,
                {.size_px = m_t.body_px, .weight = ui::Weight::Bold}, m_t.primary);
    const float text_x = lead + marker_width;
    m_y += ui::text_in(m_ctx.ui, m_ctx.ui.from_start(area(), text_x, m_rect.width() - text_x), text,
                       {.size_px = m_t.body_px}, m_t.text) +
           m_t.gap / 3;
    if (lead > 0) {
      const float side = lead - m_t.gap / 2;
      const float text_h = m_ctx.ui.text().layout(text, {.size_px = m_t.body_px}).size.y;
      if (text_h < side) m_y += (side - text_h) / 2;
    }
  }
  // "label: value" as two blocks, the label muted above the value.
  void fact(std::string_view label, std::string_view value, bool sample = false) {
    m_y += m_t.gap / 2;
    const ui::TextStyle style{.size_px = m_t.small_px};
    if (sample) sample_chip(m_ctx.ui.text().measure(label, style).x, style.size_px);
    m_y += ui::text_in(m_ctx.ui, area(), label, style, m_t.text_muted);
    m_y +=
        ui::text_in(m_ctx.ui, area(), value, {.size_px = m_t.body_px, .weight = ui::Weight::Bold}, m_t.text);
  }
  [[nodiscard]] float bottom() const { return m_y; }

 private:
  [[nodiscard]] ui::Rect area() const { return {{m_rect.min.x, m_y}, {m_rect.max.x, m_y + 1}}; }
  // The chip after a line of text `text_width` wide, in the notice's colours the banner uses.
  void sample_chip(float text_width, float line_px) {
    const char* word = m_ctx.tr(strings::kSampleTag);
    const ui::TextStyle style{.size_px = m_t.small_px * 0.9f};
    const float w = m_ctx.ui.text().measure(word, style).x + m_t.gap;
    const float h = m_t.small_px * 1.4f;
    ui::Rect chip = m_ctx.ui.from_start(area(), text_width + m_t.gap, w);
    chip.min.y = m_y + (line_px * 1.3f - h) / 2;
    chip.max.y = chip.min.y + h;
    ImGui::GetWindowDrawList()->AddRectFilled(chip.min, chip.max, m_t.notice_bg, h / 2);
    ui::text_in(m_ctx.ui, chip, word, {.size_px = style.size_px, .align = ui::TextAlign::Center},
                m_t.notice_text);
  }
  ScreenContext& m_ctx;
  const ui::Theme& m_t;
  ui::Rect m_rect;
  float m_y;
};

std::string document_line(const ScreenContext& ctx, const catalog::RequiredDocument& doc) {
  std::string line =
      ctx.tr(doc.title) + " (" + format_number(doc.pages, ctx.lang()) + " " + ctx.tr(strings::kPages);
  if (!doc.mandatory) line += "، " + std::string(ctx.tr(strings::kOptional));
  return line + ")";
}

}  // namespace

void draw_service_card_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const catalog::Service* service = ctx.catalog.find(ctx.flow.state().service);
  if (!service) {  // the flow never opens an unknown service; a stale state goes back safely
    ctx.flow.back();
    return;
  }
  const ui::Rect body = draw_header(ctx).inset(t.margin, t.gap);
  const ui::Rect bar{body.min, {body.max.x, body.min.y + t.touch_target}};
  const float back_width = t.em(240);
  if (ui::button(ctx.ui, "back", ctx.ui.from_start(bar, 0, back_width), ctx.tr(strings::kBack),
                 ui::ButtonKind::Secondary, 0, pictograms::kBack))
    ctx.flow.back();
  const std::string title = format_number(service->number, ctx.lang()) + ". " + ctx.tr(service->title);
  // The service's pictogram before its title, as on its row in the list.
  float title_start = back_width + t.gap;
  if (const float drawn =
          ui::pictogram(ctx.ui, service->pictogram_name(),
                        ctx.ui.from_start(bar, title_start, t.touch_target), t.title_px * 1.9f, t.primary);
      drawn > 0)
    title_start += t.touch_target + t.gap / 2;
  ui::bar_title(ctx.ui, ctx.ui.from_start(bar, title_start, bar.width() - title_start), title,
                ui::TitleFit::TwoLines);

  // The action at the bottom: apply at the kiosk, or go to the counter.
  const bool kiosk = service->offered_at(catalog::Channel::Kiosk);
  const ui::Rect action_row = ui::foot_row(body, t.touch_target * 1.3f);
  if (kiosk) {
    const float w = t.em(520);
    if (ui::button(ctx.ui, "apply", ctx.ui.from_start(action_row, 0, w), ctx.tr(strings::kApply),
                   ui::ButtonKind::Primary, t.title_px, pictograms::kApply))
      ctx.flow.apply();
  } else {
    // What to do, and a slip to take: the service, the documents and a code the counter scans.
    const CounterSlipOutcome& slip = ctx.flow.state().counter_slip;
    std::string notice = ctx.tr(strings::kCounterOnlyNotice);
    if (slip.state == SlipState::Printed) notice = ctx.tr(strings::kSlipPrinted);
    if (slip.state == SlipState::NotPrinted)
      notice = std::string(ctx.tr(strings::kSlipNotPrinted)) + slip.problem;
    const float w = t.em(520);
    ui::notice(ctx.ui, ctx.ui.from_start(action_row, 0, action_row.width() - w - t.gap), notice, t.notice_bg,
               slip.state == SlipState::NotPrinted ? t.error_text : t.notice_text);
    if (ui::button(ctx.ui, "print_slip", ctx.ui.from_start(action_row, action_row.width() - w, w),
                   ctx.tr(strings::kPrintSlip),
                   slip.state == SlipState::Printed ? ui::ButtonKind::Secondary : ui::ButtonKind::Primary,
                   t.body_px, pictograms::kPrint) &&
        ctx.flow.counter_slip_requested())
      ctx.action = PendingAction::PrintCounterSlip;
  }

  // Under the card, a strip for the "more below" label: beside the text it points at, not over it.
  const float more_h = t.small_px * 1.8f;
  ui::Rect content{{body.min.x, bar.max.y + t.gap}, {body.max.x, action_row.min.y - t.gap - more_h}};
  float card_scroll = 0;  // ImGui keeps the card's scroll itself; it starts at the top
  const ImVec2 origin = ui::begin_scroll(ctx.ui, "card", content, card_scroll);
  ui::Rect inner{origin,
                 {origin.x + content.width() - ImGui::GetStyle().ScrollbarSize - t.gap / 2, origin.y + 1}};
  float y = inner.min.y;
  if (!service->sample_fields.empty() && !ctx.tr(ctx.catalog.sample_notice).empty())
    y += ui::message_band(ctx.ui, {{inner.min.x, y}, inner.max}, ctx.tr(ctx.catalog.sample_notice),
                          ui::Tone::Notice) +
         t.gap;

  const float column_width = (inner.width() - 2 * t.margin) / 2;
  ui::Rect first = ctx.ui.from_start(inner, 0, column_width);
  ui::Rect second = ctx.ui.from_start(inner, column_width + 2 * t.margin, column_width);
  first.min.y = second.min.y = y;

  Column steps(ctx, first);
  steps.heading(ctx.tr(strings::kSteps), service->is_sample("steps"));
  for (size_t i = 0; i < service->steps.size(); ++i)
    steps.item(format_number(static_cast<int64_t>(i + 1), ctx.lang()) + ".", ctx.tr(service->steps[i]));
  steps.heading(ctx.tr(strings::kDocuments), service->is_sample("documents"));
  for (size_t i = 0; i < service->documents.size(); ++i) {
    const catalog::RequiredDocument& doc = service->documents[i];
    const Prompt spoken(doc.title);
    steps.item("•", document_line(ctx, doc), &spoken, "speak/document/" + std::to_string(i));
  }
  if (!service->forms.empty()) {
    steps.heading(ctx.tr(strings::kForms), service->is_sample("forms"));
    for (const catalog::Form& form : service->forms) steps.item("•", ctx.tr(form.title));
  }

  Column facts(ctx, second);
  const catalog::Office* office = ctx.catalog.office(service->office_id);
  facts.heading(ctx.tr(strings::kOffice));
  facts.paragraph(office ? ctx.tr(office->name) : service->office_id, t.text);
  facts.fact(ctx.tr(strings::kFee), format_amount_rials(service->fee_rials, ctx.lang()),
             service->is_sample("fee_rials"));
  facts.fact(ctx.tr(strings::kHandlingTime),
             format_number(service->handling_days, ctx.lang()) + " " + ctx.tr(strings::kWorkingDays),
             service->is_sample("handling_days"));
  facts.fact(ctx.tr(strings::kApprover), ctx.tr(service->approver), service->is_sample("approver"));
  facts.heading(ctx.tr(strings::kCredit));
  facts.paragraph(ctx.tr(service->credit_policy), t.text_muted);
  facts.heading(ctx.tr(strings::kDispute));
  facts.paragraph(ctx.tr(service->dispute), t.text_muted);

  const float content_h = std::max(steps.bottom(), facts.bottom()) - origin.y + t.gap;
  // A thin scrollbar is not enough to tell a citizen there is more: while some of the card is
  // below the edge, the last lines fade out, and a "more below" label sits under them.
  const bool more_below = content_h - ImGui::GetScrollY() > content.height() + 2;
  if (more_below) ui::fade_region_foot(ctx.ui, content, t.touch_target * 0.9f);
  ui::end_scroll(ctx.ui, content_h, card_scroll);
  if (more_below) ui::more_below_pill(ctx.ui, content, ctx.tr(strings::kMoreBelow), more_h);
}

}  // namespace pk::kiosk
