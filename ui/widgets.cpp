#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "ui/pictograms/pictogram.h"
#include "ui/text/caret.h"

namespace pk::ui {

void Ui::begin_frame(bool rtl) {
  m_rtl = rtl;
  m_targets.clear();  // only what this frame draws can be tapped
  m_pictogram_boxes.clear();
  m_drawn.clear();
}

namespace {

BoxRect box_of(const Rect& r) { return {r.min, r.max}; }

BoxRect current_clip() {
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  return {draw->GetClipRectMin(), draw->GetClipRectMax()};
}

}  // namespace

void Ui::record_text(std::string_view text, ImVec2 top_left, const TextLayout& layout, const Rect& box) {
  if (!m_drawn.recording() || layout.lines.empty()) return;
  // Where the ink is: each line's content after alignment, the lines' height together.
  float left = layout.lines.front().left;
  float right = left;
  for (const TextLine& line : layout.lines) {
    left = std::min(left, line.left);
    right = std::max(right, line.left + line.width);
  }
  if (right <= left) return;  // nothing visible (white space)
  m_drawn.add({.kind = BoxKind::Text,
               .text = std::string(text),
               .ink = {{top_left.x + left, top_left.y}, {top_left.x + right, top_left.y + layout.size.y}},
               .box = box_of(box),
               .clip = current_clip()});
}

void Ui::record_image(std::string_view name, const Rect& box) {
  if (!m_drawn.recording()) return;
  m_drawn.add({.kind = BoxKind::Image,
               .text = std::string(name),
               .ink = box_of(box),
               .box = box_of(box),
               .clip = current_clip()});
}

Rect Ui::from_start(const Rect& container, float offset, float width) const {
  if (m_rtl)
    return {{container.max.x - offset - width, container.min.y}, {container.max.x - offset, container.max.y}};
  return {{container.min.x + offset, container.min.y}, {container.min.x + offset + width, container.max.y}};
}

const Rect* Ui::target(std::string_view id) const {
  auto it = m_targets.find(std::string(id));
  return it == m_targets.end() ? nullptr : &it->second;
}

void Ui::register_target(std::string_view id, const Rect& rect) { m_targets[std::string(id)] = rect; }

ImVec2 label(Ui& ui, ImVec2 top_left, std::string_view text, const TextStyle& style, ImU32 color) {
  const TextLayout& layout = ui.text().layout(text, style);
  ui.text().draw(ImGui::GetWindowDrawList(), top_left, layout, color);
  ui.record_text(text, top_left, layout,
                 {top_left, {top_left.x + layout.size.x, top_left.y + layout.size.y}});
  return layout.size;
}

float text_in(Ui& ui, const Rect& rect, std::string_view text, TextStyle style, ImU32 color,
              bool center_vertically) {
  style.max_width = rect.width();
  if (style.direction == BaseDirection::Auto)
    style.direction = ui.rtl() ? BaseDirection::RightToLeft : BaseDirection::LeftToRight;
  const TextLayout& layout = ui.text().layout(text, style);
  ImVec2 pos = rect.min;
  if (center_vertically) pos.y += std::max(0.0f, (rect.height() - layout.size.y) / 2);
  ui.text().draw(ImGui::GetWindowDrawList(), pos, layout, color);
  ui.record_text(text, pos, layout, rect);
  return layout.size.y;
}

// An invisible ImGui button over the rectangle: ImGui does the hit testing, hover and press.
// A touch that turned into a drag (scrolling a list) is not a tap.
static bool tap_area(Ui& ui, std::string_view id, const Rect& rect, bool& held) {
  // Only the part a finger can reach is a target: a row scrolled out of its list is not.
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw->GetClipRectMin();
  const ImVec2 clip_max = draw->GetClipRectMax();
  const Rect visible{{std::max(rect.min.x, clip_min.x), std::max(rect.min.y, clip_min.y)},
                     {std::min(rect.max.x, clip_max.x), std::min(rect.max.y, clip_max.y)}};
  if (visible.width() > 0 && visible.height() > 0) ui.register_target(id, visible);
  if (ui.drawn().recording())
    ui.drawn().add({.kind = BoxKind::Widget,
                    .text = std::string(id),
                    .ink = box_of(rect),
                    .box = box_of(rect),
                    .clip = {clip_min, clip_max}});
  ImGui::SetCursorScreenPos(rect.min);
  ImGui::PushID(id.data(), id.data() + id.size());
  const bool pressed = ImGui::InvisibleButton("##tap", ImVec2(rect.width(), rect.height()));
  held = ImGui::IsItemActive();
  ImGui::PopID();
  const float slop = 24 * ui.theme().scale;
  return pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] < slop * slop;
}

