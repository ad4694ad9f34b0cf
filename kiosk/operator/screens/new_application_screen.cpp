// A walk-in's application: first the service (every service offered at the counter, the
// counter-only ones too), then the citizen's identity with the same checks as the kiosk.
#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/identity/identity_documents.h"
#include "kiosk/operator/screens/operator_screen.h"

namespace pk::kiosk::op {

namespace {

void draw_service_list(OperatorScreenContext& ctx, const ui::Rect& body) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect list = draw_operator_toolbar(ctx, body, ctx.tr(strings::kChooseService));
  std::vector<const catalog::Service*> services;
  for (const catalog::Service& s : ctx.catalog.services)
    if (s.offered_at(catalog::Channel::Counter)) services.push_back(&s);
  // Three columns of compact rows: an operator scans the numbers, not the sentences.
  const ui::GridSpec grid{.columns = list.width() > 1400 * t.scale ? 3 : 1,
                          .row_height = 104 * t.scale,
                          .row_gap = t.gap / 2,
                          .column_gap = t.gap};
  float scroll = ctx.flow.state().list_scroll;
  ui::scroll_grid(ctx.ui, "op_services", list, grid, services.size(), scroll,
                  [&](size_t i, const ui::Rect& row) {
                    const catalog::Service& s = *services[i];
                    const bool counter_only = !s.offered_at(catalog::Channel::Kiosk);
                    if (ui::list_row(ctx.ui, "service/" + std::to_string(s.number), row,
                                     format_number(s.number, ctx.lang()), ctx.tr(s.title), "",
                                     counter_only ? ctx.tr(strings::kCounterOnlyTag) : ""))
                      ctx.flow.choose_service(s.number);
                  });
  ctx.flow.remember_scroll(scroll);
}

void draw_identity_form(OperatorScreenContext& ctx, const ui::Rect& body_in,
                        const catalog::Service& service) {
  const ui::Theme& t = ctx.ui.theme();
  const OperatorState& s = ctx.flow.state();
  const std::string title = format_number(service.number, ctx.lang()) + ". " + ctx.tr(service.title);
  ui::Rect body = draw_operator_toolbar(ctx, body_in, title);
  const ui::Rect col = draw_operator_keypad(ctx, body);
  const ui::Rect form = ctx.ui.from_start(col, 0, std::min(col.width(), 1000 * t.scale));
  float y = form.min.y;
  y += ui::text_in(ctx.ui, {{form.min.x, y}, form.max}, ctx.tr(strings::kIdentityTitle),
                   {.size_px = t.title_px, .weight = ui::Weight::Bold}, t.primary);
  y += t.gap;
  // The same four documents as the kiosk, in one row: the operator's form is wide.
  const float tab_w = (form.width() - 3 * t.gap) / 4;
  const ui::Rect tabs{{form.min.x, y}, {form.max.x, y + t.touch_target * 0.8f}};
  for (size_t i = 0; i < std::size(kIdDocumentChoices); ++i) {
    const IdDocument& doc = kIdDocumentChoices[i];
    if (ui::tab(ctx.ui, doc.widget_id,
                ctx.ui.from_start(tabs, static_cast<float>(i) * (tab_w + t.gap), tab_w), ctx.tr(doc.name),
                s.identity.kind == doc.kind))
      ctx.flow.set_id_kind(doc.kind);
  }
  const char* number_label = ctx.tr(id_document(s.identity.kind).number_label);
  y = tabs.max.y + 1.5f * t.gap;
  const bool persian = ctx.flow.rtl();
  const std::string number =
      persian ? to_persian_digits(s.identity.number) : to_ascii_digits(s.identity.number);
  ui::Rect used =
      draw_operator_field(ctx, {{form.min.x, y}, form.max}, number_label, OpField::IdNumber, number);
  y = used.max.y + t.gap / 2;
  if (!s.identity.number_error.empty())
    y += ui::message_band(ctx.ui, {{form.min.x, y}, form.max}, s.identity.number_error, ui::Tone::Error);
  y += t.gap;
  const std::string mobile =
      persian ? to_persian_digits(s.identity.mobile) : to_ascii_digits(s.identity.mobile);
  used = draw_operator_field(ctx, {{form.min.x, y}, form.max}, ctx.tr(kiosk::strings::kMobileOptional),
                             OpField::Mobile, mobile);
  y = used.max.y + t.gap / 2;
  if (!s.identity.mobile_error.empty())
    y += ui::message_band(ctx.ui, {{form.min.x, y}, form.max}, s.identity.mobile_error, ui::Tone::Error);
  y += t.gap;
  const ui::Rect next{{form.min.x, y + t.gap}, {form.max.x, y + t.gap + t.touch_target * 1.1f}};
  if (ui::button(ctx.ui, "next", ctx.ui.from_start(next, 0, 520 * t.scale), ctx.tr(strings::kToScan),
                 ui::ButtonKind::Primary, t.title_px))
    ctx.flow.identify_next();
}

}  // namespace

void draw_new_application_screen(OperatorScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect body = draw_operator_header(ctx).inset(t.margin, t.gap);
  const catalog::Service* service = ctx.flow.service();
  if (!service)
    draw_service_list(ctx, body);
  else
    draw_identity_form(ctx, body, *service);
}

}  // namespace pk::kiosk::op
