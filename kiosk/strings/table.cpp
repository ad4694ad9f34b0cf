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
  static const Index persian = make_index(Language::Persian);
  static const Index english = make_index(Language::English);
  return language == Language::English ? english : persian;
}

const char* find(std::string_view key, Language language) {
  const Index& index = index_of(language);
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

}  // namespace

std::span<const Row> rows(Table table, Language language) {
  const bool english = language == Language::English;
  switch (table) {
    case Table::Citizen:
      return english ? citizen_rows_english() : citizen_rows_persian();
    case Table::Operator:
      return english ? operator_rows_english() : operator_rows_persian();
    case Table::Technician:
      return english ? technician_rows_english() : technician_rows_persian();
  }
  return {};
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
