#include "domain/catalog_search.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace pk::catalog {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Catalog shipped() {
  std::ifstream in(PK_SOURCE_DATA_DIR "/catalog.json", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto result = parse_catalog(buffer.str(), "data/catalog.json");
  if (!result.ok()) ADD_FAILURE() << result.error().message;
  return result.ok() ? std::move(result).value() : Catalog{};
}

const Catalog& catalog() {
  static const Catalog c = shipped();
  return c;
}

bool contains(const std::vector<int>& v, int n) { return std::find(v.begin(), v.end(), n) != v.end(); }

TEST(SearchServices, EmptyQueryListsEveryServiceInOrder) {
  const auto all = search_services(catalog(), "");
  ASSERT_EQ(all.size(), 23u);
  for (int i = 0; i < 23; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i + 1);
  EXPECT_EQ(search_services(catalog(), "  \u200C "), all);
}

TEST(SearchServices, ServicesWithoutAnyChannelAreNeverListed) {
  Catalog c = catalog();
  c.services[4].channels.clear();
  EXPECT_FALSE(contains(search_services(c, ""), 5));
  EXPECT_FALSE(contains(search_services(c, "5"), 5));
}

TEST(SearchServices, FindsByNumberInAnyDigits) {
  EXPECT_EQ(search_services(catalog(), "7").front(), 7);
  EXPECT_EQ(search_services(catalog(), "۷").front(), 7);
  EXPECT_EQ(search_services(catalog(), "٢٣").front(), 23);
  EXPECT_THAT(search_services(catalog(), "24"), IsEmpty());
}

TEST(SearchServices, NumberInATitleMatchesToo) {
  // "۹۷۹" is in title 1 and "۹۰" in title 19; typed either way they find it.
  EXPECT_THAT(search_services(catalog(), "979"), ElementsAre(1));
  EXPECT_THAT(search_services(catalog(), "۹۷۹"), ElementsAre(1));
  EXPECT_TRUE(contains(search_services(catalog(), "90"), 19));
}

TEST(SearchServices, AllWordsMustMatchByPrefix) {
  // Title 2 speaks of "ازدواج مردان خارجی", 4 and 18 of "ثبت ازدواج".
  EXPECT_THAT(search_services(catalog(), "ازدواج"), ElementsAre(2, 4, 18));
  EXPECT_THAT(search_services(catalog(), "ثبت ازدو"), ElementsAre(4, 18));
  EXPECT_THAT(search_services(catalog(), "طلاق"), ElementsAre(14));
  EXPECT_THAT(search_services(catalog(), "ازدواج طلاق"), IsEmpty());
}

TEST(SearchServices, ToleratesArabicLettersAndZwnj) {
  EXPECT_EQ(search_services(catalog(), "كارت شناسايي"), search_services(catalog(), "کارت شناسایی"));
  EXPECT_THAT(search_services(catalog(), "كارت شناسايي"), ElementsAre(10));
  // Title 23 writes "دانش آموزان" with a space; citizens type a ZWNJ or nothing at all.
  EXPECT_THAT(search_services(catalog(), "دانش\u200Cآموزان"), ElementsAre(23));
  EXPECT_THAT(search_services(catalog(), "دانشآموزان"), ElementsAre(23));
  EXPECT_THAT(search_services(catalog(), "اربعين"), ElementsAre(22));
}

TEST(SearchServices, FindsEnglishWordsIgnoringCase) {
  EXPECT_THAT(search_services(catalog(), "Arbaeen"), ElementsAre(22));
  EXPECT_THAT(search_services(catalog(), "DIVORCE"), ElementsAre(14));
  EXPECT_THAT(search_services(catalog(), "amayesh pass"), ElementsAre(9));
}

TEST(SearchServices, OfficeNamesMatchButRankBelowTitles) {
  // "شکایات" is in the title of 20; "بازرسی" only in the name of its office B.
  EXPECT_THAT(search_services(catalog(), "بازرسی"), ElementsAre(20));
  const auto bureau = search_services(catalog(), "اتباع");
  // Titles that say اتباع come first; the rest of office A follows; office B never.
  EXPECT_EQ(bureau.size(), 22u);
  EXPECT_FALSE(contains(bureau, 20));
  EXPECT_EQ(bureau.front(), 3);  // the first title with the exact word
}

TEST(SearchServices, ExactWordsRankAbovePrefixes) {
  // "تابعیت" is exact in 1 and 2; "تمدید" is exact in 3 and 19, a prefix nowhere else.
  EXPECT_THAT(search_services(catalog(), "تابعیت"), ElementsAre(1, 2));
  const auto r = search_services(catalog(), "صدور");
  EXPECT_TRUE(contains(r, 6) && contains(r, 23));
}

TEST(SearchServices, UnknownWordsFindNothing) {
  EXPECT_THAT(search_services(catalog(), "پیتزا"), IsEmpty());
  EXPECT_THAT(search_services(catalog(), "\xFF\xFEپیتزا"), IsEmpty());
  // Bytes that are no text carry no words: the same as an empty query, not a crash.
  EXPECT_EQ(search_services(catalog(), "\xFF\xFE"), search_services(catalog(), ""));
}

}  // namespace
}  // namespace pk::catalog
