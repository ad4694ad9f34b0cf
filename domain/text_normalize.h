#pragma once
// Normalisation of Persian/Dari text typed by people or read from cards and barcodes.
// Keyboards in Iran and Afghanistan produce Arabic ي/ك, Persian or Arabic-Indic digits and
// stray zero-width non-joiners (ZWNJ, U+200C); the same name must compare equal however it
// was typed. All functions accept any bytes: ill-formed UTF-8 becomes U+FFFD, never a crash.
#include <string>
#include <string_view>

namespace pk {

// For storing what a person typed: ي/ى → ی, ك → ک, Persian (U+06F0–9) and Arabic-Indic
// (U+0660–9) digits → ASCII, every run of white space → one ASCII space, spaces and ZWNJ
// trimmed at both ends, a ZWNJ next to a space or another ZWNJ removed. Idempotent.
[[nodiscard]] std::string normalize_for_storage(std::string_view text);

// For comparing in search: normalize_for_storage plus ZWNJ → space, harakat (U+064B–U+0652,
// U+0670) and tatweel (U+0640) removed, ة → ه, أ/إ/آ → ا, ASCII letters lower-cased.
// Idempotent; not meant for display.
[[nodiscard]] std::string normalize_for_search(std::string_view text);

// ASCII digits → Persian digits (۰–۹); everything else is kept.
[[nodiscard]] std::string to_persian_digits(std::string_view text);

// Persian and Arabic-Indic digits → ASCII digits; everything else is kept.
[[nodiscard]] std::string to_ascii_digits(std::string_view text);

// The value of a decimal digit in any of the three scripts, or -1.
[[nodiscard]] int digit_value(char32_t cp);

}  // namespace pk
