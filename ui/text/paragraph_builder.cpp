#include "ui/text/paragraph_builder.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "base/secure_wipe.h"
#include "ui/text/unicode_props.h"
#include "ui/text/utf8_decode.h"

namespace pk::ui {
namespace {

constexpr char32_t kEllipsis = U'\u2026';
constexpr float kMinSize = 1.0F;
constexpr float kMaxSize = 256.0F;  // keeps every glyph well inside one atlas page

RunDirection direction_of(uint8_t level) {
  return level % 2 == 1 ? RunDirection::RightToLeft : RunDirection::LeftToRight;
}

int size_64(const TextStyle& style) { return static_cast<int>(std::lround(style.size_px * 64.0F)); }

}  // namespace

TextStyle sanitized(const TextStyle& style) {
  TextStyle out = style;
  if (!std::isfinite(out.size_px)) out.size_px = TextStyle{}.size_px;
  out.size_px = std::clamp(out.size_px, kMinSize, kMaxSize);
  out.size_px = std::round(out.size_px * 64.0F) / 64.0F;  // the rasteriser's resolution
  if (!std::isfinite(out.max_width) || out.max_width <= 0) out.max_width = 0;
  if (out.max_lines < 0) out.max_lines = 0;
  return out;
}

ParagraphBuilder::Shaped ParagraphBuilder::analyse(std::u32string text, BaseDirection direction,
                                                   const TextStyle& style) {
  const FontRuns runs = resolve_fonts(text, m_fonts, style.weight);
  BidiParagraph bidi(text, direction);
  Shaped s{std::move(text), {}, std::move(bidi), {}, {}, {}, {}};
  s.items = itemize(runs, s.bidi);
  s.shaping = s.text;
  for (char32_t& cp : s.shaping) {
    if (is_line_separator(cp) || cp == U'\t') cp = U' ';
  }
  const size_t size = s.text.size();
  s.item_of_char.resize(size);
  s.measure.advances.assign(size, 0.0F);
  s.measure.cluster_start.assign(size, false);
  s.item_glyphs.reserve(s.items.size());
  for (uint32_t index = 0; index < s.items.size(); ++index) {
    const TextItem& item = s.items[index];
    std::fill(s.item_of_char.begin() + item.start, s.item_of_char.begin() + item.end, index);
    s.item_glyphs.push_back(m_shaper.shape(s.shaping, item.start, item.end, m_fonts, item.font, style.size_px,
                                           direction_of(item.level), item.script));
    for (const ShapedGlyph& glyph : s.item_glyphs.back()) {
      s.measure.advances[glyph.cluster] += glyph.advance;
      s.measure.cluster_start[glyph.cluster] = true;
    }
  }
  return s;
}

float ParagraphBuilder::ellipsis_width(const TextStyle& style) {
  const std::u32string ellipsis(1, kEllipsis);
  const FontSlot font = slot_for(FontFamily::Latin, style.weight);
  float width = 0;
  for (const ShapedGlyph& glyph : m_shaper.shape(ellipsis, 0, 1, m_fonts, font, style.size_px,
                                                 RunDirection::LeftToRight, HB_SCRIPT_COMMON)) {
    width += glyph.advance;
  }
  return width;
}

TextLayout ParagraphBuilder::build(std::string_view utf8, const TextStyle& style) {
  DecodedText decoded = decode_utf8(utf8);
  for (char32_t& cp : decoded.text) {
    if (must_replace(cp)) cp = kReplacementChar;
  }
  TextLayout out;
  out.byte_offsets = std::move(decoded.byte_offsets);
  Shaped shaped = analyse(std::move(decoded.text), style.direction, style);
  std::vector<LineRange> lines = LineBreaker(shaped.text, shaped.measure).break_lines(style.max_width);

  const auto max_lines = static_cast<size_t>(style.max_lines);
  if (max_lines > 0 && lines.size() > max_lines) {
    // Cut the last kept line so that it and an ellipsis fit, then lay out the shortened
    // text again with the direction already resolved, so the ellipsis cannot flip it.
    // Shaping across the cut may differ a little from the estimate; re-check and cut one
    // more cluster when it does.
    const BaseDirection resolved =
        shaped.bidi.rtl() ? BaseDirection::RightToLeft : BaseDirection::LeftToRight;
    const float ellipsis = ellipsis_width(style);
    const LineRange last = lines[max_lines - 1];
    const std::u32string original = shaped.text;
    const std::vector<uint32_t> original_offsets = out.byte_offsets;
    const LineMeasure original_measure = shaped.measure;  // `shaped` is replaced below
    const LineBreaker original_breaker(original, original_measure);
    uint32_t cut = original_breaker.trim_trailing_space(last.start, last.end);
    const auto fits = [&](uint32_t end) {
      return style.max_width <= 0 ||
             original_breaker.content_width(last.start, end) + ellipsis <= style.max_width;
    };
    while (cut > last.start && !fits(cut)) {
      cut = original_breaker.trim_trailing_space(last.start,
                                                 original_breaker.previous_cluster(last.start, cut));
    }
    for (int attempt = 0;; ++attempt) {
      std::u32string text = original.substr(0, cut);
      text.push_back(kEllipsis);
      out.byte_offsets.assign(original_offsets.begin(), original_offsets.begin() + cut);
      out.byte_offsets.push_back(static_cast<uint32_t>(utf8.size()));
      shaped = analyse(std::move(text), resolved, style);
      const LineBreaker breaker(shaped.text, shaped.measure);
      lines = breaker.break_lines(style.max_width);
      const bool too_many = lines.size() > max_lines;
      if ((!too_many) || cut == last.start || attempt >= 8) break;
      cut = original_breaker.trim_trailing_space(last.start,
                                                 original_breaker.previous_cluster(last.start, cut));
    }
    // Only a line narrower than one cluster plus the ellipsis can still overflow; keep
    // the promised line count then.
    if (lines.size() > max_lines) {
      lines.resize(max_lines);
      shaped.text.resize(lines.back().end);
      out.byte_offsets.resize(lines.back().end);
    }
    out.truncated = true;
  }
  if (lines.empty()) lines.push_back(LineRange{0, 0});

  const FontSlot persian = slot_for(FontFamily::Persian, style.weight);
  const FontSlot latin = slot_for(FontFamily::Latin, style.weight);
  out.ascent =
      std::round(std::max(m_fonts.ascent(persian, style.size_px), m_fonts.ascent(latin, style.size_px)));
  const float descent =
      std::max(m_fonts.descent(persian, style.size_px), m_fonts.descent(latin, style.size_px));
  out.line_height = std::ceil(out.ascent + descent);
  out.rtl = shaped.bidi.rtl();
  for (const LineRange& range : lines) place_line(shaped, range, style, out);
  align_lines(style, out);
  out.text = std::move(shaped.text);
  // The code points as shaped are a copy of the text, which may be identity text: zeroed
  // before they are freed (the layout's own copy is the cache's to wipe).
  secure_wipe(shaped.shaping);
  return out;
}

void ParagraphBuilder::place_line(const Shaped& shaped, LineRange range, const TextStyle& style,
                                  TextLayout& out) {
  TextLine line;
  line.first_char = range.start;
  line.end_char = range.end;
  line.first_glyph = static_cast<uint32_t>(out.glyphs.size());
  line.baseline = static_cast<float>(out.lines.size()) * out.line_height + out.ascent;

  // Runs of one level (after rule L1 for this line) and one item, in logical order.
  const std::vector<uint8_t> levels = shaped.bidi.line_levels(range.start, range.end);
  std::vector<LineRange> runs;
  std::vector<uint8_t> run_levels;
  for (uint32_t i = range.start; i < range.end; ++i) {
    const uint8_t level = levels[i - range.start];
    if (!runs.empty() && run_levels.back() == level &&
        shaped.item_of_char[runs.back().start] == shaped.item_of_char[i]) {
      runs.back().end = i + 1;
    } else {
      runs.push_back(LineRange{i, i + 1});
      run_levels.push_back(level);
    }
  }

  uint32_t content_end = range.end;
  while (content_end > range.start && is_hanging_space(shaped.text[content_end - 1])) --content_end;
  float pen = 0;
  float hanging = 0;
  const int size = size_64(style);
  for (size_t run_index : visual_run_order(run_levels)) {
    const LineRange run = runs[run_index];
    const uint32_t item_index = shaped.item_of_char[run.start];
    const TextItem& item = shaped.items[item_index];
    const RunDirection direction = direction_of(run_levels[run_index]);
    // Reuse the paragraph's shaping when the run is a whole item in the same direction
    // (the common case: no wrapping); otherwise shape the part with its context.
    std::vector<ShapedGlyph> reshaped;
    const std::vector<ShapedGlyph>* glyphs = &shaped.item_glyphs[item_index];
    if (run.start != item.start || run.end != item.end || direction != direction_of(item.level)) {
      reshaped = m_shaper.shape(shaped.shaping, run.start, run.end, m_fonts, item.font, style.size_px,
                                direction, item.script);
      glyphs = &reshaped;
    }
    for (const ShapedGlyph& glyph : *glyphs) {
      PositionedGlyph placed;
      placed.glyph_id = glyph.glyph_id;
      placed.font = item.font;
      placed.cluster = glyph.cluster;
      placed.pen_x = pen;
      placed.advance = glyph.advance;
      placed.level = run_levels[run_index];
      const AtlasGlyph& bitmap = m_atlas.glyph(item.font, glyph.glyph_id, size);
      if (bitmap.page != nullptr) {
        const auto page_size = static_cast<float>(GlyphAtlas::kPageSize);
        placed.page = bitmap.page;
        placed.x0 = std::round(pen + glyph.x_offset) + static_cast<float>(bitmap.left);
        placed.y0 = line.baseline - std::round(glyph.y_offset) - static_cast<float>(bitmap.top);
        placed.x1 = placed.x0 + static_cast<float>(bitmap.width);
        placed.y1 = placed.y0 + static_cast<float>(bitmap.height);
        placed.u0 = static_cast<float>(bitmap.x) / page_size;
        placed.v0 = static_cast<float>(bitmap.y) / page_size;
        placed.u1 = static_cast<float>(bitmap.x + bitmap.width) / page_size;
        placed.v1 = static_cast<float>(bitmap.y + bitmap.height) / page_size;
      }
      if (glyph.cluster >= content_end) hanging += glyph.advance;
      pen += glyph.advance;
      out.glyphs.push_back(placed);
    }
  }
  line.glyph_count = static_cast<uint32_t>(out.glyphs.size()) - line.first_glyph;
  line.width = pen - hanging;
  // Trailing white space sits at the paragraph's end edge (rule L1): on the left of a
  // right-to-left line. Until align_lines runs, `left` holds where the content starts.
  line.left = out.rtl ? hanging : 0;
  out.lines.push_back(line);
}

void ParagraphBuilder::align_lines(const TextStyle& style, TextLayout& out) {
  float natural = 0;
  for (const TextLine& line : out.lines) natural = std::max(natural, line.width);
  out.natural_width = natural;
  const float box = style.max_width > 0 ? style.max_width : natural;
  out.size = ImVec2(box, static_cast<float>(out.lines.size()) * out.line_height);

  // Start is the right edge for a right-to-left paragraph.
  const bool to_right = (style.align == TextAlign::Start) == out.rtl;
  for (TextLine& line : out.lines) {
    float target = 0;
    if (style.align == TextAlign::Center) {
      target = (box - line.width) / 2;
    } else if (to_right) {
      target = box - line.width;
    }
    target = std::max(0.0F, target);  // a line wider than the box starts at its left edge
    const float shift = std::round(target - line.left);
    line.left = std::round(target);
    for (uint32_t g = line.first_glyph; g < line.first_glyph + line.glyph_count; ++g) {
      PositionedGlyph& glyph = out.glyphs[g];
      glyph.pen_x += shift;
      if (glyph.page != nullptr) {
        glyph.x0 += shift;
        glyph.x1 += shift;
      }
    }
  }
}

}  // namespace pk::ui
