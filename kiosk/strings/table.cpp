#include "kiosk/strings/table.h"

#include <array>
#include <string>
#include <unordered_map>

#include "kiosk/strings.h"

namespace pk::kiosk::strings {
namespace {

constexpr std::array kTables = {Table::Citizen, Table::Operator, Table::Technician};

using Index = std::unordered_map<std::string_view, const char*>;

// Every table of one language, by key; built once, read-only after that.
Index make_index(Language language) {
  Index index;
  for (const Table table : kTables)
    for (const Row& row : rows(table, language)) index.emplace(row.key, row.text);
  return index;
}

const Index& index_of(Language language) {
  static const std::array<Index, kLanguages.size()> indexes = [] {
    std::array<Index, kLanguages.size()> all;
    for (const Language l : kLanguages) all[static_cast<size_t>(l)] = make_index(l);
    return all;
  }();
  return indexes[static_cast<size_t>(language)];
}

const char* find(std::string_view key, Language language) {
  const Index& index = index_of(language);
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;  // null too for a Dari row kSharesPersian
}

}  // namespace

std::span<const Row> rows(Table table, Language language) {
  if (table == Table::Citizen) {
    switch (language) {
      case Language::Persian:
        return citizen_rows_persian();
      case Language::English:
        return citizen_rows_english();
      case Language::Dari:
        return citizen_rows_dari();
      case Language::Pashto:
        return citizen_rows_pashto();
    }
    return {};
  }
  if (language != Language::Persian && language != Language::English) return {};
  const bool english = language == Language::English;
  return table == Table::Operator ? (english ? operator_rows_english() : operator_rows_persian())
                                  : (english ? technician_rows_english() : technician_rows_persian());
}

const char* lookup(std::string_view key, Language language) {
  for (const Language l : {language, Language::Persian, Language::English})
    if (const char* text = find(key, l)) return text;
  // Not in any table: the key's own bytes (a string literal of a Text, alive forever).
  return key.data();
}

}  // namespace pk::kiosk::strings

namespace pk::kiosk {

const char* Text::in(catalog::Language language) const { return strings::lookup(key, language); }

}  // namespace pk::kiosk
