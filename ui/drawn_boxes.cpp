#include "ui/drawn_boxes.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace pk::ui {

namespace {

BoxRect intersect(const BoxRect& a, const BoxRect& b) {
  return {{std::max(a.min.x, b.min.x), std::max(a.min.y, b.min.y)},
          {std::min(a.max.x, b.max.x), std::min(a.max.y, b.max.y)}};
}

bool empty(const BoxRect& r, float tolerance) {
  return r.max.x - r.min.x <= tolerance || r.max.y - r.min.y <= tolerance;
}

bool contains(const BoxRect& outer, const BoxRect& inner, float tolerance) {
  return inner.min.x >= outer.min.x - tolerance && inner.min.y >= outer.min.y - tolerance &&
         inner.max.x <= outer.max.x + tolerance && inner.max.y <= outer.max.y + tolerance;
}

std::string show(const BoxRect& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "(%.0f,%.0f)-(%.0f,%.0f)", r.min.x, r.min.y, r.max.x, r.max.y);
  return buf;
}

std::string show(const DrawnBox& b) {
  const char* kind = b.kind == BoxKind::Text     ? "text \""
                     : b.kind == BoxKind::Widget ? "widget \""
                                                 : "image \"";
  return kind + b.text + "\" " + show(b.ink);
}

// What it is when two boxes of these kinds cross, or nothing when that is how they belong
// together (a widget's own label or icon lies inside it).
std::optional<LayoutFaultKind> crossing(const DrawnBox& a, const DrawnBox& b, float tolerance) {
  const auto one_of = [&](BoxKind kind) -> const DrawnBox* {
    return a.kind == kind ? &a : b.kind == kind ? &b : nullptr;
  };
  const DrawnBox* text = one_of(BoxKind::Text);
  const DrawnBox* widget = one_of(BoxKind::Widget);
  const DrawnBox* image = one_of(BoxKind::Image);
  if (a.kind == b.kind) {
    switch (a.kind) {
      case BoxKind::Text:
        return LayoutFaultKind::TextsOverlap;
      case BoxKind::Widget:
        return LayoutFaultKind::WidgetsOverlap;
      case BoxKind::Image:
        return LayoutFaultKind::ImagesOverlap;
    }
  }
  if (text && widget) {
    if (contains(widget->ink, text->box, tolerance)) return std::nullopt;
    return LayoutFaultKind::TextOverWidget;
  }
  if (image && widget) {
    if (contains(widget->ink, image->ink, tolerance)) return std::nullopt;
    return LayoutFaultKind::ImageOverWidget;
  }
  return LayoutFaultKind::TextOverImage;
}

}  // namespace

std::vector<LayoutFault> check_layout(const std::vector<DrawnBox>& boxes, BoxRect screen,
                                      std::string_view screen_name, float tolerance) {
  std::vector<LayoutFault> faults;
  const std::string where = "screen " + std::string(screen_name) + ": ";
  std::vector<BoxRect> visible;
  visible.reserve(boxes.size());
  for (const DrawnBox& b : boxes) visible.push_back(intersect(b.ink, b.clip));

  for (size_t i = 0; i < boxes.size(); ++i) {
    const DrawnBox& b = boxes[i];
    if (empty(visible[i], 0)) continue;  // scrolled out of its list: not seen
    // A clip edge on the screen's edge is the screen itself, not a scrolling region: what runs
    // past it is off the screen, not scrolled away.
    BoxRect reach = b.clip;
    if (reach.min.x <= screen.min.x + tolerance) reach.min.x = -1e6f;
    if (reach.min.y <= screen.min.y + tolerance) reach.min.y = -1e6f;
    if (reach.max.x >= screen.max.x - tolerance) reach.max.x = 1e6f;
    if (reach.max.y >= screen.max.y - tolerance) reach.max.y = 1e6f;
    if (!contains(screen, intersect(b.ink, reach), tolerance))
      faults.push_back(
          {LayoutFaultKind::LeavesScreen, where + show(b) + " leaves the screen " + show(screen)});
    // A box about a pixel tall is a flowing column (the text takes the height it needs and the
    // next block starts below it): only its sides bound the text; an overlap catches the rest.
    BoxRect bounds = b.box;
    if (bounds.max.y - bounds.min.y <= 2 * tolerance) bounds.max.y = screen.max.y + 1e6f;
    if (b.kind == BoxKind::Text && !contains(bounds, visible[i], tolerance))
      faults.push_back({LayoutFaultKind::LeavesBox, where + show(b) + " runs out of its box " + show(b.box)});
  }
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const DrawnBox& a = boxes[i];
      const DrawnBox& b = boxes[j];
      if (empty(intersect(visible[i], visible[j]), tolerance)) continue;
      if (const auto kind = crossing(a, b, tolerance))
        faults.push_back({*kind, where + show(a) + " overlaps " + show(b)});
    }
  }
  return faults;
}

}  // namespace pk::ui
