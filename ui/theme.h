#pragma once
// The kiosk's look: colours, sizes and type scale, all derived from the screen height so a
// 1080p landscape kiosk and a 1920-tall portrait one get the same physical touch targets.
#include <imgui.h>

namespace pk::ui {

struct Theme {
  float scale = 1;  // screen height / 1080

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
};

[[nodiscard]] inline Theme kiosk_theme(float screen_height) {
  Theme t;
  t.scale = screen_height / 1080.0f;
  for (float* v : {&t.margin, &t.gap, &t.radius, &t.touch_target, &t.header_height, &t.display_px,
                   &t.title_px, &t.body_px, &t.small_px})
    *v *= t.scale;
  return t;
}

}  // namespace pk::ui
