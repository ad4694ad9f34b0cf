#include "receipts/logo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pk::receipts {
namespace {

constexpr int kPoints = 12;

// True when the point at radius r (as a fraction of the mark's radius) and angle theta is ink.
bool ink(double r, double theta) {
  if (r > 1.0) return false;
  if (r >= 0.90) return true;              // outer ring
  if (r >= 0.80 && r < 0.84) return true;  // inner hairline ring
  // Star: the radius of its outline swings linearly between the valleys and the tips.
  const double sector = 2.0 * std::numbers::pi / kPoints;
  double phase = std::fmod(theta + std::numbers::pi / 2.0, sector) / sector;  // 0..1, a tip at 0.5
  if (phase < 0) phase += 1.0;
  const double toward_tip = 1.0 - std::abs(phase - 0.5) * 2.0;
  const double outline = 0.38 + 0.34 * toward_tip;
  if (r > outline) return false;
  if (r < 0.16) return true;  // solid centre
  return r >= 0.24;           // a white circle between centre and star
}

}  // namespace

RasterImage draw_logo(int width, int diameter) {
  const int size = std::clamp(diameter, 8, std::max(width, 8));
  RasterImage strip(width, size);
  const int left = (width - size) / 2;
  const double radius = size / 2.0;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const double dx = (x + 0.5 - radius) / radius;
      const double dy = (y + 0.5 - radius) / radius;
      const int px = left + x;
      if (px < 0 || px >= width) continue;
      if (ink(std::hypot(dx, dy), std::atan2(dy, dx))) strip.set_dot(px, y, true);
    }
  }
  return strip;
}

}  // namespace pk::receipts
