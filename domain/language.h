#pragma once
// The languages the terminal speaks. Persian first (most citizens read Persian or Dari), Dari
// and Pashto for Afghan citizens, English for technicians and some foreign nationals.
//
// Code asks what a language means for it (its direction, its digits, its month names, which
// text of a Persian/English-only source to show) through the functions below, never
// `language == Language::Persian`: that test silently sends Dari and Pashto the English text.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace pk {

// The values are never stored as numbers (the wire and the configuration use language_code).
enum class Language { Persian, English, Dari, Pashto };

// Every language, in the order the welcome screen offers them.
inline constexpr std::array kLanguages = {Language::Persian, Language::Dari, Language::Pashto,
                                          Language::English};

// Persian, Dari and Pashto are written right to left in the Perso-Arabic script.
[[nodiscard]] constexpr bool is_rtl(Language language) { return language != Language::English; }

// Numbers in the Extended Arabic-Indic digits ۰–۹ (U+06F0..U+06F9): Iran and Afghanistan write
// Persian, Dari and Pashto numbers with the same ten code points.
[[nodiscard]] constexpr bool uses_persian_digits(Language language) { return language != Language::English; }

// The language of a text kept in Persian and English only (the service catalog, the drivers'
// and the domain's messages, the counter and technician modes): Dari and Pashto readers get the
// Persian text, which they read, rather than the English one.
[[nodiscard]] constexpr Language persian_or_english(Language language) {
  return language == Language::English ? Language::English : Language::Persian;
}

// The language after `language` in kLanguages, the last wrapping to the first: what the
// header's language button switches to.
[[nodiscard]] constexpr Language next_language(Language language) {
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (kLanguages[i] == language) return kLanguages[(i + 1) % kLanguages.size()];
  return kLanguages[0];
}

// ISO 639 codes: "fa", "en", "prs" (Dari), "ps" (Pashto). Used on the wire, in the
// configuration file and on the command line.
[[nodiscard]] constexpr std::string_view language_code(Language language) {
  switch (language) {
    case Language::Persian:
      return "fa";
    case Language::English:
      return "en";
    case Language::Dari:
      return "prs";
    case Language::Pashto:
      return "ps";
  }
  return "fa";
}

[[nodiscard]] constexpr std::optional<Language> parse_language_code(std::string_view code) {
  for (const Language language : kLanguages)
    if (language_code(language) == code) return language;
  return std::nullopt;
}

// The language's name in itself, as the language choice shows it.
[[nodiscard]] constexpr std::string_view native_name(Language language) {
  switch (language) {
    case Language::Persian:
      return "فارسی";
    case Language::English:
      return "English";
    case Language::Dari:
      return "دری";
    case Language::Pashto:
      return "پښتو";
  }
  return "فارسی";
}

}  // namespace pk
