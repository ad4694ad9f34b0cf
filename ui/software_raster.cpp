#include "ui/software_raster.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

namespace pk::ui::raster {

namespace {

// x / 255 rounded, exact for x in [0, 255 * 255].
inline uint32_t div255(uint32_t x) { return (x + 128 + ((x + 128) >> 8)) >> 8; }

inline uint32_t red(uint32_t abgr) { return abgr & 0xFF; }
inline uint32_t green(uint32_t abgr) { return (abgr >> 8) & 0xFF; }
inline uint32_t blue(uint32_t abgr) { return (abgr >> 16) & 0xFF; }
inline uint32_t alpha(uint32_t abgr) { return abgr >> 24; }

inline uint32_t argb(uint32_t a, uint32_t r, uint32_t g, uint32_t b) {
  return (a << 24) | (r << 16) | (g << 8) | b;
}

// SDL_BLENDMODE_BLEND: rgb = src * a + dst * (1 - a); alpha = a + dst_alpha * (1 - a).
inline uint32_t blend(uint32_t dst, uint32_t r, uint32_t g, uint32_t b, uint32_t a) {
  const uint32_t inv = 255 - a;
  const uint32_t dr = (dst >> 16) & 0xFF;
  const uint32_t dg = (dst >> 8) & 0xFF;
  const uint32_t db = dst & 0xFF;
  const uint32_t da = dst >> 24;
  return argb(a + div255(da * inv), div255(r * a + dr * inv), div255(g * a + dg * inv),
              div255(b * a + db * inv));
}

// The first pixel whose centre is at or after `edge` (top-left rule).
inline int first_covered(float edge) { return static_cast<int>(std::ceil(edge - 0.5F)); }

void fill_span(const Target& t, int y, int x0, int x1, uint32_t color) {
  if (x1 <= x0) return;
  uint32_t* row = t.pixels + static_cast<std::ptrdiff_t>(y) * t.pitch_words;
  const uint32_t a = alpha(color);
  if (a == 255) {
    std::fill(row + x0, row + x1, argb(255, red(color), green(color), blue(color)));
  } else if (a != 0) {
    const uint32_t r = red(color), g = green(color), b = blue(color);
    for (int x = x0; x < x1; ++x) row[x] = blend(row[x], r, g, b, a);
  }
}

ClipRect clipped(const Target& t, const ClipRect& c) {
  return {std::max(c.x0, 0), std::max(c.y0, 0), std::min(c.x1, t.width), std::min(c.y1, t.height)};
}

}  // namespace

void fill_rect(const Target& target, const ClipRect& clip, float x0, float y0, float x1, float y1,
               uint32_t color) {
  const ClipRect c = clipped(target, clip);
  // Vertex fractions dropped, as for triangles.
  const int px0 = std::max(static_cast<int>(std::floor(std::min(x0, x1))), c.x0);
  const int px1 = std::min(static_cast<int>(std::floor(std::max(x0, x1))), c.x1);
  const int py0 = std::max(static_cast<int>(std::floor(std::min(y0, y1))), c.y0);
  const int py1 = std::min(static_cast<int>(std::floor(std::max(y0, y1))), c.y1);
  for (int y = py0; y < py1; ++y) fill_span(target, y, px0, px1, color);
}

void fill_triangle(const Target& target, const ClipRect& clip, const float* fa, const float* fb,
                   const float* fc, uint32_t color) {
  const ClipRect cl = clipped(target, clip);
  // SDL's software renderer drops the fractions of vertex positions; so do we, so that our
  // fills meet SDL's anti-aliased fringes without a seam.
  const float a[2] = {std::floor(fa[0]), std::floor(fa[1])};
  const float b[2] = {std::floor(fb[0]), std::floor(fb[1])};
  const float c[2] = {std::floor(fc[0]), std::floor(fc[1])};
  const float min_y = std::min({a[1], b[1], c[1]});
  const float max_y = std::max({a[1], b[1], c[1]});
  const int y_begin = std::max(first_covered(min_y), cl.y0);
  const int y_end = std::min(first_covered(max_y), cl.y1);
  const float* edges[3][2] = {{a, b}, {b, c}, {c, a}};
  for (int y = y_begin; y < y_end; ++y) {
    const float py = static_cast<float>(y) + 0.5F;
    float left = 0;
    float right = 0;
    int hits = 0;
    for (const auto& edge : edges) {
      const float* p = edge[0];
      const float* q = edge[1];
      if (p[1] > q[1]) std::swap(p, q);
      if (!(py >= p[1] && py < q[1])) continue;  // half-open: a vertex row is counted once
      const float x = p[0] + (py - p[1]) * (q[0] - p[0]) / (q[1] - p[1]);
      if (hits == 0) {
        left = right = x;
      } else {
        left = std::min(left, x);
        right = std::max(right, x);
      }
      ++hits;
    }
    if (hits < 2) continue;
    fill_span(target, y, std::max(first_covered(left), cl.x0), std::min(first_covered(right), cl.x1), color);
  }
}

void blend_copy(const Target& target, const ClipRect& clip, int dx, int dy, const Source& src, int sx, int sy,
                int w, int h, uint32_t color) {
  const ClipRect c = clipped(target, clip);
  const int x0 = std::max({dx, c.x0, dx - sx});
  const int x1 = std::min({dx + w, c.x1, dx + (src.width - sx)});
  const int y0 = std::max({dy, c.y0, dy - sy});
  const int y1 = std::min({dy + h, c.y1, dy + (src.height - sy)});
  if (x1 <= x0 || y1 <= y0) return;
  const uint32_t cr = red(color), cg = green(color), cb = blue(color), ca = alpha(color);
  for (int y = y0; y < y1; ++y) {
    uint32_t* row = target.pixels + static_cast<std::ptrdiff_t>(y) * target.pitch_words;
    const uint32_t* in = src.rgba + static_cast<std::ptrdiff_t>(sy + y - dy) * src.width + (sx - dx);
    for (int x = x0; x < x1; ++x) {
      const uint32_t texel = in[x];
      const uint32_t a = div255(alpha(texel) * ca);
      if (a == 0) continue;
      const uint32_t r = div255(red(texel) * cr);
      const uint32_t g = div255(green(texel) * cg);
      const uint32_t b = div255(blue(texel) * cb);
      row[x] = a == 255 ? argb(255, r, g, b) : blend(row[x], r, g, b, a);
    }
  }
}

void opaque_copy(const Target& target, const ClipRect& clip, int dx, int dy, const uint32_t* image, int w,
                 int h) {
  const ClipRect c = clipped(target, clip);
  const int x0 = std::max(dx, c.x0);
  const int x1 = std::min(dx + w, c.x1);
  const int y0 = std::max(dy, c.y0);
  const int y1 = std::min(dy + h, c.y1);
  if (x1 <= x0 || y1 <= y0) return;
  for (int y = y0; y < y1; ++y)
    std::memcpy(target.pixels + static_cast<std::ptrdiff_t>(y) * target.pitch_words + x0,
                image + static_cast<std::ptrdiff_t>(y - dy) * w + (x0 - dx),
                sizeof(uint32_t) * static_cast<size_t>(x1 - x0));
}

void scale_to_argb(const Source& src, int sx, int sy, int sw, int sh, int w, int h, uint32_t* out) {
  if (w <= 0 || h <= 0 || sw <= 0 || sh <= 0) return;
  const float fx = static_cast<float>(sw) / static_cast<float>(w);
  const float fy = static_cast<float>(sh) / static_cast<float>(h);
  for (int y = 0; y < h; ++y) {
    const float v = std::clamp((static_cast<float>(y) + 0.5F) * fy - 0.5F, 0.0F, static_cast<float>(sh - 1));
    const int y0 = static_cast<int>(v);
    const int y1 = std::min(y0 + 1, sh - 1);
    const float ty = v - static_cast<float>(y0);
    for (int x = 0; x < w; ++x) {
      const float u =
          std::clamp((static_cast<float>(x) + 0.5F) * fx - 0.5F, 0.0F, static_cast<float>(sw - 1));
      const int x0 = static_cast<int>(u);
      const int x1 = std::min(x0 + 1, sw - 1);
      const float tx = u - static_cast<float>(x0);
      const uint32_t p00 = src.rgba[static_cast<std::ptrdiff_t>(sy + y0) * src.width + sx + x0];
      const uint32_t p01 = src.rgba[static_cast<std::ptrdiff_t>(sy + y0) * src.width + sx + x1];
      const uint32_t p10 = src.rgba[static_cast<std::ptrdiff_t>(sy + y1) * src.width + sx + x0];
      const uint32_t p11 = src.rgba[static_cast<std::ptrdiff_t>(sy + y1) * src.width + sx + x1];
      auto mix = [&](uint32_t shift) {
        const auto ch = [shift](uint32_t p) { return static_cast<float>((p >> shift) & 0xFF); };
        const float top = ch(p00) + (ch(p01) - ch(p00)) * tx;
        const float bottom = ch(p10) + (ch(p11) - ch(p10)) * tx;
        return static_cast<uint32_t>(std::lround(top + (bottom - top) * ty));
      };
      out[static_cast<std::ptrdiff_t>(y) * w + x] = argb(255, mix(0), mix(8), mix(16));
    }
  }
}

bool is_opaque(const Source& src, int sx, int sy, int w, int h) {
  for (int y = sy; y < sy + h; ++y)
    for (int x = sx; x < sx + w; ++x)
      if (alpha(src.rgba[static_cast<std::ptrdiff_t>(y) * src.width + x]) != 255) return false;
  return true;
}

}  // namespace pk::ui::raster
