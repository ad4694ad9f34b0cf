#include "domain/catalog_search.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/format.h"

namespace pk::kiosk {

namespace {

// The services the list shows: the search result, narrowed to the chosen office.
std::vector<const catalog::Service*> visible_services(const ScreenContext& ctx) {
  std::vector<const catalog::Service*> out;
  for (int number : catalog::search_services(ctx.catalog, ctx.flow.state().query)) {
    const catalog::Service* service = ctx.catalog.find(number);
    if (!service) continue;
    if (!ctx.flow.state().office_filter.empty() && service->office_id != ctx.flow.state().office_filter)
      continue;
    out.push_back(service);
  }
  return out;
}

void draw_toolbar(ScreenContext& ctx, const ui::Rect& bar) {
  const ui::Theme& t = ctx.ui.theme();
  const float back_width = t.em(240);
  if (ui::button(ctx.ui, "back", ctx.ui.from_start(bar, 0, back_width), ctx.tr(strings::kBack),
                 ui::ButtonKind::Secondary, 0, pictograms::kBack))
    ctx.flow.back();

  // Office tabs at the end edge: "All" then each office, each as wide as its name needs.
  const float offset = back_width + t.gap;
  const ui::TextStyle tab_text{.size_px = t.small_px, .weight = ui::Weight::Bold};
  auto tab_width = [&](std::string_view name) {
    return std::min(ctx.ui.text().measure(name, tab_text).x + 3 * t.gap, t.em(440));
  };
  float tabs_width = tab_width(ctx.tr(strings::kAllOffices));
  for (const catalog::Office& office : ctx.catalog.offices)
    tabs_width += t.gap + tab_width(ctx.tr(office.name));
  float tab_x = bar.width() - tabs_width;
  const ui::Rect tab_row = bar.inset(0, t.gap / 2);
  float w = tab_width(ctx.tr(strings::kAllOffices));
  if (ui::tab(ctx.ui, "office/all", ctx.ui.from_start(tab_row, tab_x, w), ctx.tr(strings::kAllOffices),
              ctx.flow.state().office_filter.empty()))
    ctx.flow.filter_office("");
  for (const catalog::Office& office : ctx.catalog.offices) {
    tab_x += w + t.gap;
    w = tab_width(ctx.tr(office.name));
    const std::string id = "office/" + office.id;
    if (ui::tab(ctx.ui, id, ctx.ui.from_start(tab_row, tab_x, w), ctx.tr(office.name),
                ctx.flow.state().office_filter == office.id))
      ctx.flow.filter_office(office.id);
  }

  // The search box between them; the on-screen keyboard opens from it.
  const ui::Rect search = ctx.ui.from_start(bar, offset, bar.width() - offset - tabs_width - t.gap);
  if (ui::text_field(ctx.ui, "search", search, ctx.flow.state().query, ctx.tr(strings::kSearchHint),
                     ctx.flow.state().keyboard_open))
    ctx.flow.open_keyboard();
}

}  // namespace

void draw_browse_screen(ScreenContext& ctx) {
  const ui::Theme& t = ctx.ui.theme();
  const ui::Rect body = draw_header(ctx).inset(t.margin, t.gap);
  draw_toolbar(ctx, {body.min, {body.max.x, body.min.y + t.touch_target}});

  ui::Rect list{{body.min.x, body.min.y + t.touch_target + t.gap}, body.max};
  if (ctx.flow.state().keyboard_open) {
    // Words, whatever the session's last field was (a keypad's lock would hide the letters).
    ctx.keyboard.lock_numeric(false);
    set_keyboard_words(ctx);
    // At most three quarters of the room under the toolbar: with larger text (A+) the keyboard
    // would otherwise leave the list no height at all (and a list of no height fills the screen).
    const float height = std::min(ctx.keyboard.preferred_height(t), (list.height() - t.gap) * 0.75f);
    const ui::Rect keys{{body.min.x, body.max.y - height}, body.max};
    std::string query = ctx.flow.state().query;
    if (ctx.keyboard.draw(ctx.ui, keys, query)) ctx.flow.set_query(query);
    list.max.y = keys.min.y - t.gap;
  }
  const std::vector<const catalog::Service*> services = visible_services(ctx);
  if (services.empty()) {
    ui::text_in(ctx.ui, list.inset(0, t.margin), ctx.tr(strings::kNoResults),
                {.size_px = t.title_px, .align = ui::TextAlign::Center}, t.text_muted);
    return;
  }

  // Two columns on a landscape screen, one on a portrait one; order runs from the start edge.
  const ui::GridSpec grid{.columns = list.width() > t.em(1400) ? 2 : 1,
                          .row_height = t.em(150),
                          .row_gap = t.gap,
                          .column_gap = t.gap};
  float scroll = ctx.flow.state().list_scroll;
  ui::scroll_grid(
      ctx.ui, "services", list, grid, services.size(), scroll, [&](size_t i, const ui::Rect& cell) {
        const catalog::Service& s = *services[i];
        ui::Rect row = cell;
        const catalog::Office* office = ctx.catalog.office(s.office_id);
        const bool counter_only = !s.offered_at(catalog::Channel::Kiosk);
        // Spoken guidance: a speaker at the row's end says the service's name.
        if (ctx.speech) {
          const float side = speaker_size(ctx);
          const ui::Rect speaker = ctx.ui.from_start(row, row.width() - side, side);
          say_button(ctx, "speak/service/" + std::to_string(s.number),
                     {{speaker.min.x, row.center().y - side / 2}, {speaker.max.x, row.center().y + side / 2}},
                     s.title);
          row = ctx.ui.from_start(row, 0, row.width() - side - t.gap / 2);
        }
        if (ui::list_row(ctx.ui, "service/" + std::to_string(s.number), row,
                         format_number(s.number, ctx.lang()), ctx.tr(s.title),
                         office ? ctx.tr(office->name) : "",
                         counter_only ? ctx.tr(strings::kCounterOnly) : "", s.pictogram_name()))
          ctx.flow.open_service(s.number);
      });
  ctx.flow.remember_scroll(scroll);
}

}  // namespace pk::kiosk
