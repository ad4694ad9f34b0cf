#pragma once
// Images for driver tests: a pseudo-random pattern (every bit matters in a round trip) and a
// framed block that looks like a printed receipt header.
#include <random>

#include "base/raster_image.h"

namespace pk::test {

inline RasterImage noise_image(int width, int height, unsigned seed) {
  RasterImage image(width, height);
  std::mt19937 random(seed);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) image.set_dot(x, y, (random() & 1U) != 0);
  }
  return image;
}

inline RasterImage framed_image(int width, int height) {
  RasterImage image(width, height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const bool border = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
      const bool stripe = (x / 16 + y / 16) % 2 == 0 && y > 20 && y < height - 20;
      image.set_dot(x, y, border || stripe);
    }
  }
  return image;
}

}  // namespace pk::test
