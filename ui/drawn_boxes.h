#pragma once
// What the widgets drew this frame, box by box: every text with the rectangle it was given and
// where its lines actually lie, every tappable widget, and every image (a pictogram, a page's
// preview, a speaker drawn as shapes). Off unless a test or the journey
// turns it on (the kiosk pays nothing for it otherwise). check_layout() reads one frame's boxes
// and names every overlap and every text that leaves its box or the screen: the layout walk
// test runs it on every screen of the scripted journey.
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pk::ui {

struct BoxRect {
  ImVec2 min;
  ImVec2 max;
};

enum class BoxKind {
  Text,    // a laid-out string
  Widget,  // a button, list row, field or tab: a tappable rectangle
  Image,   // a picture: a pictogram, a page's preview, an icon drawn as shapes on the draw list
};

struct DrawnBox {
  BoxKind kind = BoxKind::Text;
  std::string text;  // the string (Text), the widget's id (Widget), the picture's name (Image)
  BoxRect ink{};     // where the text's lines lie (Text), the widget's or picture's rectangle
  BoxRect box{};     // the rectangle the text was given to stay in (== ink otherwise); one
                     // about a pixel tall is a flowing column: only its sides bound the text
  BoxRect clip{};    // the visible region when drawn (a scrolling list clips its rows)
};

class DrawnBoxes {
 public:
  void set_recording(bool on) { m_on = on; }
  [[nodiscard]] bool recording() const { return m_on; }
  // Called at the start of each frame: only what this frame draws is kept.
  void clear() { m_boxes.clear(); }
  // The screen this frame shows ("welcome", "identify"), set by the application each frame.
  void set_screen(std::string_view name) { m_screen = name; }
  [[nodiscard]] const std::string& screen() const { return m_screen; }
  void add(DrawnBox box) {
    if (m_on) m_boxes.push_back(std::move(box));
  }
  [[nodiscard]] const std::vector<DrawnBox>& boxes() const { return m_boxes; }
  // A modal's opaque card is drawn over `area`: what was recorded before and reaches into it is
  // hidden under the card (not a fault of the dialog's own words), so it leaves the record.
  void cover(BoxRect area) {
    std::erase_if(m_boxes, [&](const DrawnBox& b) {
      return b.ink.min.x < area.max.x && area.min.x < b.ink.max.x && b.ink.min.y < area.max.y &&
             area.min.y < b.ink.max.y;
    });
  }

 private:
  bool m_on = false;
  std::string m_screen;
  std::vector<DrawnBox> m_boxes;
};

enum class LayoutFaultKind {
  TextsOverlap,     // two texts' lines cross
  TextOverWidget,   // a text crosses a widget it does not belong to
  WidgetsOverlap,   // two tappable widgets cross (one tap, two meanings)
  LeavesBox,        // a text runs out of the rectangle it was given
  LeavesScreen,     // a text, a widget or an image is partly off the screen
  TextOverImage,    // a text crosses a picture
  ImagesOverlap,    // two pictures cross
  ImageOverWidget,  // a picture crosses a widget it is not drawn inside (its icon is inside it)
};

struct LayoutFault {
  LayoutFaultKind kind;
  std::string message;  // names the screen, the strings and the rectangles
};

// The faults of one frame's boxes on a screen `screen` (named `screen_name` in the messages).
// Boxes are compared where they are visible (inside their clip), with `tolerance` pixels of
// slack for anti-aliased edges.
[[nodiscard]] std::vector<LayoutFault> check_layout(const std::vector<DrawnBox>& boxes, BoxRect screen,
                                                    std::string_view screen_name, float tolerance = 1.0f);

}  // namespace pk::ui