bool button(Ui& ui, std::string_view id, const Rect& rect, std::string_view text, ButtonKind kind,
            float text_px, std::string_view pictogram) {
  bool held = false;
  const bool tapped = tap_area(ui, id, rect, held);
  const Theme& t = ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 fill = t.surface;
  ImU32 ink = t.primary;
  switch (kind) {
    case ButtonKind::Primary:
      fill = held ? t.primary_pressed : t.primary;
      ink = t.on_primary;
      break;
    case ButtonKind::Secondary:
      fill = held ? t.surface_pressed : t.surface;
      break;
    case ButtonKind::Quiet:
      fill = held ? t.surface_pressed : IM_COL32(0, 0, 0, 0);
      break;
  }
  draw->AddRectFilled(rect.min, rect.max, fill, t.radius);
  if (kind == ButtonKind::Secondary) draw->AddRect(rect.min, rect.max, t.primary, t.radius, 0, 2 * t.scale);
  TextStyle style;
  style.size_px = text_px > 0 ? text_px : t.body_px;
  style.weight = Weight::Bold;
  style.align = TextAlign::Center;
  style.max_lines = 2;
  Rect label_rect = rect.inset(t.gap / 2, 0);
  // The pictogram a little larger than the label's letters, the two centred as one group.
  if (const PictogramImage* image = pictogram_image(ui, pictogram, style.size_px * 1.3f)) {
    const auto icon = static_cast<float>(image->size);
    const float room = label_rect.width() - icon - t.gap / 2;
    const float text_w = std::min(ui.text().measure(text, style).x, room);
    const float offset = std::max(0.0f, (label_rect.width() - icon - t.gap / 2 - text_w) / 2);
    draw_pictogram(ui, pictogram, *image, ui.from_start(label_rect, offset, icon), ink);
    label_rect = ui.from_start(label_rect, offset + icon + t.gap / 2, std::max(text_w, 1.0f) + 1);
  }
  text_in(ui, label_rect, text, style, ink, true);
  return tapped;
}

bool list_row(Ui& ui, std::string_view id, const Rect& rect, std::string_view badge, std::string_view title,
              std::string_view detail, std::string_view tag, std::string_view pictogram) {
  bool held = false;
  const bool tapped = tap_area(ui, id, rect, held);
  const Theme& t = ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(rect.min, rect.max, held ? t.surface_pressed : t.surface, t.radius);

  const float badge_size = std::min(rect.height() - 2 * t.gap, t.em(72));
  const Rect inner = rect.inset(t.gap, t.gap);
  Rect badge_rect = ui.from_start(inner, 0, badge_size);
  badge_rect.min.y = rect.center().y - badge_size / 2;
  badge_rect.max.y = badge_rect.min.y + badge_size;
  draw->AddRectFilled(badge_rect.min, badge_rect.max, t.badge, badge_size / 2);
  TextStyle badge_style{.size_px = t.body_px, .weight = Weight::Bold, .align = TextAlign::Center};
  text_in(ui, badge_rect, badge, badge_style, t.primary, true);

  float text_start = badge_size + t.gap;
  // The service's pictogram between the number and the words, in the number's colour.
  if (const PictogramImage* image = pictogram_image(ui, pictogram, badge_size * 0.85f)) {
    const auto icon = static_cast<float>(image->size);
    draw_pictogram(ui, pictogram, *image, ui.from_start(inner, text_start, icon), t.primary);
    text_start += icon + t.gap;
  }
  float tag_width = 0;
  if (!tag.empty()) {
    TextStyle tag_style{.size_px = t.small_px, .weight = Weight::Bold};
    tag_width = ui.text().measure(tag, tag_style).x + 2 * t.gap;
    Rect tag_rect = ui.from_start(inner, inner.width() - tag_width, tag_width);
    tag_rect.min.y = rect.center().y - t.small_px;
    tag_rect.max.y = rect.center().y + t.small_px;
    draw->AddRectFilled(tag_rect.min, tag_rect.max, t.notice_bg, t.small_px);
    tag_style.align = TextAlign::Center;
    text_in(ui, tag_rect, tag, tag_style, t.notice_text, true);
    tag_width += t.gap;
  }
  Rect text_rect = ui.from_start(inner, text_start, inner.width() - text_start - tag_width);
  TextStyle title_style{.size_px = t.body_px, .weight = Weight::Bold, .max_lines = 2};
  TextStyle detail_style{.size_px = t.small_px, .max_lines = 1};
  const float title_h =
      ui.text()
          .layout(
              title,
              {.size_px = t.body_px, .weight = Weight::Bold, .max_width = text_rect.width(), .max_lines = 2})
          .size.y;
  const float detail_h =
      detail.empty() ? 0 : ui.text().layout(detail, {.size_px = t.small_px, .max_lines = 1}).size.y;
  // Centred in the row; a two-line title with its detail may take the row's padding too, but
  // never more than the row.
  text_rect.min.y = std::max(rect.min.y + t.gap / 4, rect.center().y - (title_h + detail_h) / 2);
  text_rect.max.y = rect.max.y - t.gap / 4;
  const float used = text_in(ui, text_rect, title, title_style, t.text);
  if (!detail.empty()) {
    Rect detail_rect = text_rect;
    detail_rect.min.y += used;
    text_in(ui, detail_rect, detail, detail_style, t.text_muted);
  }
  return tapped;
}

