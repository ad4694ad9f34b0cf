#pragma once
// Grapheme clusters for editing (what one Backspace removes, where a caret may stop).
//
// UAX #29 extended grapheme clusters from ICU (icu_segmentation.h): a base with its marks, CR LF,
// emoji ZWJ sequences, flags (regional-indicator pairs and tag sequences), Hangul syllables, and
// prepended marks such as U+0600 ARABIC NUMBER SIGN with the digit they mark. One deliberate
// difference from UAX #29, where ZWNJ extends the character before it: ZWNJ (نیم‌فاصله) is a
// grapheme of its own, because the Persian keyboard types it as a key and a person expects one
// Backspace to remove it and nothing else.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pk::ui {

// Code point indices where graphemes start, plus text.size() at the end ({0} for "").
[[nodiscard]] std::vector<uint32_t> grapheme_boundaries(std::u32string_view text);

// The same as byte offsets into UTF-8 text (ill-formed bytes count as one U+FFFD each).
[[nodiscard]] std::vector<size_t> grapheme_byte_boundaries(std::string_view utf8);

}  // namespace pk::ui
