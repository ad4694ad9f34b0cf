#pragma once
// Direct drawing into a 32-bit surface for the shapes that make up almost all of a kiosk frame,
// used when SDL renders in software (headless, or a kiosk without a GPU).
//
// Why: SDL's software renderer fills every triangle by testing each pixel of its bounding box
// and blends through a generic per-pixel blitter, even for an opaque rectangle. A 1080p frame
// is mostly opaque rectangles (the window background, rows, buttons), the interiors of rounded
// rectangles (triangle fans), glyph quads copied 1:1 from the atlas and page thumbnails drawn
// scaled; those cost 20-40 ms a frame through SDL. Here they are span fills and row copies.
// Everything else (anti-aliased fringes, whose colour varies across a triangle) still goes to
// SDL, in the same order, so the picture is the same.
#include <cstdint>

namespace pk::ui::raster {

// A 32-bit target whose pixels are 0xAARRGGBB words (SDL_PIXELFORMAT_ARGB8888 or RGB888).
struct Target {
  uint32_t* pixels = nullptr;
  int pitch_words = 0;
  int width = 0;
  int height = 0;
};

struct ClipRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // half-open
};

// A source image in ImGui's byte order: R, G, B, A in memory (0xAABBGGRR words).
struct Source {
  const uint32_t* rgba = nullptr;
  int width = 0;
  int height = 0;
};

// Colours are ImGui's IM_COL32 words (0xAABBGGRR).
// A solid triangle: vertex positions truncated to whole pixels as SDL's software renderer does,
// then the pixels whose centres it covers (top-left rule, so triangles sharing an edge never
// paint a pixel twice); blended when the colour is not opaque.
void fill_triangle(const Target& target, const ClipRect& clip, const float* xy0, const float* xy1,
                   const float* xy2, uint32_t color);
// A solid axis-aligned rectangle, same coverage rule.
void fill_rect(const Target& target, const ClipRect& clip, float x0, float y0, float x1, float y1,
               uint32_t color);
// Copies src's [sx, sx+w) x [sy, sy+h) to (dx, dy), modulated by `color` and blended.
void blend_copy(const Target& target, const ClipRect& clip, int dx, int dy, const Source& src, int sx, int sy,
                int w, int h, uint32_t color);
// Copies an opaque image already in the target's format (0xAARRGGBB) at (dx, dy), no blending.
void opaque_copy(const Target& target, const ClipRect& clip, int dx, int dy, const uint32_t* argb, int w,
                 int h);
// Scales src's [sx, sx+sw) x [sy, sy+sh) to w x h with bilinear filtering into `argb_out` (target format).
void scale_to_argb(const Source& src, int sx, int sy, int sw, int sh, int w, int h, uint32_t* argb_out);
// True when every pixel of the region has alpha 255.
[[nodiscard]] bool is_opaque(const Source& src, int sx, int sy, int w, int h);

}  // namespace pk::ui::raster
