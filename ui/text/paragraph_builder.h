#pragma once
// Builds one TextLayout from a string and a style: the whole pipeline that TextEngine
// caches. Steps, in order: decode and replace what cannot be shown by U+FFFD; choose faces;
// resolve bidi levels on the paragraph; shape each item; choose lines on the logical text;
// cut to max_lines with an ellipsis; reorder each line visually; place and align glyphs.
#include <string>
#include <string_view>
#include <vector>

#include "ui/text/bidi_paragraph.h"
#include "ui/text/glyph_atlas.h"
#include "ui/text/itemizer.h"
#include "ui/text/line_breaker.h"
#include "ui/text/shaper.h"
#include "ui/text/text_layout.h"
#include "ui/text/text_style.h"

namespace pk::ui {

// The style with out-of-range values (NaN, negative, huge) brought into range, so every
// style the engine sees, and every cache key, is well formed.
[[nodiscard]] TextStyle sanitized(const TextStyle& style);

class ParagraphBuilder {
 public:
  ParagraphBuilder(const FontSet& fonts, GlyphAtlas& atlas) : m_fonts(fonts), m_atlas(atlas) {}

  // `style` must be sanitized.
  [[nodiscard]] TextLayout build(std::string_view utf8, const TextStyle& style);

 private:
  // One analysed and shaped text, before lines are placed.
  struct Shaped {
    std::u32string text;     // what is displayed
    std::u32string shaping;  // the same with line separators and tabs as spaces
    BidiParagraph bidi;
    std::vector<TextItem> items;
    std::vector<std::vector<ShapedGlyph>> item_glyphs;
    std::vector<uint32_t> item_of_char;
    LineMeasure measure;
  };

  [[nodiscard]] Shaped analyse(std::u32string text, BaseDirection direction, const TextStyle& style);
  [[nodiscard]] float ellipsis_width(const TextStyle& style);
  void place_line(const Shaped& shaped, LineRange range, const TextStyle& style, TextLayout& out);
  void align_lines(const TextStyle& style, TextLayout& out);

  const FontSet& m_fonts;
  GlyphAtlas& m_atlas;
  Shaper m_shaper;
};

}  // namespace pk::ui
