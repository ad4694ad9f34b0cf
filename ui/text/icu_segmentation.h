#pragma once
// Unicode text segmentation from ICU (Debian's libicu, Unicode 15 in ICU 72): UAX #14 line-break
// opportunities and UAX #29 extended grapheme clusters, over the engine's UTF-32 text.
//
// One break iterator of each kind is opened per thread on first use and kept: opening one
// loads and compiles its rules, far dearer than the segmentation of a label, and layout runs
// on every cache miss of a frame. The UTF-16 copy ICU reads is zeroed before it is freed and the
// iterator is detached from it, because the text may be identity text being typed.
#include <cstdint>
#include <string_view>
#include <vector>

namespace pk::ui {

enum class LineBreakAfter : uint8_t {
  None,       // the line may not end after this code point
  Allowed,    // a line may end here (after a space, between CJK characters...)
  Mandatory,  // a line must end here (after LF, CR LF, PS...)
};

// The verdict after each code point of `text` (same size as `text`). The end of the text is
// Allowed unless a mandatory break ends it.
[[nodiscard]] std::vector<LineBreakAfter> icu_line_breaks(std::u32string_view text);

// Code point indices where extended grapheme clusters start, plus text.size() ({0} for "").
[[nodiscard]] std::vector<uint32_t> icu_grapheme_boundaries(std::u32string_view text);

}  // namespace pk::ui
