#pragma once
// The screen kit: the widget-level jobs the citizen, operator and technician screens each lay
// out the same way, written once on top of ui/widgets.h. Its parameters are mode-neutral (an
// id, a label, the text, a flag): what a mode does with a tap stays in the mode (the citizen's
// field says its label aloud, a flow focuses a field), since ui/ knows no kiosk/.
#include <cstddef>
#include <functional>
#include <string_view>

#include "ui/widgets.h"

namespace pk::ui {

// How a field's label sits over its box.
enum class LabelGap {
  Standard,  // a small gap (6 px at 1080p) between the label and the box
  Flush,     // the box right under the label (the technician's denser forms)
};

struct FieldSpec {
  std::string_view id;     // the box's widget id ("field/mobile", "tech/pin")
  std::string_view label;  // already in the session's language
  std::string_view text;   // what the box shows
  std::string_view placeholder = {};
  bool focused = false;
  BaseDirection direction = BaseDirection::Auto;
  LabelGap label_gap = LabelGap::Standard;
};

struct FieldDrawn {
  Rect used;            // the label and the box, from the top of `row`
  bool tapped = false;  // the box was tapped (the caller focuses it)
};

// A label in small bold muted type and under it a one-line text field a touch target high,
// both as wide as `row`.
FieldDrawn labelled_field(Ui& ui, const Rect& row, const FieldSpec& field);

// The tone of a message band, which sets its colours.
enum class Tone {
  Error,   // what went wrong: a check's message under a field, a refusal
  Notice,  // a warning, or something under way
  Done,    // an outcome that went well
};

// A band with a coloured background and the text wrapped in it, across the top of `rect`;
// returns its height. Nothing is drawn, and 0 returned, when `text` is empty.
float message_band(Ui& ui, const Rect& rect, std::string_view text, Tone tone);

// How a bar's title fits its room.
enum class TitleFit {
  OneLine,   // the title size, one line
  TwoLines,  // two lines at most, stepping down to the body size, then the small, when two
             // lines of the title size are taller than the room (long service names, A+)
};

// The band across the top of a screen, `header_height` high: buttons and words taken one by one
// from its end edge (the language switch first), the title in the room left at its start edge.
class HeaderBand {
 public:
  // Draws the band in `colour` across the top of `screen`.
  HeaderBand(Ui& ui, const Rect& screen, ImU32 colour);
  // The next slot `width` wide in from the end edge, the band's height less its margins at the
  // sides (a button takes it inset by the gap above and below).
  [[nodiscard]] Rect take_end(float width);
  // The height of a slot.
  [[nodiscard]] float height() const { return m_inner.height(); }
  // The title in one line, bold, in the header's ink, in the room the slots left.
  void title(std::string_view text);
  // The screen under the band.
  [[nodiscard]] Rect below() const { return {{m_screen.min.x, m_band.max.y}, m_screen.max}; }

 private:
  Ui& m_ui;
  Rect m_screen;
  Rect m_band;
  Rect m_inner;
  float m_end_used = 0;
};

// A title in bold, vertically centred in `room`.
void bar_title(Ui& ui, const Rect& room, std::string_view title, TitleFit fit);

struct BackBar {
  std::string_view back_label;
  std::string_view title;
  TitleFit fit = TitleFit::OneLine;
  std::string_view back_pictogram = {};
};

struct BarDrawn {
  Rect below;  // what is left of the body under the bar
  bool back_tapped = false;
};

// A back button ("back") at the start edge and the title beside it, a touch target high across
// the top of `body`.
BarDrawn back_bar(Ui& ui, const Rect& body, const BackBar& bar);

// The band `height` high at the foot of `column`: the row of buttons that must never leave the
// screen; the content goes above it.
[[nodiscard]] Rect foot_row(const Rect& column, float height);

// A scroll region's "there is more below" signs, since a thin scrollbar alone does not tell a
// citizen: the last `fade_height` of `region` fading into the background (drawn inside the
// region, before its end_scroll), and under it a pill `height` high with `label`, in small bold
// type (drawn after end_scroll, in the room the caller kept under the region).
void fade_region_foot(Ui& ui, const Rect& region, float fade_height);
void more_below_pill(Ui& ui, const Rect& region, std::string_view label, float height);

// A grid of equal cells in a vertical scroll region: `columns` to a row from the start edge,
// `column_gap` between them, rows `row_height` high every `row_height + row_gap`. The cells
// stop short of the scrollbar, which ImGui draws at the right edge in both directions.
struct GridSpec {
  int columns = 1;
  float row_height = 0;
  float row_gap = 0;
  float column_gap = 0;
};

// Draws `count` cells with `draw_cell(index, cell)` in a scroll region `id` over `area`;
// `scroll_y` is read and written as begin_scroll()'s.
void scroll_grid(Ui& ui, std::string_view id, const Rect& area, const GridSpec& grid, size_t count,
                 float& scroll_y, const std::function<void(size_t, const Rect&)>& draw_cell);

}  // namespace pk::ui
