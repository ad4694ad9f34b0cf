#include "ui/text/itemizer.h"

#include <utility>

#include "ui/text/unicode_props.h"
#include "ui/text/utf8_decode.h"

namespace pk::ui {
namespace {

bool is_weak_script(hb_script_t script) {
  return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

// Each character's script, with script-less characters taking the script before them
// (or, at the start, the first real script after them), as UAX #24 suggests for runs.
std::vector<hb_script_t> resolve_scripts(const std::u32string& text) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<hb_script_t> scripts(text.size(), HB_SCRIPT_COMMON);
  hb_script_t current = HB_SCRIPT_COMMON;
  for (size_t i = 0; i < text.size(); ++i) {
    const hb_script_t own = hb_unicode_script(unicode, text[i]);
    if (!is_weak_script(own)) current = own;
    scripts[i] = current;
  }
  // Leading script-less characters take the first real script.
  size_t first_real = 0;
  while (first_real < text.size() && is_weak_script(scripts[first_real])) ++first_real;
  if (first_real < text.size()) {
    for (size_t i = 0; i < first_real; ++i) scripts[i] = scripts[first_real];
  }
  return scripts;
}

FontFamily other(FontFamily family) {
  return family == FontFamily::Persian ? FontFamily::Latin : FontFamily::Persian;
}

}  // namespace

FontRuns resolve_fonts(std::u32string& text, const FontSet& fonts, Weight weight) {
  std::vector<hb_script_t> scripts = resolve_scripts(text);
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<FontSlot> slots(text.size());
  FontFamily previous = FontFamily::Latin;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    const bool ignorable = is_default_ignorable(cp) || is_line_separator(cp) || cp == U'\t';
    const bool attaches = hb_unicode_script(unicode, cp) == HB_SCRIPT_INHERITED;
    FontFamily family = scripts[i] == HB_SCRIPT_ARABIC ? FontFamily::Persian : FontFamily::Latin;
    // Marks and invisible characters stay in the face of what they attach to, so they do
    // not split a word into two shaping calls (which would break joining).
    if (ignorable || attaches) family = previous;
    if (!ignorable && !fonts.has_glyph(slot_for(family, weight), cp)) {
      if (fonts.has_glyph(slot_for(other(family), weight), cp)) {
        family = other(family);
      } else {
        text[i] = kReplacementChar;
        family = fonts.has_glyph(slot_for(family, weight), kReplacementChar) ? family : other(family);
      }
    }
    slots[i] = slot_for(family, weight);
    previous = family;
  }
  return FontRuns{std::move(slots), std::move(scripts)};
}

std::vector<TextItem> itemize(const FontRuns& runs, const BidiParagraph& bidi) {
  std::vector<TextItem> items;
  const std::vector<FontSlot>& slots = runs.fonts;
  for (uint32_t i = 0; i < slots.size(); ++i) {
    const hb_script_t script = runs.scripts[i];
    if (!items.empty()) {
      TextItem& last = items.back();
      if (last.level == bidi.level(i) && last.font == slots[i] && last.script == script) {
        last.end = i + 1;
        continue;
      }
    }
    items.push_back(TextItem{i, i + 1, bidi.level(i), slots[i], script});
  }
  return items;
}

}  // namespace pk::ui
