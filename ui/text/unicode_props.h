#pragma once
// The few character properties the engine needs that neither HarfBuzz nor FriBidi exposes
// directly, and the rule for which characters are replaced by U+FFFD before layout.
namespace pk::ui {

// Default_Ignorable_Code_Point (DerivedCoreProperties.txt): ZWNJ, ZWJ, bidi controls,
// variation selectors... HarfBuzz renders these invisibly even when the font lacks them,
// so they must not trigger font fallback or U+FFFD.
[[nodiscard]] bool is_default_ignorable(char32_t cp);

// Mandatory line breaks (LF, CR, VT, FF, NEL, LS, PS): they end a line and have no glyph.
[[nodiscard]] bool is_line_separator(char32_t cp);

// White space that hangs at the end of a line and does not count toward its width.
[[nodiscard]] bool is_hanging_space(char32_t cp);

// Characters that cannot be shown as themselves whatever the font: unassigned code points,
// noncharacters, surrogates and C0/C1 controls other than tab and line separators.
[[nodiscard]] bool must_replace(char32_t cp);

}  // namespace pk::ui
