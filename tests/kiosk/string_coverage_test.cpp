// Every string of the kiosk's string tables (citizen, counter operator, technician), in every
// language, is drawn by the shipped fonts: no character shows as the .notdef box. The keys come
// from the table headers themselves (tests/kiosk/CMakeLists.txt reads them), so a string added
// to a table is checked without being listed here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/strings.h"
#include "kiosk/strings/operator_strings.h"
#include "kiosk/strings/technician_strings.h"
#include "tests/support/font_coverage.h"

namespace pk::test {
namespace {

struct TableString {
  const char* table;
  const char* key;
  kiosk::Text text;
};

// PK_STRING_KEY(table header, namespace, key) lines, generated from the headers.
const std::vector<TableString>& table_strings() {
  static const std::vector<TableString> all = {
#define PK_STRING_KEY(table, space, key) {table, #key, space::key},
#include "string_table_keys.inc"
#undef PK_STRING_KEY
  };
  return all;
}

TEST(StringCoverage, TheTablesAreReadFromTheirHeaders) {
  // A table whose keys the build stopped finding would make the test below pass on nothing.
  int per_table[3] = {0, 0, 0};
  for (const TableString& entry : table_strings()) {
    const std::string table = entry.table;
    if (table == "kiosk/strings.h") ++per_table[0];
    if (table == "kiosk/strings/operator_strings.h") ++per_table[1];
    if (table == "kiosk/strings/technician_strings.h") ++per_table[2];
  }
  EXPECT_GT(per_table[0], 80);
  EXPECT_GT(per_table[1], 40);
  EXPECT_GT(per_table[2], 40);
}

TEST(StringCoverage, EveryStringOfEveryLanguageIsDrawnByTheShippedFonts) {
  for (const TableString& entry : table_strings()) {
    for (const Language language : kLanguages) {  // Dari and Pashto too (ټ ړ ږ ښ ګ ڼ ې ۍ)
      const std::vector<char32_t> missing = uncovered_code_points(entry.text.in(language), language);
      EXPECT_TRUE(missing.empty()) << entry.table << " " << entry.key << " (" << language_code(language)
                                   << "): no glyph for " << describe_code_points(missing);
    }
  }
}

TEST(StringCoverage, TheCheckReportsACharacterTheFontsLack) {
  // The check itself can fail: a Tibetan letter and a check mark are in neither shipped face.
  EXPECT_EQ(uncovered_code_points("تأیید ✓ ཀ", Language::Persian),
            (std::vector<char32_t>{U'\u2713', U'\u0F40'}));
  EXPECT_TRUE(uncovered_code_points("کارت آمایش (Amayesh) ۱۲٬۳۴۵ «نمونه»؛ ok…", Language::Persian).empty());
}

}  // namespace
}  // namespace pk::test
