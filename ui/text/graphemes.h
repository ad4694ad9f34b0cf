#pragma once
// Grapheme clusters for editing (what one Backspace removes, where a caret may stop).
//
// Neither libunibreak 1.1 (Debian 12) nor the UI's dependencies offer UAX #29, so this is a
// compact version of its extended grapheme cluster rules: CR LF together; a base followed by
// its combining marks (Mn, Me, Mc), ZWJ and variation selectors; ZWJ joining two emoji;
// regional-indicator pairs; Hangul syllable sequences. One deliberate difference: ZWNJ
// (نیم‌فاصله) is a grapheme of its own, because the Persian keyboard types it as a key and a
// person expects one Backspace to remove it and nothing else.
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
