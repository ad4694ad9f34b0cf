#pragma once
// Pixel work on one page that needs no library: blank detection, thumbnails, rotation.
#include "imaging/page.h"

namespace pk::imaging {

// True for a sheet side with nothing on it: paper grain, faint show-through from the other
// side and a few specks of dust are blank; a single line of text, a stamp or a signature is
// not. Works on a ~50 dpi average of the page, ignoring a 5 mm border (feeder edge shadows).
[[nodiscard]] bool is_blank(const Page& page);

// A copy whose longer side is at most max_side pixels (box-filtered), same channels and
// aspect. A page already small enough is copied as it is.
[[nodiscard]] Page make_thumbnail(const Page& page, int max_side);

void rotate_180(Page& page);

// A black-and-white scan: one channel and nothing but 0 and 255.
[[nodiscard]] bool is_bilevel(const Page& page);

}  // namespace pk::imaging
