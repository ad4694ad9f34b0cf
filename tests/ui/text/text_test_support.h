#pragma once
// Shared by the text engine tests: one engine over the Debian Noto fonts, an independent
// HarfBuzz reference shaping (what hb-shape prints), and small queries on layouts.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/text/text_engine.h"

namespace pk::ui::test {

// One engine for the tests that do not inspect cache counters.
TextEngine& shared_engine();
// A fresh engine, for tests that count cache hits or atlas growth.
std::unique_ptr<TextEngine> fresh_engine();

struct RefGlyph {
  uint32_t glyph_id;
  int32_t advance;  // font units
};
// Shapes `utf8` alone with HarfBuzz on `font_file`, direction and script guessed from the
// text, language Persian: the reference the engine must agree with.
std::vector<RefGlyph> reference_shape(const std::string& font_file, const std::string& utf8);
// The glyph a face maps a code point to (0 when it has none).
uint32_t nominal_glyph(const std::string& font_file, char32_t cp);
int units_per_em(const std::string& font_file);

// Clusters of a line's glyphs from left to right.
std::vector<uint32_t> visual_clusters(const TextLayout& layout, size_t line = 0);
// Left-to-right position (index in visual_clusters) of the first glyph of a cluster; -1 if none.
int visual_position(const TextLayout& layout, uint32_t cluster, size_t line = 0);
// Glyphs whose cluster is `cluster`.
std::vector<PositionedGlyph> glyphs_of(const TextLayout& layout, uint32_t cluster);

// Writes an 8-bit grayscale image (0 = paper, 255 = ink) as a black-on-white PNG.
bool write_png(const std::string& path, const std::vector<uint8_t>& gray, int width, int height);

}  // namespace pk::ui::test
