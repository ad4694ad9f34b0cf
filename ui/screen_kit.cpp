#include "ui/screen_kit.h"

#include <imgui.h>

namespace pk::ui {

FieldDrawn labelled_field(Ui& ui, const Rect& row, const FieldSpec& field) {
  const Theme& t = ui.theme();
  const float label_h =
      text_in(ui, row, field.label, {.size_px = t.small_px, .weight = Weight::Bold}, t.text_muted);
  const float top =
      field.label_gap == LabelGap::Standard ? row.min.y + label_h + t.em(6) : row.min.y + label_h;
  const Rect box{{row.min.x, top}, {row.max.x, top + t.touch_target}};
  const bool tapped =
      text_field(ui, field.id, box, field.text, field.placeholder, field.focused, field.direction);
  return {{row.min, box.max}, tapped};
}

float message_band(Ui& ui, const Rect& rect, std::string_view text, Tone tone) {
  if (text.empty()) return 0;
  const Theme& t = ui.theme();
  switch (tone) {
    case Tone::Error:
      return notice(ui, rect, text, t.error_bg, t.error_text);
    case Tone::Notice:
      return notice(ui, rect, text, t.notice_bg, t.notice_text);
    case Tone::Done:
      return notice(ui, rect, text, t.badge, t.text);
  }
  return 0;
}

HeaderBand::HeaderBand(Ui& ui, const Rect& screen, ImU32 colour) : m_ui(ui), m_screen(screen) {
  const Theme& t = ui.theme();
  m_band = {screen.min, {screen.max.x, screen.min.y + t.header_height}};
  ImGui::GetWindowDrawList()->AddRectFilled(m_band.min, m_band.max, colour);
  m_inner = m_band.inset(t.margin, 0);
}

Rect HeaderBand::take_end(float width) {
  const Rect slot = m_ui.from_start(m_inner, m_inner.width() - m_end_used - width, width);
  m_end_used += width + m_ui.theme().gap;
  return slot;
}

void HeaderBand::title(std::string_view text) {
  const Theme& t = m_ui.theme();
  text_in(m_ui, m_ui.from_start(m_inner, 0, m_inner.width() - m_end_used), text,
          {.size_px = t.title_px, .weight = Weight::Bold, .max_lines = 1}, t.on_header, true);
}

void bar_title(Ui& ui, const Rect& room, std::string_view title, TitleFit fit) {
  const Theme& t = ui.theme();
  if (fit == TitleFit::OneLine) {
    text_in(ui, room, title, {.size_px = t.title_px, .weight = Weight::Bold, .max_lines = 1}, t.text, true);
    return;
  }
  TextStyle style{.size_px = t.title_px, .weight = Weight::Bold, .max_width = room.width(), .max_lines = 2};
  for (const float smaller : {t.body_px, t.small_px})
    if (ui.text().layout(title, style).size.y > room.height()) style.size_px = smaller;
  text_in(ui, room, title, style, t.text, true);
}

BarDrawn back_bar(Ui& ui, const Rect& body, const BackBar& bar) {
  const Theme& t = ui.theme();
  const Rect row{body.min, {body.max.x, body.min.y + t.touch_target}};
  const float back_width = t.em(240);
  const bool back = button(ui, "back", ui.from_start(row, 0, back_width), bar.back_label,
                           ButtonKind::Secondary, 0, bar.back_pictogram);
  bar_title(ui, ui.from_start(row, back_width + t.gap, row.width() - back_width - t.gap), bar.title, bar.fit);
  return {{{body.min.x, row.max.y + t.gap}, body.max}, back};
}

Rect foot_row(const Rect& column, float height) {
  return {{column.min.x, column.max.y - height}, column.max};
}

void scroll_grid(Ui& ui, std::string_view id, const Rect& area, const GridSpec& grid, size_t count,
                 float& scroll_y, const std::function<void(size_t, const Rect&)>& draw_cell) {
  const auto columns = static_cast<size_t>(grid.columns);
  const float usable = area.width() - ImGui::GetStyle().ScrollbarSize - ui.theme().gap / 2;
  const float column_width =
      (usable - grid.column_gap * static_cast<float>(grid.columns - 1)) / static_cast<float>(grid.columns);
  const ImVec2 origin = begin_scroll(ui, id, area, scroll_y);
  const Rect content{origin, {origin.x + usable, origin.y + 1}};
  for (size_t i = 0; i < count; ++i) {
    const auto column = static_cast<float>(i % columns);
    const float y = origin.y + static_cast<float>(i / columns) * (grid.row_height + grid.row_gap);
    Rect cell = ui.from_start(content, column * (column_width + grid.column_gap), column_width);
    cell.min.y = y;
    cell.max.y = y + grid.row_height;
    draw_cell(i, cell);
  }
  const size_t rows = (count + columns - 1) / columns;
  end_scroll(ui, static_cast<float>(rows) * (grid.row_height + grid.row_gap), scroll_y);
}

void fade_region_foot(Ui& ui, const Rect& region, float fade_height) {
  const Theme& t = ui.theme();
  const ImU32 clear = t.background & ~IM_COL32_A_MASK;
  ImGui::GetWindowDrawList()->AddRectFilledMultiColor({region.min.x, region.max.y - fade_height}, region.max,
                                                      clear, clear, t.background, t.background);
}

void more_below_pill(Ui& ui, const Rect& region, std::string_view label, float height) {
  const Theme& t = ui.theme();
  const TextStyle style{.size_px = t.small_px, .weight = Weight::Bold};
  const float w = ui.text().measure(label, style).x + 2 * t.gap;
  const Rect pill{{region.center().x - w / 2, region.max.y},
                  {region.center().x + w / 2, region.max.y + height}};
  ImGui::GetWindowDrawList()->AddRectFilled(pill.min, pill.max, t.badge, pill.height() / 2);
  text_in(ui, pill, label, {.size_px = style.size_px, .weight = style.weight, .align = TextAlign::Center},
          t.primary, true);
}

}  // namespace pk::ui
