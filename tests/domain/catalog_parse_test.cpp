// parse_catalog on small hand-made catalogs: what it accepts and every kind of refusal, each
// checked for a message that names the file, the service and the field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/catalog.h"

namespace pk::catalog {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kSource = "data/catalog.json";

json text(const char* fa, const char* en) { return json{{"fa", fa}, {"en", en}}; }

json service(int number) {
  return json{
      {"number", number},
      {"office_id", "A"},
      {"title", text("ثبت طلاق", "divorce registration")},
      {"channels", json::array({"kiosk", "counter"})},
      {"steps", json::array({text("ثبت درخواست", "apply")})},
      {"documents", json::array({json{{"kind", "passport"},
                                      {"title", text("گذرنامه", "passport")},
                                      {"pages", 2},
                                      {"mandatory", true}}})},
      {"forms", json::array({json{{"id", "f1"}, {"title", text("فرم", "form")}}})},
      {"fee_rials", 1000},
      {"approver", text("اداره", "office")},
      {"handling_days", 3},
      {"credit_policy", text("جبران", "credit")},
      {"dispute", text("بازرسی", "inspection")},
      {"sample_fields", json::array({"fee_rials"})},
  };
}

json valid_catalog() {
  return json{
      {"version", 7},
      {"published", "1405-09-04"},
      {"sample_notice", text("نمونه", "sample")},
      {"offices", json::array({json{{"id", "A"}, {"name", text("دفتر الف", "Office A")}},
                               json{{"id", "B"}, {"name", text("دفتر ب", "Office B")}}})},
      {"services", json::array({service(2), service(1), service(3)})},
  };
}

std::string refusal(const json& catalog) {
  const auto result = parse_catalog(catalog.dump(), kSource);
  if (result.ok()) return "(accepted)";
  return result.error().message;
}

TEST(ParseCatalog, AcceptsAValidCatalogAndSortsServices) {
  json c = valid_catalog();
  c["services"][0]["channels"] = json::array({"counter"});
  const auto result = parse_catalog(c.dump(), kSource);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->version, 7);
  EXPECT_EQ(result->published, "1405-09-04");
  ASSERT_EQ(result->services.size(), 3u);
  for (int n = 1; n <= 3; ++n) EXPECT_EQ(result->services[static_cast<std::size_t>(n - 1)].number, n);
  const Service* two = result->find(2);
  ASSERT_NE(two, nullptr);
  EXPECT_FALSE(two->offered_at(Channel::Kiosk));
  EXPECT_TRUE(two->offered_at(Channel::Counter));
  EXPECT_TRUE(result->find(1)->offered_at(Channel::Kiosk));
  EXPECT_EQ(result->find(4), nullptr);
  EXPECT_EQ(result->find(0), nullptr);
  EXPECT_EQ(result->office("B")->name.in(Language::English), "Office B");
  EXPECT_EQ(result->office("C"), nullptr);
  const RequiredDocument& doc = two->documents.at(0);
  EXPECT_EQ(doc.kind, "passport");
  EXPECT_EQ(doc.pages, 2);
  EXPECT_TRUE(doc.mandatory);
  EXPECT_EQ(two->title.in(Language::Persian), "ثبت طلاق");
  EXPECT_TRUE(two->is_sample("fee_rials"));
  EXPECT_FALSE(two->is_sample("title"));
}

TEST(ParseCatalog, AllowsUnknownKeysForForwardCompatibility) {
  json c = valid_catalog();
  c["signature"] = "abc";
  c["services"][1]["new_field"] = json::array({1, 2});
  c["services"][1]["documents"][0]["scan_dpi"] = 300;
  EXPECT_EQ(refusal(c), "(accepted)");
}

TEST(ParseCatalog, RefusesSyntaxErrorsWithLineAndColumn) {
  const std::string bad = "{\n  \"version\": 1,\n  \"offices\": [,]\n}";
  const auto result = parse_catalog(bad, kSource);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message,
              StartsWith("data/catalog.json: line 3, column 15: JSON syntax error: "));
}

TEST(ParseCatalog, RefusesEmptyTruncatedAndNonUtf8Input) {
  for (const std::string& bad :
       {std::string(), std::string("{\"version\": 1"), std::string("{\"a\": \"\xFF\"}")}) {
    const auto result = parse_catalog(bad, kSource);
    ASSERT_FALSE(result.ok());
    EXPECT_THAT(result.error().message, HasSubstr("JSON syntax error"));
    EXPECT_THAT(result.error().message, StartsWith("data/catalog.json: line 1, column "));
  }
}

TEST(ParseCatalog, RefusesANonObjectRoot) {
  EXPECT_EQ(refusal(json::array()), "data/catalog.json: the catalog must be a JSON object, not an array");
}

