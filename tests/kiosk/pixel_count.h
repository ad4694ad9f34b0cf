#pragma once
// Counting a colour on the kiosk's last rendered frame: a filled band (a notice, a banner) is
// there when its exact colour covers the rectangle, and absent when none of it does.
#include <cstdint>
#include <cstring>
#include <vector>

#include "ui/platform.h"
#include "ui/widgets.h"

namespace pk::kiosk::test {

// Pixels of exactly `colour` (ImGui's ABGR) in `r` of the last frame.
inline int pixels_of(ui::Platform& platform, ImU32 colour, const ui::Rect& r) {
  const std::vector<uint8_t> px = platform.read_pixels();
  const int w = platform.width();
  const uint8_t rgb[3] = {static_cast<uint8_t>(colour & 0xff), static_cast<uint8_t>((colour >> 8) & 0xff),
                          static_cast<uint8_t>((colour >> 16) & 0xff)};
  int n = 0;
  for (int y = static_cast<int>(r.min.y); y < static_cast<int>(r.max.y); ++y)
    for (int x = static_cast<int>(r.min.x); x < static_cast<int>(r.max.x); ++x)
      if (std::memcmp(&px[(static_cast<size_t>(y) * w + x) * 4], rgb, 3) == 0) ++n;
  return n;
}

}  // namespace pk::kiosk::test
