#pragma once
// The string tables: one per screen family (citizen, counter operator, technician) and
// language, each a list of (key, text) rows in its own file (kiosk/strings/<language>.cpp,
// operator_<language>.cpp, technician_<language>.cpp). Text::in (kiosk/strings.h) reads them.
//
// What a lookup falls back to: a Dari row marked kSharesPersian reads the Persian row. When a
// table lacks a key (the key test keeps the shipped tables whole, so this is for a row added to
// a header and not yet translated, or an operator's or technician's string in a Dari or Pashto
// session): Persian, then English, then the key itself, so a screen never shows an empty line.
#include <span>
#include <string_view>

#include "domain/language.h"

namespace pk::kiosk::strings {

struct Row {
  const char* key;
  const char* text;  // kSharesPersian (Dari only): the Persian row reads as Dari does
};

inline constexpr const char* kSharesPersian = nullptr;

enum class Table { Citizen, Operator, Technician };

// The rows of one table in one language, in the order of its header. The citizen table exists
// in every language; the counter operator's and the technician's in Persian and English only
// (those modes are worked in one of the two): empty for Dari and Pashto.
[[nodiscard]] std::span<const Row> rows(Table table, Language language);

// `key`'s text in `language`, with the fallback above. Never null.
[[nodiscard]] const char* lookup(std::string_view key, Language language);

// One per file (kiosk/strings/*.cpp).
[[nodiscard]] std::span<const Row> citizen_rows_persian();
[[nodiscard]] std::span<const Row> citizen_rows_english();
[[nodiscard]] std::span<const Row> citizen_rows_dari();
[[nodiscard]] std::span<const Row> citizen_rows_pashto();
[[nodiscard]] std::span<const Row> operator_rows_persian();
[[nodiscard]] std::span<const Row> operator_rows_english();
[[nodiscard]] std::span<const Row> technician_rows_persian();
[[nodiscard]] std::span<const Row> technician_rows_english();

}  // namespace pk::kiosk::strings
