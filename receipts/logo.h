#pragma once
// The receipt's head mark, drawn procedurally: a twelve-pointed sun (a shamseh, the rosette of
// Persian tilework) inside a double ring. No bitmap file to ship, and it scales to any size
// without resampling artefacts on a 1-bit head.
#include "base/raster_image.h"

namespace pk::receipts {

// A strip `width` dots wide with the mark centred; the mark is `diameter` dots across.
[[nodiscard]] RasterImage draw_logo(int width, int diameter);

}  // namespace pk::receipts
