#include "tests/support/font_coverage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "domain/utf8.h"
#include "ui/text/utf8_decode.h"

namespace pk::test {

ui::TextEngine& coverage_engine() {
  static std::unique_ptr<ui::TextEngine> engine = [] {
    auto created = ui::TextEngine::create(ui::FontPaths::debian_noto());
    if (!created) {
      ADD_FAILURE() << "the shipped fonts do not open: " << created.error().message;
      std::abort();
    }
    return std::move(created).value();
  }();
  return *engine;
}

std::vector<char32_t> uncovered_code_points(std::string_view utf8, Language language) {
  std::vector<char32_t> missing;
  const auto add = [&](char32_t cp) {
    if (std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
  };
  // The code point the input had at index i of the layout's text (before any replacement).
  const auto original = [&](const ui::TextLayout& layout, uint32_t i) {
    return utf8::decode_one(utf8.substr(layout.byte_offsets[i])).code_point;
  };
  for (const ui::Weight weight : {ui::Weight::Regular, ui::Weight::Bold}) {
    ui::TextStyle style;
    style.weight = weight;
    style.direction = is_rtl(language) ? ui::BaseDirection::RightToLeft : ui::BaseDirection::LeftToRight;
    const ui::TextLayout layout = coverage_engine().layout_uncached(utf8, style);
    for (uint32_t i = 0; i < layout.text.size(); ++i) {
      if (layout.text[i] == ui::kReplacementChar && original(layout, i) != ui::kReplacementChar)
        add(original(layout, i));
    }
    std::vector<uint32_t> starts;
    for (const ui::PositionedGlyph& glyph : layout.glyphs) starts.push_back(glyph.cluster);
    std::sort(starts.begin(), starts.end());
    for (const ui::PositionedGlyph& glyph : layout.glyphs) {
      if (glyph.glyph_id != 0) continue;
      // Every code point of the glyph's cluster: up to the next cluster that has a glyph.
      const auto next = std::upper_bound(starts.begin(), starts.end(), glyph.cluster);
      const uint32_t end = next == starts.end() ? static_cast<uint32_t>(layout.text.size()) : *next;
      for (uint32_t i = glyph.cluster; i < end; ++i) add(original(layout, i));
    }
  }
  return missing;
}

std::string describe_code_points(const std::vector<char32_t>& code_points) {
  std::string out;
  for (const char32_t cp : code_points) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X ", static_cast<unsigned>(cp));
    if (!out.empty()) out += ", ";
    out += hex;
    utf8::append(out, cp);
  }
  return out;
}

}  // namespace pk::test
