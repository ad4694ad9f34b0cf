#pragma once
// Splits a paragraph into items: maximal ranges with one bidi level, one face and one
// script, which is what HarfBuzz needs to shape a range in one call.
//
// The face is chosen per character: Arabic-script characters prefer the Persian face,
// others the Latin face; characters of no script of their own (spaces, digits,
// punctuation, marks, ZWNJ) follow their neighbours so that a Persian word and its
// punctuation shape together. A character missing from the preferred face is taken from
// the other one; a character in neither becomes U+FFFD, so it shows instead of vanishing.
#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/text/bidi_paragraph.h"
#include "ui/text/font_set.h"

namespace pk::ui {

struct TextItem {
  uint32_t start = 0;
  uint32_t end = 0;
  uint8_t level = 0;  // odd = right to left
  FontSlot font = FontSlot::LatinRegular;
  hb_script_t script = HB_SCRIPT_COMMON;
};

// The face and script of each character. May replace characters of `text` by U+FFFD (see
// above), which is why it runs before the bidi analysis.
struct FontRuns {
  std::vector<FontSlot> fonts;
  std::vector<hb_script_t> scripts;
};
[[nodiscard]] FontRuns resolve_fonts(std::u32string& text, const FontSet& fonts, Weight weight);

// Items covering [0, text.size()), in logical order.
[[nodiscard]] std::vector<TextItem> itemize(const FontRuns& runs, const BidiParagraph& bidi);

}  // namespace pk::ui
