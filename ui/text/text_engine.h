#pragma once
// TextEngine: every string the kiosk shows goes through here instead of ImGui's own text
// path, which draws one glyph per code point left to right and so cannot show Persian.
//
// Pipeline (each step in its own file): UTF-8 decoding with U+FFFD replacement
// (utf8_decode), bidi levels for the paragraph (bidi_paragraph, FriBidi), font and script
// runs (itemizer), shaping (shaper, HarfBuzz), line breaking (line_breaker, ICU's
// UAX #14), per-line visual reordering, glyph rasterisation into atlas pages
// (glyph_atlas, FreeType). Layouts are cached by (string, style) in a bounded LRU.
//
// Not thread-safe: one engine belongs to the UI thread.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "ui/text/text_layout.h"
#include "ui/text/text_style.h"

namespace pk::ui {

class FontSet;
class GlyphAtlas;
class LayoutCache;
class ParagraphBuilder;

// Counters for tests and the technician's diagnostics screen.
struct TextEngineStats {
  uint64_t layouts_built = 0;  // layouts shaped from scratch (cache misses, layout_uncached)
  uint64_t cache_hits = 0;
  size_t cached_layouts = 0;
  size_t atlas_glyphs = 0;
  size_t atlas_pages_in_use = 0;
  uint64_t atlas_resets = 0;
};

// RightToLeft when the text has an Arabic-script letter, LeftToRight otherwise. For text that
// is not in the session's language and not known in advance, such as staff's notes: the
// session's direction (BaseDirection::Auto) would put an English note's full stop at its
// left, and the first strong letter would lay out "USB چاپگر خراب بود" left to right.
[[nodiscard]] BaseDirection direction_by_script(std::string_view utf8);

class TextEngine {
 public:
  static constexpr size_t kDefaultCacheCapacity = 4096;

  // Fails when a font file cannot be read or is not a font; the error names the file.
  [[nodiscard]] static Result<std::unique_ptr<TextEngine>> create(const FontPaths& fonts);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Cached: the same (string, style) returns the same object without reshaping. The
  // reference stays valid until the layout is evicted, that is until at least
  // cache_capacity() other distinct strings have been laid out; copy it to keep it longer.
  [[nodiscard]] const TextLayout& layout(std::string_view utf8, const TextStyle& style);
  // Shapes without touching the cache (benchmarks, one-off strings such as receipts).
  [[nodiscard]] TextLayout layout_uncached(std::string_view utf8, const TextStyle& style);
  [[nodiscard]] ImVec2 measure(std::string_view utf8, const TextStyle& style);

  // Draws the layout with its top-left at `top_left`; the ImTextureID of each quad is the
  // AtlasPage* of its glyph, so the renderer must upload dirty pages before rendering.
  void draw(ImDrawList* draw_list, ImVec2 top_left, const TextLayout& layout, ImU32 color) const;

  [[nodiscard]] const std::vector<std::unique_ptr<AtlasPage>>& atlas_pages() const;

  // Renders a layout into a caller's 8-bit coverage image (receipts, tests; no ImGui
  // needed). (x, y) is where the layout's top-left lands; ink outside the image is clipped.
  void rasterize(const TextLayout& layout, int x, int y, uint8_t* gray, int stride, int width,
                 int height) const;

  // Call once per frame, before any layout() of that frame. When the glyph atlas has grown
  // past the page limit (many sizes, or a flood of rare glyphs), it empties the atlas and
  // the layout cache here, where no layout of the frame is held yet, so memory stays
  // bounded over months of uptime. Layouts from earlier frames are invalid afterwards.
  void begin_frame();
  static constexpr size_t kDefaultAtlasPageLimit = 4;  // 4 x 4 MiB

  // Zeroes and drops every cached layout. The kiosk calls it when a citizen's session ends:
  // the cache holds what their fields showed (national code, mobile, each as it was typed).
  // Like begin_frame, call it before any layout() of a frame; earlier layouts are invalid.
  void forget_layouts();
  void set_atlas_page_limit(size_t pages);

  // Images kept in the atlas beside the glyphs (pictograms) are drawn by their owner at the
  // kiosk's current scale; a refill puts them back whenever the atlas is emptied.
  using AtlasRefill = std::function<void(GlyphAtlas& atlas, float ui_scale)>;
  void add_atlas_refill(AtlasRefill refill);
  // The one place the atlas is rebuilt at a new size (the A+ button, a new display): it
  // empties the atlas and the layout cache (glyphs of the old size would only take room) and
  // runs every refill at `ui_scale` (screen height / 1080 times the text size). Like
  // begin_frame, call it before any layout() of a frame. Nothing happens when the scale is
  // the current one.
  void rebuild_atlas(float ui_scale);
  [[nodiscard]] float ui_scale() const { return m_ui_scale; }

  void set_cache_capacity(size_t capacity);
  [[nodiscard]] size_t cache_capacity() const;
  [[nodiscard]] TextEngineStats stats() const;

 private:
  explicit TextEngine(std::unique_ptr<FontSet> fonts);

  std::unique_ptr<FontSet> m_fonts;
  std::unique_ptr<GlyphAtlas> m_atlas;
  std::unique_ptr<ParagraphBuilder> m_builder;
  std::unique_ptr<LayoutCache> m_cache;
  uint64_t m_layouts_built = 0;
  uint64_t m_cache_hits = 0;
  uint64_t m_atlas_resets = 0;
  size_t m_atlas_page_limit = kDefaultAtlasPageLimit;
  float m_ui_scale = 1;
  std::vector<AtlasRefill> m_refills;

  void reset_atlas();
};

}  // namespace pk::ui
