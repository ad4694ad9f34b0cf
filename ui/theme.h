#pragma once
// The kiosk's look: colours, sizes and type scale, all derived from the screen height so a
// 1080p landscape kiosk and a 1920-tall portrait one get the same physical touch targets, and
// from the citizen's text size (the A+ button): type, touch targets and everything sized by
// em() grow with it, so a layout written in em() follows the text.
#include <imgui.h>

namespace pk::ui {

// The citizen's choice on the A+ button. A new session starts at Normal.
enum class TextSize { Normal, Large };

// How much larger than Normal the type is drawn.
[[nodiscard]] constexpr float text_scale(TextSize size) { return size == TextSize::Large ? 1.3f : 1.0f; }
// The next size the A+ button offers (it cycles back to Normal).
[[nodiscard]] constexpr TextSize next_text_size(TextSize size) {
  return size == TextSize::Normal ? TextSize::Large : TextSize::Normal;
}

struct Theme {
  float scale = 1;        // screen height / 1080
  float text_factor = 1;  // text_scale(text_size)
  TextSize text_size = TextSize::Normal;

  ImU32 background = IM_COL32(244, 246, 248, 255);
  ImU32 header = IM_COL32(0, 86, 112, 255);  // deep teal: calm, readable, not a party colour
  ImU32 on_header = IM_COL32(255, 255, 255, 255);
  ImU32 surface = IM_COL32(255, 255, 255, 255);
  ImU32 surface_pressed = IM_COL32(222, 235, 240, 255);
  ImU32 primary = IM_COL32(0, 122, 153, 255);
  ImU32 primary_pressed = IM_COL32(0, 94, 118, 255);
  ImU32 on_primary = IM_COL32(255, 255, 255, 255);
  ImU32 text = IM_COL32(28, 33, 40, 255);
  ImU32 text_muted = IM_COL32(88, 96, 108, 255);
  ImU32 divider = IM_COL32(214, 219, 226, 255);
  ImU32 badge = IM_COL32(226, 240, 244, 255);
  ImU32 notice_bg = IM_COL32(255, 244, 214, 255);
  ImU32 notice_text = IM_COL32(102, 72, 0, 255);
  ImU32 error_bg = IM_COL32(253, 230, 230, 255);
  ImU32 error_text = IM_COL32(150, 20, 20, 255);

  float margin = 40;
  float gap = 20;
  float radius = 14;
  float touch_target = 88;  // well above the 48 px minimum: gloved and elderly fingers
  float header_height = 120;

  float display_px = 64;
  float title_px = 44;
  float body_px = 32;
  float small_px = 26;

  // A length given in pixels of the 1080p panel at Normal text: it follows the screen and the
  // text size, as the type does. Anything that holds text (button widths, row heights,
  // columns) is sized with it, so A+ enlarges the box with its words.
  [[nodiscard]] float em(float px_at_1080) const { return px_at_1080 * scale * text_factor; }
};

[[nodiscard]] inline Theme kiosk_theme(float screen_height, TextSize text_size = TextSize::Normal) {
  Theme t;
  t.scale = screen_height / 1080.0f;
  t.text_size = text_size;
  t.text_factor = text_scale(text_size);
  for (float* v : {&t.margin, &t.gap, &t.radius}) *v *= t.scale;
  for (float* v : {&t.touch_target, &t.header_height, &t.display_px, &t.title_px, &t.body_px, &t.small_px})
    *v = t.em(*v);
  return t;
}

}  // namespace pk::ui
