#pragma once
// Whether the product's fonts draw every character of a text: the text laid out by the text
// engine over the shipped faces (Debian's Noto, with its fallback between the Persian and the
// Latin face), in both weights. A character neither face has is shown as U+FFFD by the engine
// (ui/text/itemizer.h) and a glyph 0 is the .notdef box: both are reported, with the code
// points they stand for. Shared by the coverage tests of the string tables, the
// receipts and the catalog.
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "ui/text/text_engine.h"

namespace pk::test {

// One engine over FontPaths::debian_noto(); fails the calling test when the fonts do not open.
[[nodiscard]] ui::TextEngine& coverage_engine();

// The code points drawn as U+FFFD or .notdef, each once, in text order; empty when all are covered.
[[nodiscard]] std::vector<char32_t> uncovered_code_points(std::string_view utf8, Language language);

// "U+2713 ✓, U+1F600 😀": for a failure message.
[[nodiscard]] std::string describe_code_points(const std::vector<char32_t>& code_points);

}  // namespace pk::test