TEST(ParseCatalog, RefusesBadVersion) {
  json c = valid_catalog();
  c.erase("version");
  EXPECT_EQ(refusal(c), "data/catalog.json: field \"version\": is missing");
  c["version"] = 0;
  EXPECT_EQ(refusal(c), "data/catalog.json: field \"version\": must be an integer >= 1, not 0");
  c["version"] = "1";
  EXPECT_EQ(refusal(c), "data/catalog.json: field \"version\": must be an integer >= 1, not a string");
}

TEST(ParseCatalog, RefusesBadPublishedDate) {
  json c = valid_catalog();
  c["published"] = "1405-13-01";
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: field \"published\": must be a Jalali date \"YYYY-MM-DD\", not \"1405-13-01\"");
}

TEST(ParseCatalog, RefusesBadOffices) {
  json c = valid_catalog();
  c["offices"] = json::array();
  EXPECT_EQ(refusal(c), "data/catalog.json: field \"offices\": must not be empty");
  c = valid_catalog();
  c["offices"][1]["id"] = "A";
  EXPECT_EQ(refusal(c), "data/catalog.json: offices[1]: field \"id\": office \"A\" is listed twice");
  c = valid_catalog();
  c["offices"][0]["name"].erase("en");
  EXPECT_EQ(refusal(c), "data/catalog.json: offices[0]: field \"name.en\": is missing");
}

TEST(ParseCatalog, RefusesAMissingServiceField) {
  for (const char* field : {"office_id", "title", "channels", "steps", "documents", "forms", "fee_rials",
                            "approver", "handling_days", "credit_policy", "dispute"}) {
    json c = valid_catalog();
    c["services"][2].erase(field);
    EXPECT_EQ(refusal(c), std::string("data/catalog.json: service 3: field \"") + field + "\": is missing");
  }
  json c = valid_catalog();
  c["services"][2].erase("number");
  EXPECT_EQ(refusal(c), "data/catalog.json: services[2]: field \"number\": is missing");
}

TEST(ParseCatalog, RefusesWrongTypes) {
  json c = valid_catalog();
  c["services"][0]["fee_rials"] = "free";
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: service 2: field \"fee_rials\": must be a non-negative integer, not a string");
  c = valid_catalog();
  c["services"][0]["fee_rials"] = 12.5;
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"fee_rials\": must be a non-negative integer, not the "
            "number 12.5");
  c = valid_catalog();
  c["services"][0]["title"] = "ثبت";
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"title\": must be an object with \"fa\" and \"en\" texts, "
            "not a string");
  c = valid_catalog();
  c["services"][0]["documents"][0]["mandatory"] = "yes";
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: service 2: field \"documents[0].mandatory\": must be true or false, not a string");
  c = valid_catalog();
  c["services"][0]["steps"] = json::object();
  EXPECT_EQ(refusal(c), "data/catalog.json: service 2: field \"steps\": must be an array, not an object");
  c = valid_catalog();
  c["services"][1] = 5;
  EXPECT_EQ(refusal(c), "data/catalog.json: services[1]: must be an object, not the number 5");
}

TEST(ParseCatalog, RefusesNegativeFee) {
  json c = valid_catalog();
  c["services"][0]["fee_rials"] = -1;
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"fee_rials\": must be a non-negative integer, not -1");
}

TEST(ParseCatalog, RefusesDuplicateNumbers) {
  json c = valid_catalog();
  c["services"][2]["number"] = 2;
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"number\": duplicate service number (services[0] and "
            "services[2])");
}

TEST(ParseCatalog, RefusesGapsInNumbering) {
  json c = valid_catalog();
  c["services"][2]["number"] = 4;  // 1, 2, 4: 3 is missing
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: service 3: field \"number\": no service has this number; the 3 services must be "
      "numbered 1 to 3 without gaps");
  c["services"][2]["number"] = 0;
  EXPECT_EQ(refusal(c), "data/catalog.json: services[2]: field \"number\": must be an integer >= 1, not 0");
}

TEST(ParseCatalog, RefusesUnknownOffice) {
  json c = valid_catalog();
  c["services"][1]["office_id"] = "Z";
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 1: field \"office_id\": unknown office \"Z\" (not in \"offices\")");
}

TEST(ParseCatalog, RefusesEmptyTitles) {
  json c = valid_catalog();
  c["services"][1]["title"]["fa"] = "";
  EXPECT_EQ(refusal(c), "data/catalog.json: service 1: field \"title.fa\": must not be empty");
  c = valid_catalog();
  c["services"][1]["title"]["en"] = "  \t ";
  EXPECT_EQ(refusal(c), "data/catalog.json: service 1: field \"title.en\": must not be empty");
  c = valid_catalog();
  c["services"][1]["forms"][0]["title"]["fa"] = "\u200C";
  EXPECT_EQ(refusal(c), "data/catalog.json: service 1: field \"forms[0].title.fa\": must not be empty");
}

