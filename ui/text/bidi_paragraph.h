#pragma once
// The Unicode bidirectional algorithm, done the way UAX #9 asks: embedding levels are
// resolved once for the whole paragraph (rules P-W-N-I, with bracket pairs), and each line
// is then reordered on its own (rules L1 and L2), after line breaking chose the lines.
#include <fribidi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/text/text_style.h"

namespace pk::ui {

class BidiParagraph {
 public:
  // `text` is the whole paragraph (it may hold hard line breaks; they reset levels to the
  // paragraph's, rule X8). Auto takes the first strong character, left to right if none.
  BidiParagraph(const std::u32string& text, BaseDirection direction);

  [[nodiscard]] bool rtl() const { return m_rtl; }
  [[nodiscard]] uint8_t level(size_t index) const { return m_levels[index]; }

  // The levels of the code points [start, end) after rule L1, which puts trailing white
  // space and separators back at the paragraph level for this line.
  [[nodiscard]] std::vector<uint8_t> line_levels(uint32_t start, uint32_t end) const;

 private:
  std::vector<FriBidiCharType> m_types;
  std::vector<FriBidiLevel> m_levels;
  bool m_rtl = false;
};

// Rule L2 on runs: given each run's level in logical order, the order in which the runs
// appear from left to right. (Within a run, HarfBuzz already emits glyphs left to right.)
[[nodiscard]] std::vector<size_t> visual_run_order(const std::vector<uint8_t>& run_levels);

}  // namespace pk::ui