bool key_pressed(ImGuiKey key) {
  const int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index);
}

Ui::FieldEdit& Ui::field_edit(std::string_view id) { return m_fields[std::string(id)]; }

bool text_field(Ui& ui, std::string_view id, const Rect& rect, std::string_view text,
                std::string_view placeholder, bool focused, BaseDirection direction) {
  bool held = false;
  const bool tapped = tap_area(ui, id, rect, held);
  const bool touched_down = ImGui::IsItemActivated();
  const Theme& t = ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(rect.min, rect.max, t.surface, t.radius);
  draw->AddRect(rect.min, rect.max, focused ? t.primary : t.divider, t.radius, 0,
                (focused ? 3 : 2) * t.scale);
  const Rect inner = rect.inset(t.gap, 0);
  TextStyle style{.size_px = t.body_px, .max_lines = 1};
  style.direction = direction != BaseDirection::Auto ? direction
                    : ui.rtl()                       ? BaseDirection::RightToLeft
                                                     : BaseDirection::LeftToRight;
  style.max_width = inner.width();
  const bool empty = text.empty();
  const TextLayout& layout = ui.text().layout(empty ? placeholder : text, style);
  const float y = rect.center().y - layout.size.y / 2;

  Ui::FieldEdit& field = ui.field_edit(id);
  const size_t graphemes = edit::grapheme_count(text);
  if (field.graphemes != graphemes || (focused && !field.focused)) {
    // Changed from outside, or just focused: the caret goes to the end of the text.
    field.cursor = EditCursor{graphemes, graphemes};
    field.graphemes = graphemes;
  }
  field.focused = focused;
  ui.record_text(empty ? placeholder : text, {inner.min.x, y}, layout, inner);
  if (!focused) {
    ui.text().draw(draw, {inner.min.x, y}, layout, empty ? t.text_muted : t.text);
    return tapped;
  }
  ui.set_active_field(id);
  edit::clamp(text, field.cursor);

  // Grapheme index <-> code point position on the laid-out line.
  const CaretMap map(layout);
  const std::vector<uint32_t>& bounds = map.boundaries();
  const auto position_of = [&](size_t grapheme) {
    return empty ? 0U : bounds[std::min(grapheme, bounds.size() - 1)];
  };
  const auto grapheme_of = [&](uint32_t position) {
    return static_cast<size_t>(std::lower_bound(bounds.begin(), bounds.end(), position) - bounds.begin());
  };
  if (!empty) {
    const float mouse_x = ImGui::GetIO().MousePos.x - inner.min.x;
    if (touched_down)
      edit::move_to(field.cursor, grapheme_of(map.hit_test(mouse_x)), Extend::No);
    else if (held && ImGui::IsMouseDragging(0, 4 * t.scale))
      edit::move_to(field.cursor, grapheme_of(map.hit_test(mouse_x)), Extend::Yes);
    const Extend extend = ImGui::GetIO().KeyShift ? Extend::Yes : Extend::No;
    for (const auto& [key, step] : {std::pair{ImGuiKey_LeftArrow, -1}, std::pair{ImGuiKey_RightArrow, 1}})
      if (key_pressed(key))
        edit::move_to(field.cursor, grapheme_of(map.move_visual(position_of(field.cursor.caret), step)),
                      extend);
    if (key_pressed(ImGuiKey_Home)) edit::move_to(field.cursor, 0, extend);
    if (key_pressed(ImGuiKey_End)) edit::move_to(field.cursor, graphemes, extend);
  }

  // The selection behind the text, one rectangle per visual piece (a mixed-direction
  // selection can be several).
  const float line_top = rect.center().y - t.body_px * 0.75f;
  const float line_bottom = rect.center().y + t.body_px * 0.75f;
  if (!empty && field.cursor.has_selection())
    for (const CaretMap::Span& span :
         map.selection(position_of(field.cursor.start()), position_of(field.cursor.end())))
      draw->AddRectFilled({inner.min.x + span.left, line_top}, {inner.min.x + span.right, line_bottom},
                          (t.primary & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 70));  // a light primary wash
  ui.text().draw(draw, {inner.min.x, y}, layout, empty ? t.text_muted : t.text);
  float x = ui.rtl() ? inner.max.x - 3 * t.scale : inner.min.x;
  if (!empty) x = inner.min.x + std::round(map.x_of(position_of(field.cursor.caret))) - 1.5f * t.scale;
  draw->AddRectFilled({x, rect.center().y - t.body_px * 0.7f},
                      {x + 3 * t.scale, rect.center().y + t.body_px * 0.7f}, t.primary);
  return tapped;
}

