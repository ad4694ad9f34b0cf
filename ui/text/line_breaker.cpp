#include "ui/text/line_breaker.h"

#include "ui/text/unicode_props.h"

namespace pk::ui {

LineBreaker::LineBreaker(const std::u32string& text, const LineMeasure& measure)
    : m_text(text), m_measure(measure), m_breaks(icu_line_breaks(text)), m_prefix(text.size() + 1, 0.0) {
  for (size_t i = 0; i < text.size(); ++i) m_prefix[i + 1] = m_prefix[i] + measure.advances[i];
}

uint32_t LineBreaker::trim_trailing_space(uint32_t start, uint32_t end) const {
  while (end > start && is_hanging_space(m_text[end - 1])) --end;
  return end;
}

float LineBreaker::content_width(uint32_t start, uint32_t end) const {
  const uint32_t content_end = trim_trailing_space(start, end);
  return static_cast<float>(m_prefix[content_end] - m_prefix[start]);
}

uint32_t LineBreaker::previous_cluster(uint32_t start, uint32_t index) const {
  if (index <= start) return start;
  --index;
  while (index > start && !m_measure.cluster_start[index]) --index;
  return index;
}

uint32_t LineBreaker::split_word(uint32_t start, uint32_t limit, float max_width) const {
  // Take clusters while they fit; always at least the first one.
  uint32_t end = start + 1;
  while (end < limit && !m_measure.cluster_start[end]) ++end;
  while (end < limit) {
    uint32_t next = end + 1;
    while (next < limit && !m_measure.cluster_start[next]) ++next;
    if (content_width(start, next) > max_width) break;
    end = next;
  }
  return end;
}

std::vector<LineRange> LineBreaker::break_lines(float max_width) const {
  std::vector<LineRange> lines;
  const auto size = static_cast<uint32_t>(m_text.size());
  uint32_t start = 0;
  while (start < size) {
    uint32_t best = 0;  // end of the longest fitting line so far; 0 = none yet
    for (uint32_t i = start; i < size; ++i) {
      const LineBreakAfter verdict = m_breaks[i];
      if (verdict == LineBreakAfter::None) continue;
      const uint32_t end = i + 1;
      if (max_width > 0 && content_width(start, end) > max_width) {
        if (best == 0) best = split_word(start, end, max_width);
        break;
      }
      best = end;
      if (verdict == LineBreakAfter::Mandatory) break;
    }
    if (best == 0) best = size;  // cannot happen: the last character is always a break
    lines.push_back(LineRange{start, best});
    start = best;
  }
  return lines;
}

}  // namespace pk::ui
