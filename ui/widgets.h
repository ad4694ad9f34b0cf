#pragma once
// The kiosk's widgets, drawn with the Persian text engine instead of ImGui's own text.
//
// Layout is done by the screens in rectangles; widgets only draw into a rectangle and report
// taps. Right-to-left is handled once, here: Ui::row() hands out rectangles from the start
// edge of a container (the right edge in Persian), so screens never compute mirrored x.
//
// Every tappable widget has a stable id ("start", "service/7", "back"); its rectangle is kept
// from frame to frame so a script (the headless journey, tests) can tap it like a finger.
#include <imgui.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ui/drawn_boxes.h"
#include "ui/text/text_engine.h"
#include "ui/theme.h"
#include "ui/widgets_text_edit.h"

namespace pk::ui {

struct Rect {
  ImVec2 min;
  ImVec2 max;
  [[nodiscard]] float width() const { return max.x - min.x; }
  [[nodiscard]] float height() const { return max.y - min.y; }
  [[nodiscard]] ImVec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
  [[nodiscard]] Rect inset(float dx, float dy) const {
    return {{min.x + dx, min.y + dy}, {max.x - dx, max.y - dy}};
  }
};

enum class ButtonKind { Primary, Secondary, Quiet };

class PictogramAtlas;

class Ui {
 public:
  Ui(TextEngine& text, const Theme& theme) : m_text(text), m_theme(theme) {}
  Ui(TextEngine&&, const Theme&) = delete;  // the Ui keeps references to both
  Ui(TextEngine&, Theme&&) = delete;

  // Called at the start of each frame with the current reading direction.
  void begin_frame(bool rtl);
  [[nodiscard]] bool rtl() const { return m_rtl; }
  [[nodiscard]] TextEngine& text() { return m_text; }
  [[nodiscard]] const Theme& theme() const { return m_theme; }

  // A slice of `container` `width` wide, `offset` from its start edge (right edge in RTL).
  [[nodiscard]] Rect from_start(const Rect& container, float offset, float width) const;

  // The rectangle of a tappable widget as drawn in the last frame, or nullptr.
  [[nodiscard]] const Rect* target(std::string_view id) const;
  void register_target(std::string_view id, const Rect& rect);

  // The scroll offset a list had when its frame ended: read by the flow to restore it.
  float scroll_y = 0;

  // Text fields keep their caret here between frames. The field last drawn focused is the
  // active one: the on-screen keyboard types at its caret.
  struct FieldEdit {
    EditCursor cursor;
    size_t graphemes = 0;  // the text's length when last seen: a change from outside
                           // (the flow cleared or normalised it) puts the caret at the end
    bool focused = false;
  };
  [[nodiscard]] FieldEdit& field_edit(std::string_view id);
  [[nodiscard]] const std::string& active_field() const { return m_active_field; }
  void set_active_field(std::string_view id) { m_active_field = id; }

  // The pictograms widgets draw beside their text (ui/pictograms); none when never set.
  void set_pictograms(const PictogramAtlas* atlas) { m_pictograms = atlas; }
  [[nodiscard]] const PictogramAtlas* pictograms() const { return m_pictograms; }
  // The pictograms drawn this frame, by name, where they were drawn (tests look at them).
  void record_pictogram(std::string_view name, const Rect& box) {
    m_pictogram_boxes.emplace_back(name, box);
    record_image(name, box);
  }
  // Records a picture drawn straight on the draw list (a preview, an icon of shapes), so the
  // layout walk sees it as it sees text.
  void record_image(std::string_view name, const Rect& box);
  [[nodiscard]] const std::vector<std::pair<std::string, Rect>>& pictogram_boxes() const {
    return m_pictogram_boxes;
  }
  // The boxes this frame drew (off unless turned on: tests, the layout walk).
  [[nodiscard]] DrawnBoxes& drawn() { return m_drawn; }
  [[nodiscard]] const DrawnBoxes& drawn() const { return m_drawn; }
  // Records a laid-out text drawn at `top_left`, given `box` to stay in.
  void record_text(std::string_view text, ImVec2 top_left, const TextLayout& layout, const Rect& box);

 private:
  TextEngine& m_text;
  const Theme& m_theme;
  bool m_rtl = true;
  std::unordered_map<std::string, Rect> m_targets;
  std::unordered_map<std::string, FieldEdit> m_fields;
  std::string m_active_field;
  const PictogramAtlas* m_pictograms = nullptr;
  std::vector<std::pair<std::string, Rect>> m_pictogram_boxes;
  DrawnBoxes m_drawn;
};

// A line of text at a point; direction and shaping from the engine. Returns its size.
ImVec2 label(Ui& ui, ImVec2 top_left, std::string_view text, const TextStyle& style, ImU32 color);
// Text in a rectangle: wrapped to its width, aligned per style (Start = right in RTL), and
// vertically centred when center_vertically. Returns the height used.
float text_in(Ui& ui, const Rect& rect, std::string_view text, TextStyle style, ImU32 color,
              bool center_vertically = false);

// `pictogram`: the name of one drawn at the start side of the label (right in RTL), the two
// centred together; left out when the Ui's atlas has no such pictogram.
bool button(Ui& ui, std::string_view id, const Rect& rect, std::string_view text, ButtonKind kind,
            float text_px = 0, std::string_view pictogram = {});
// A list row: a badge (number) at the start edge, then the pictogram when there is one, a
// title, a secondary line. Whole row taps.
bool list_row(Ui& ui, std::string_view id, const Rect& rect, std::string_view badge, std::string_view title,
              std::string_view detail, std::string_view tag, std::string_view pictogram = {});

// A one-line text field: the text (or a muted placeholder) and, while focused, its caret and
// selection (Ui::field_edit(id)). A tap that focuses the field puts the caret at the end; a
// tap in a focused field puts it at the touch (hit-tested on the shaped, reordered line), a
// drag selects, Left/Right move it on screen (Shift selects), Home/End go to the start and
// end. `text` is what is shown; the keyboard edits the stored text at the same grapheme
// index. Returns true when tapped. `direction` Auto follows the screen; LeftToRight keeps a
// phone number's leading "+" in front on a right-to-left screen.
bool text_field(Ui& ui, std::string_view id, const Rect& rect, std::string_view text,
                std::string_view placeholder, bool focused, BaseDirection direction = BaseDirection::Auto);

// A physical key (ImGui 1.86 maps ImGuiKey_* to the backend's key index); false headless
// unless a test mapped it.
[[nodiscard]] bool key_pressed(ImGuiKey key);

// A pill-shaped tab that shows whether it is selected.
bool tab(Ui& ui, std::string_view id, const Rect& rect, std::string_view text, bool selected);

// A notice band (sample values, counter-only, outage) with an icon-less coloured background.
float notice(Ui& ui, const Rect& rect, std::string_view text, ImU32 background, ImU32 color);
// The height notice() takes for `text` in a band `width` wide, without drawing it.
[[nodiscard]] float notice_height(Ui& ui, float width, std::string_view text);

}  // namespace pk::ui

namespace pk::ui {

// A vertically scrolling region that follows a finger (touch drag) as well as the wheel.
// Draw the content between begin and end starting at the returned origin; pass end() the
// height the content took. scroll_y is read and written so the caller can restore it.
ImVec2 begin_scroll(Ui& ui, std::string_view id, const Rect& rect, float& scroll_y);
void end_scroll(Ui& ui, float content_height, float& scroll_y);

}  // namespace pk::ui