bool tab(Ui& ui, std::string_view id, const Rect& rect, std::string_view text, bool selected) {
  bool held = false;
  const bool tapped = tap_area(ui, id, rect, held);
  const Theme& t = ui.theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 fill = selected ? t.primary : (held ? t.surface_pressed : t.surface);
  draw->AddRectFilled(rect.min, rect.max, fill, rect.height() / 2);
  if (!selected) draw->AddRect(rect.min, rect.max, t.divider, rect.height() / 2, 0, 2 * t.scale);
  TextStyle style{.size_px = t.small_px, .weight = Weight::Bold, .align = TextAlign::Center, .max_lines = 1};
  text_in(ui, rect.inset(t.gap / 2, 0), text, style, selected ? t.on_primary : t.text, true);
  return tapped;
}

namespace {

TextStyle notice_style(const Ui& ui, float inner_width) {
  return TextStyle{.size_px = ui.theme().small_px,
                   .max_width = inner_width,
                   .direction = ui.rtl() ? BaseDirection::RightToLeft : BaseDirection::LeftToRight};
}

}  // namespace

float notice_height(Ui& ui, float width, std::string_view text) {
  const Theme& t = ui.theme();
  return ui.text().layout(text, notice_style(ui, width - 2 * t.gap)).size.y + t.gap;
}

float notice(Ui& ui, const Rect& rect, std::string_view text, ImU32 background, ImU32 color) {
  const Theme& t = ui.theme();
  Rect inner = rect.inset(t.gap, t.gap / 2);
  const TextStyle style = notice_style(ui, inner.width());
  const float h = ui.text().layout(text, style).size.y + t.gap;
  ImGui::GetWindowDrawList()->AddRectFilled(rect.min, {rect.max.x, rect.min.y + h}, background, t.radius / 2);
  text_in(ui, inner, text, style, color);
  return h;
}

}  // namespace pk::ui

namespace pk::ui {

ImVec2 begin_scroll(Ui& ui, std::string_view id, const Rect& rect, float& scroll_y) {
  ImGui::SetCursorScreenPos(rect.min);
  ImGui::PushID(id.data(), id.data() + id.size());
  ImGui::BeginChild("##scroll", ImVec2(rect.width(), rect.height()), false, ImGuiWindowFlags_NoBackground);
  if (ImGui::IsWindowAppearing()) ImGui::SetScrollY(scroll_y);
  // Touch screens have no wheel: a vertical drag anywhere in the region scrolls it.
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(0, 8 * ui.theme().scale))
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  return ImGui::GetCursorScreenPos();
}

void end_scroll(Ui& /*ui*/, float content_height, float& scroll_y) {
  // The region's extent is the height the caller drew, from its top: the taps inside it moved
  // ImGui's cursor to below the last one, and a Dummy placed there would count that part twice
  // (a scrollbar on content that fits, or a list scrolling on into empty space).
  ImGui::SetCursorPos(ImGui::GetCursorStartPos());
  ImGui::Dummy(ImVec2(1, content_height));
  scroll_y = ImGui::GetScrollY();
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace pk::ui