TEST(ParseCatalog, RefusesBadChannels) {
  json c = valid_catalog();
  c["services"][0]["channels"] = json::array({"kiosk", "web"});
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"channels[1]\": \"web\" is not one of: kiosk, counter");
  c["services"][0]["channels"] = json::array();
  EXPECT_EQ(refusal(c), "data/catalog.json: service 2: field \"channels\": must not be empty");
  c["services"][0]["channels"] = json::array({"kiosk", "kiosk"});
  EXPECT_EQ(refusal(c), "data/catalog.json: service 2: field \"channels[1]\": lists the same channel twice");
}

TEST(ParseCatalog, RefusesNoSteps) {
  json c = valid_catalog();
  c["services"][0]["steps"] = json::array();
  EXPECT_EQ(refusal(c), "data/catalog.json: service 2: field \"steps\": must not be empty");
}

TEST(ParseCatalog, RefusesZeroPages) {
  json c = valid_catalog();
  c["services"][0]["documents"][0]["pages"] = 0;
  EXPECT_EQ(refusal(c),
            "data/catalog.json: service 2: field \"documents[0].pages\": must be an integer between 1 "
            "and 1000, not 0");
}

TEST(ParseCatalog, RefusesZeroHandlingDays) {
  json c = valid_catalog();
  c["services"][0]["handling_days"] = 0;
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: service 2: field \"handling_days\": must be an integer between 1 and 3650, not 0");
}

TEST(ParseCatalog, RefusesUnknownSampleField) {
  json c = valid_catalog();
  c["services"][0]["sample_fields"] = json::array({"fee_rials", "colour"});
  EXPECT_EQ(
      refusal(c),
      "data/catalog.json: service 2: field \"sample_fields[1]\": \"colour\" is not a field of a service");
}

TEST(ParseCatalog, NeedsASampleNoticeOnlyWhenSomethingIsASample) {
  json c = valid_catalog();
  c.erase("sample_notice");
  EXPECT_EQ(refusal(c), "data/catalog.json: field \"sample_notice\": is missing");
  for (auto& s : c["services"]) s.erase("sample_fields");
  EXPECT_EQ(refusal(c), "(accepted)");
}

TEST(ParseCatalog, RefusesHugeNumbersWithoutOverflow) {
  json c = valid_catalog();
  c["services"][0]["fee_rials"] = 18446744073709551615ull;
  EXPECT_THAT(
      refusal(c),
      StartsWith("data/catalog.json: service 2: field \"fee_rials\": must be a non-negative integer"));
  c = valid_catalog();
  c["services"][0]["number"] = 3000000000ll;
  EXPECT_THAT(refusal(c),
              StartsWith("data/catalog.json: services[0]: field \"number\": must be an integer >= 1"));
}

TEST(ParseCatalog, UsesTheGivenSourceName) {
  json c = valid_catalog();
  c["services"][0]["fee_rials"] = -5;
  const auto result = parse_catalog(c.dump(), "update-0042.json");
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, StartsWith("update-0042.json: service 2: "));
}

}  // namespace
}  // namespace pk::catalog

namespace pk::catalog {
namespace {

// "pictogram" is optional: a catalog without it (one published before the field) still loads,
// and each service falls back to the pictogram of its number.
TEST(ParseCatalog, PictogramIsOptionalAndFallsBackToTheNumber) {
  json c = valid_catalog();
  c["services"][1]["pictogram"] = "service-17";  // service 1 (listed second)
  const auto result = parse_catalog(c.dump(), kSource);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->find(1)->pictogram, "service-17");
  EXPECT_EQ(result->find(1)->pictogram_name(), "service-17");
  EXPECT_EQ(result->find(2)->pictogram, "");
  EXPECT_EQ(result->find(2)->pictogram_name(), "service-02");
  Service twelfth;
  twelfth.number = 12;
  EXPECT_EQ(twelfth.pictogram_name(), "service-12");
}

TEST(ParseCatalog, RefusesAPictogramThatIsNotAPlainName) {
  for (const char* bad : {"../../etc/passwd", "Service-03", "service 03", "service-03.svg", "/tmp/x"}) {
    SCOPED_TRACE(bad);
    json c = valid_catalog();
    c["services"][0]["pictogram"] = bad;
    EXPECT_THAT(refusal(c), StartsWith("data/catalog.json: service 2: field \"pictogram\": \"" +
                                       std::string(bad) + "\" is not a pictogram name"));
  }
  json c = valid_catalog();
  c["services"][0]["pictogram"] = 3;
  EXPECT_THAT(refusal(c), HasSubstr("service 2: field \"pictogram\": must be a string"));
  c["services"][0]["pictogram"] = std::string(65, 'a');
  EXPECT_THAT(refusal(c), HasSubstr("is not a pictogram name"));
}

}  // namespace
}  // namespace pk::catalog
