#pragma once
// Chooses lines: UAX #14 break opportunities from ICU (icu_segmentation.h), filled greedily up
// to a width. Breaking works on logical text, before any visual reordering; the caller reorders
// each line afterwards.
#include <cstdint>
#include <string>
#include <vector>

#include "ui/text/icu_segmentation.h"

namespace pk::ui {

struct LineRange {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct LineMeasure {
  // Advance of each code point (a ligature's advance is on its first code point), and
  // whether a code point starts a cluster, i.e. whether a line may end before it when a
  // single word is wider than the line and has to be broken inside.
  std::vector<float> advances;
  std::vector<bool> cluster_start;
};

class LineBreaker {
 public:
  LineBreaker(const std::u32string& text, const LineMeasure& measure);

  // max_width <= 0: break only at mandatory breaks. A word wider than max_width is split
  // between clusters, at least one cluster per line, so every line makes progress.
  [[nodiscard]] std::vector<LineRange> break_lines(float max_width) const;

  // Width of [start, end) without the white space that hangs at its end.
  [[nodiscard]] float content_width(uint32_t start, uint32_t end) const;
  // `end` moved back over hanging white space, not before `start`.
  [[nodiscard]] uint32_t trim_trailing_space(uint32_t start, uint32_t end) const;
  // The cluster start before `index`, not before `start`.
  [[nodiscard]] uint32_t previous_cluster(uint32_t start, uint32_t index) const;

 private:
  [[nodiscard]] uint32_t split_word(uint32_t start, uint32_t limit, float max_width) const;

  const std::u32string& m_text;
  const LineMeasure& m_measure;
  std::vector<LineBreakAfter> m_breaks;  // ICU's verdict after each code point
  std::vector<double> m_prefix;          // prefix sums of advances
};

}  // namespace pk::ui
