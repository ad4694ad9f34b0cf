// Fuzz target for the text engine's entry point: arbitrary bytes laid out with a style
// taken from the first bytes (width, size, lines, alignment, direction, weight), then
// rasterised. Besides crashes and sanitizer reports it checks the layout's invariants,
// which every caller relies on, and aborts when one does not hold.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "ui/text/text_engine.h"

namespace {

pk::ui::TextEngine& engine() {
  static std::unique_ptr<pk::ui::TextEngine> instance = [] {
    auto created = pk::ui::TextEngine::create(pk::ui::FontPaths::debian_noto());
    if (!created) {
      std::fprintf(stderr, "%s\n", created.error().message.c_str());
      std::abort();
    }
    std::unique_ptr<pk::ui::TextEngine> e = std::move(created).value();
    e->set_cache_capacity(64);  // small, so eviction is exercised too
    return e;
  }();
  return *instance;
}

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "layout invariant broken: %s\n", what);
    std::abort();
  }
}

void check(const pk::ui::TextLayout& layout, const pk::ui::TextStyle& style) {
  require(layout.byte_offsets.size() == layout.text.size(), "one byte offset per code point");
  require(!layout.lines.empty(), "at least one line");
  if (style.max_lines > 0) require(layout.line_count() <= style.max_lines, "max_lines respected");
  uint32_t next_char = 0;
  uint32_t next_glyph = 0;
  for (const pk::ui::TextLine& line : layout.lines) {
    require(line.first_char == next_char && line.end_char >= line.first_char, "lines tile the text");
    require(line.first_glyph == next_glyph, "lines tile the glyphs");
    next_char = line.end_char;
    next_glyph = line.first_glyph + line.glyph_count;
    for (uint32_t g = line.first_glyph; g < next_glyph; ++g) {
      const uint32_t cluster = layout.glyphs[g].cluster;
      require(cluster >= line.first_char && cluster < line.end_char, "glyph cluster inside its line");
    }
  }
  require(next_char == layout.text.size(), "lines cover the text");
  require(next_glyph == layout.glyphs.size(), "lines cover the glyphs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  pk::ui::TextStyle style;
  style.max_width = data[0] < 32 ? 0.0F : static_cast<float>(data[0]) * 3.0F;
  style.size_px = 6.0F + static_cast<float>(data[1] % 64);
  style.max_lines = data[2] % 5;
  style.align = static_cast<pk::ui::TextAlign>(data[3] % 3);
  style.direction = static_cast<pk::ui::BaseDirection>((data[3] >> 2) % 3);
  style.weight = (data[3] & 0x10) != 0 ? pk::ui::Weight::Bold : pk::ui::Weight::Regular;
  const std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);

  engine().begin_frame();  // one input = one frame; keeps the atlas bounded and tests its reset
  const pk::ui::TextLayout& layout = engine().layout(text, style);
  check(layout, style);
  const pk::ui::TextLayout uncached = engine().layout_uncached(text, style);
  require(uncached.glyphs.size() == layout.glyphs.size(), "cached and uncached layouts agree");

  const int width = 160;
  const int height = 48;
  std::vector<uint8_t> image(static_cast<size_t>(width) * height);
  const int x = static_cast<int>(data[0] % 64) - 32;
  const int y = static_cast<int>(data[1] % 32) - 16;
  engine().rasterize(layout, x, y, image.data(), width, width, height);
  return 0;
}
