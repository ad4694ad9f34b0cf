#include "ui/text/text_engine.h"

#include <hb.h>

#include <utility>

#include "ui/text/font_set.h"
#include "ui/text/glyph_atlas.h"
#include "ui/text/layout_cache.h"
#include "ui/text/paragraph_builder.h"
#include "ui/text/utf8_decode.h"

namespace pk::ui {

BaseDirection direction_by_script(std::string_view utf8) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  for (const char32_t cp : decode_utf8(utf8).text) {
    // Letters only: Persian digits are of the Arabic script too, and an English note may quote
    // a number in them.
    const hb_unicode_general_category_t category = hb_unicode_general_category(unicode, cp);
    const bool letter = category == HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER ||
                        category == HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER;
    if (letter && hb_unicode_script(unicode, cp) == HB_SCRIPT_ARABIC) return BaseDirection::RightToLeft;
  }
  return BaseDirection::LeftToRight;
}

Result<std::unique_ptr<TextEngine>> TextEngine::create(const FontPaths& fonts) {
  Result<std::unique_ptr<FontSet>> loaded = FontSet::load(fonts);
  if (!loaded) return loaded.error();
  return std::unique_ptr<TextEngine>(new TextEngine(std::move(loaded).value()));
}

TextEngine::TextEngine(std::unique_ptr<FontSet> fonts)
    : m_fonts(std::move(fonts)),
      m_atlas(std::make_unique<GlyphAtlas>(*m_fonts)),
      m_builder(std::make_unique<ParagraphBuilder>(*m_fonts, *m_atlas)),
      m_cache(std::make_unique<LayoutCache>(kDefaultCacheCapacity)) {}

TextEngine::~TextEngine() = default;

const TextLayout& TextEngine::layout(std::string_view utf8, const TextStyle& style) {
  const TextStyle clean = sanitized(style);
  if (const TextLayout* cached = m_cache->find(utf8, clean)) {
    ++m_cache_hits;
    return *cached;
  }
  ++m_layouts_built;
  return m_cache->insert(utf8, clean, m_builder->build(utf8, clean));
}

TextLayout TextEngine::layout_uncached(std::string_view utf8, const TextStyle& style) {
  ++m_layouts_built;
  return m_builder->build(utf8, sanitized(style));
}

ImVec2 TextEngine::measure(std::string_view utf8, const TextStyle& style) { return layout(utf8, style).size; }

const std::vector<std::unique_ptr<AtlasPage>>& TextEngine::atlas_pages() const { return m_atlas->pages(); }

void TextEngine::begin_frame() {
  if (m_atlas->pages_in_use() <= m_atlas_page_limit) return;
  reset_atlas();
}

void TextEngine::reset_atlas() {
  m_cache->clear();  // cached layouts point at glyphs about to be overwritten
  m_atlas->reset();
  ++m_atlas_resets;
  for (const AtlasRefill& refill : m_refills) refill(*m_atlas, m_ui_scale);
}

void TextEngine::add_atlas_refill(AtlasRefill refill) {
  refill(*m_atlas, m_ui_scale);
  m_refills.push_back(std::move(refill));
}

void TextEngine::rebuild_atlas(float ui_scale) {
  if (ui_scale == m_ui_scale) return;
  m_ui_scale = ui_scale;
  reset_atlas();
}

void TextEngine::forget_layouts() { m_cache->clear(); }

void TextEngine::set_atlas_page_limit(size_t pages) { m_atlas_page_limit = pages == 0 ? 1 : pages; }

void TextEngine::set_cache_capacity(size_t capacity) { m_cache->set_capacity(capacity); }

size_t TextEngine::cache_capacity() const { return m_cache->capacity(); }

TextEngineStats TextEngine::stats() const {
  return TextEngineStats{m_layouts_built,         m_cache_hits,  m_cache->size(), m_atlas->glyph_count(),
                         m_atlas->pages_in_use(), m_atlas_resets};
}

}  // namespace pk::ui
