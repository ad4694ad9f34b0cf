#include "ui/text/caret.h"

#include <algorithm>
#include <cmath>

#include "ui/text/graphemes.h"

namespace pk::ui {

CaretMap::CaretMap(const TextLayout& layout) {
  if (layout.lines.empty()) {
    m_boundaries = {0};
    return;
  }
  const TextLine& line = layout.lines.front();
  m_size = std::min<uint32_t>(line.end_char, static_cast<uint32_t>(layout.text.size()));
  m_empty_x = layout.rtl ? line.left + line.width : line.left;
  m_chars.assign(m_size, Edges{});
  std::vector<bool> placed(m_size, false);

  // HarfBuzz clusters of the line: each covers the code points from its start up to the next
  // cluster start in logical order, and the glyphs that carry that start.
  std::vector<uint32_t> starts;
  const uint32_t glyph_end = line.first_glyph + line.glyph_count;
  for (uint32_t g = line.first_glyph; g < glyph_end; ++g)
    if (layout.glyphs[g].cluster < m_size) starts.push_back(layout.glyphs[g].cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t s = 0; s < starts.size(); ++s) {
    const uint32_t first = starts[s];
    const uint32_t last = s + 1 < starts.size() ? starts[s + 1] : m_size;
    float left = 0;
    float right = 0;
    bool rtl = false;
    bool seen = false;
    for (uint32_t g = line.first_glyph; g < glyph_end; ++g) {
      const PositionedGlyph& glyph = layout.glyphs[g];
      if (glyph.cluster != first) continue;
      left = seen ? std::min(left, glyph.pen_x) : glyph.pen_x;
      right = seen ? std::max(right, glyph.pen_x + glyph.advance) : glyph.pen_x + glyph.advance;
      rtl = rtl || (glyph.level % 2) == 1;
      seen = true;
    }
    // A ligature (لا) holds several characters: its width is shared out among them.
    const float count = static_cast<float>(last - first);
    const float width = right - left;
    for (uint32_t k = first; k < last; ++k) {
      const float j = static_cast<float>(k - first);
      m_chars[k] = rtl ? Edges{right - width * j / count, right - width * (j + 1) / count}
                       : Edges{left + width * j / count, left + width * (j + 1) / count};
      placed[k] = true;
    }
  }
  // Characters with no glyph at all (a line separator) sit where the one before them ends.
  for (uint32_t k = 0; k < m_size; ++k) {
    if (placed[k]) continue;
    const float x = k > 0 ? m_chars[k - 1].trail : m_empty_x;
    m_chars[k] = Edges{x, x};
  }
  m_boundaries = grapheme_boundaries(std::u32string_view(layout.text).substr(0, m_size));
}

float CaretMap::x_of(uint32_t position) const {
  if (m_size == 0) return m_empty_x;
  if (position < m_size) return m_chars[position].lead;
  return m_chars[m_size - 1].trail;
}

uint32_t CaretMap::hit_test(float x) const {
  uint32_t best = 0;
  float best_distance = INFINITY;
  for (uint32_t b : m_boundaries) {
    const float d = std::fabs(x_of(b) - x);
    if (d < best_distance) {
      best_distance = d;
      best = b;
    }
  }
  return best;
}

uint32_t CaretMap::move_visual(uint32_t position, int direction) const {
  const float from = x_of(std::min(position, m_size));
  uint32_t best = position;
  float best_distance = INFINITY;
  for (uint32_t b : m_boundaries) {
    const float step = (x_of(b) - from) * static_cast<float>(direction);
    if (step > 0.01F && step < best_distance) {
      best_distance = step;
      best = b;
    }
  }
  return best;
}

std::vector<CaretMap::Span> CaretMap::selection(uint32_t a, uint32_t b) const {
  const uint32_t lo = std::min({a, b, m_size});
  const uint32_t hi = std::min(std::max(a, b), m_size);
  std::vector<Span> pieces;
  for (uint32_t k = lo; k < hi; ++k)
    pieces.push_back(
        {std::min(m_chars[k].lead, m_chars[k].trail), std::max(m_chars[k].lead, m_chars[k].trail)});
  std::sort(pieces.begin(), pieces.end(), [](const Span& p, const Span& q) { return p.left < q.left; });
  std::vector<Span> merged;
  for (const Span& p : pieces) {
    if (p.right <= p.left) continue;
    if (!merged.empty() && p.left <= merged.back().right + 0.5F)
      merged.back().right = std::max(merged.back().right, p.right);
    else
      merged.push_back(p);
  }
  return merged;
}

}  // namespace pk::ui
