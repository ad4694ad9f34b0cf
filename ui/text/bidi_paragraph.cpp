#include "ui/text/bidi_paragraph.h"

#include <algorithm>

namespace pk::ui {

BidiParagraph::BidiParagraph(const std::u32string& text, BaseDirection direction) {
  const auto length = static_cast<FriBidiStrIndex>(text.size());
  const std::vector<FriBidiChar> chars(text.begin(), text.end());
  m_types.resize(text.size());
  m_levels.assign(text.size(), 0);
  std::vector<FriBidiBracketType> brackets(text.size());
  fribidi_get_bidi_types(chars.data(), length, m_types.data());
  fribidi_get_bracket_types(chars.data(), length, m_types.data(), brackets.data());

  FriBidiParType base = FRIBIDI_PAR_ON;
  if (direction == BaseDirection::RightToLeft) base = FRIBIDI_PAR_RTL;
  if (direction == BaseDirection::LeftToRight) base = FRIBIDI_PAR_LTR;
  const FriBidiLevel max_level =
      fribidi_get_par_embedding_levels_ex(m_types.data(), brackets.data(), length, &base, m_levels.data());
  if (max_level == 0 && length > 0) {
    // Only an allocation failure makes FriBidi give up; fall back to one plain run so the
    // text is still shown rather than lost.
    base = direction == BaseDirection::RightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    std::fill(m_levels.begin(), m_levels.end(), base == FRIBIDI_PAR_RTL ? 1 : 0);
  }
  m_rtl = FRIBIDI_IS_RTL(base);
}

std::vector<uint8_t> BidiParagraph::line_levels(uint32_t start, uint32_t end) const {
  std::vector<FriBidiLevel> levels(m_levels.begin() + start, m_levels.begin() + end);
  if (end > start) {
    // FriBidi applies L1 in place on the slice it is given; the slice is a copy so the
    // paragraph's levels stay valid for the other lines.
    // It returns 0 only when out of memory; the paragraph levels are then kept unchanged,
    // which misplaces at most some trailing white space.
    const FriBidiLevel max_level =
        fribidi_reorder_line(0, m_types.data() + start, static_cast<FriBidiStrIndex>(end - start), 0,
                             m_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR, levels.data(), nullptr, nullptr);
    if (max_level == 0) levels.assign(m_levels.begin() + start, m_levels.begin() + end);
  }
  return {levels.begin(), levels.end()};
}

std::vector<size_t> visual_run_order(const std::vector<uint8_t>& run_levels) {
  std::vector<size_t> order(run_levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (run_levels.empty()) return order;
  const uint8_t highest = *std::max_element(run_levels.begin(), run_levels.end());
  uint8_t lowest_odd = 255;
  for (uint8_t level : run_levels) {
    if (level % 2 == 1) lowest_odd = std::min(lowest_odd, level);
  }
  if (lowest_odd == 255) return order;  // all even: already left to right
  // From the highest level down to the lowest odd one, reverse every maximal sequence of
  // runs at that level or higher.
  for (int level = highest; level >= lowest_odd; --level) {
    size_t i = 0;
    while (i < order.size()) {
      if (run_levels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < order.size() && run_levels[order[j]] >= level) ++j;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                   order.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
  return order;
}

}  // namespace pk::ui
