#include "ui/text/shaper.h"

namespace pk::ui {

Shaper::Shaper()
    : m_buffer(hb_buffer_create()),
      m_persian(hb_language_from_string("fa", -1)),
      m_english(hb_language_from_string("en", -1)) {}

Shaper::~Shaper() { hb_buffer_destroy(m_buffer); }

std::vector<ShapedGlyph> Shaper::shape(const std::u32string& text, uint32_t start, uint32_t end,
                                       const FontSet& fonts, FontSlot font, float size_px,
                                       RunDirection direction, hb_script_t script) {
  hb_buffer_clear_contents(m_buffer);
  static_assert(sizeof(char32_t) == sizeof(hb_codepoint_t));
  // hb_codepoint_t is uint32_t; char32_t has the same size and representation.
  hb_buffer_add_codepoints(m_buffer, reinterpret_cast<const hb_codepoint_t*>(text.data()),
                           static_cast<int>(text.size()), start, static_cast<int>(end - start));
  hb_buffer_set_direction(m_buffer,
                          direction == RunDirection::RightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(m_buffer, script);
  hb_buffer_set_language(m_buffer, script == HB_SCRIPT_ARABIC ? m_persian : m_english);
  hb_buffer_set_flags(m_buffer,
                      static_cast<hb_buffer_flags_t>((start == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                                                     (end == text.size() ? HB_BUFFER_FLAG_EOT : 0)));
  hb_shape(fonts.hb_font(font), m_buffer, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(m_buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(m_buffer, &count);
  const float scale = size_px / fonts.units_per_em(font);
  std::vector<ShapedGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i) {
    glyphs[i] = ShapedGlyph{
        infos[i].codepoint, infos[i].cluster, static_cast<float>(positions[i].x_advance) * scale,
        static_cast<float>(positions[i].x_offset) * scale, static_cast<float>(positions[i].y_offset) * scale};
  }
  return glyphs;
}

}  // namespace pk::ui
