// Every key of every string-table header has exactly one row in every language's table, and
// no table has a row for a key its header does not declare (a typo, or a row left behind).
// The keys come from the headers themselves (tests/kiosk/CMakeLists.txt reads them), so a
// string added to a header without its rows fails here, naming the key and the language.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "kiosk/strings.h"
#include "kiosk/strings/operator_strings.h"
#include "kiosk/strings/table.h"
#include "kiosk/strings/technician_strings.h"

namespace pk::test {
namespace {

using kiosk::strings::Row;
using kiosk::strings::Table;

struct HeaderKey {
  const char* header;
  const char* constant;
  kiosk::Text text;
};

const std::vector<HeaderKey>& header_keys() {
  static const std::vector<HeaderKey> all = {
#define PK_STRING_KEY(table, space, key) {table, #key, space::key},
#include "string_table_keys.inc"
#undef PK_STRING_KEY
  };
  return all;
}

Table table_of(const std::string& header) {
  if (header == "kiosk/strings/operator_strings.h") return Table::Operator;
  if (header == "kiosk/strings/technician_strings.h") return Table::Technician;
  return Table::Citizen;
}

const char* name_of(Table table) {
  switch (table) {
    case Table::Citizen:
      return "citizen";
    case Table::Operator:
      return "operator";
    case Table::Technician:
      return "technician";
  }
  return "?";
}

// The languages each table is kept in.
std::vector<Language> languages_of(Table table) {
  if (table == Table::Citizen) return {kLanguages.begin(), kLanguages.end()};
  return {Language::Persian, Language::English};
}

std::map<Table, std::set<std::string>> declared_keys() {
  std::map<Table, std::set<std::string>> keys;
  for (const HeaderKey& entry : header_keys()) {
    const bool added = keys[table_of(entry.header)].insert(entry.text.key).second;
    EXPECT_TRUE(added) << entry.header << " declares the key \"" << entry.text.key << "\" twice";
  }
  return keys;
}

TEST(StringTables, EveryTableHasExactlyTheKeysOfItsHeader) {
  const auto declared = declared_keys();
  ASSERT_EQ(declared.size(), 3U) << "the keys of a header were not generated";
  for (const auto& [table, keys] : declared) {
    for (const Language language : languages_of(table)) {
      std::map<std::string, int> rows;
      for (const Row& row : kiosk::strings::rows(table, language)) {
        ++rows[row.key];
        // Only Dari may say "as Persian"; every other language words every row itself.
        if (language != Language::Dari) {
          EXPECT_NE(row.text, kiosk::strings::kSharesPersian)
              << name_of(table) << " table in " << language_code(language) << ", " << row.key;
        }
      }
      for (const std::string& key : keys)
        EXPECT_EQ(rows[key], 1) << "the " << name_of(table) << " table in " << language_code(language)
                                << " has " << rows[key] << " rows for the key \"" << key << "\"";
      for (const auto& [key, count] : rows)
        EXPECT_TRUE(keys.contains(key))
            << "the " << name_of(table) << " table in " << language_code(language) << " has a row for \""
            << key << "\", which its header does not declare";
    }
  }
}

TEST(StringTables, TextReadsItsLanguagesRow) {
  EXPECT_STREQ(kiosk::strings::kStart.in(Language::Persian), "شروع");
  EXPECT_STREQ(kiosk::strings::kStart.in(Language::English), "Start");
  EXPECT_STREQ(kiosk::tech::strings::kTitle.in(Language::English), "Technician");
}

TEST(StringTables, DariReadsPersianWhereItSaysSoAndItsOwnWordsElsewhere) {
  using namespace kiosk::strings;
  EXPECT_STREQ(kStart.in(Language::Dari), kStart.in(Language::Persian));  // kSharesPersian
  EXPECT_STREQ(kMobile.in(Language::Dari), "شماره مبایل");
  EXPECT_STRNE(kMobile.in(Language::Dari), kMobile.in(Language::Persian));
  EXPECT_STREQ(kStart.in(Language::Pashto), "پیل");
  // The counter's and the technician's strings have no Dari or Pashto rows: Persian.
  EXPECT_STREQ(kiosk::tech::strings::kTitle.in(Language::Pashto),
               kiosk::tech::strings::kTitle.in(Language::Persian));
}

TEST(StringTables, AKeyNoTableHasShowsAsItselfNotAsAnEmptyLine) {
  EXPECT_STREQ((kiosk::Text{"no_such_key_in_any_table"}.in(Language::Persian)), "no_such_key_in_any_table");
}

}  // namespace
}  // namespace pk::test
