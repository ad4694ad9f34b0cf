#include "ui/text/unicode_props.h"

#include <hb.h>

namespace pk::ui {

bool is_default_ignorable(char32_t cp) {
  if (cp < 0x00AD) return false;
  return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
         (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
         (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF);
}

bool is_line_separator(char32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_hanging_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) ||
         cp == 0x205F || cp == 0x1680 || is_line_separator(cp);
}

bool must_replace(char32_t cp) {
  if (cp == U'\t' || is_line_separator(cp)) return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return true;
  // Noncharacters are unassigned in the UCD too, but test them explicitly: they are the
  // classic "never display" values (U+FFFE, U+FFFF, U+FDD0..U+FDEF, xxFFFE/xxFFFF).
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return true;
  const hb_unicode_general_category_t category =
      hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
  return category == HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED ||
         category == HB_UNICODE_GENERAL_CATEGORY_SURROGATE;
}

}  // namespace pk::ui
