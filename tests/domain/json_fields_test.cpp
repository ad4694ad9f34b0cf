// The JSON adaptor of the field reader on its own: what each read returns, what it refuses and
// how the one message names the field by its path. The parsers built on it (catalog, wire,
// notices, the centre's requests) have their own tests; these pin the rules they all share.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/json_fields.h"

namespace pk::fields {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

TEST(JsonFields, ReadsTheFieldsOfAnObject) {
  const json doc = json::parse(R"({"name": "Kabul", "count": 3, "on": true, "list": [1, 2]})");
  Problems problems;
  const JsonFields r(doc, Place(problems, "test.json"));
  EXPECT_EQ(r.string("name"), "Kabul");
  EXPECT_EQ(r.integer("count", Range{1, 9}), 3);
  EXPECT_TRUE(r.boolean("on"));
  EXPECT_EQ(r.array("list", Emptiness::Refuse).size(), 2U);
  EXPECT_EQ(r.optional_string("absent"), std::nullopt);
  EXPECT_EQ(r.optional_integer("absent", Range{}), std::nullopt);
  EXPECT_TRUE(problems.ok());
}

TEST(JsonFields, ARefusalNamesTheFileTheFieldAndWhatWasFound) {
  // A string's text is not repeated: it may be what a citizen typed.
  const json doc = json::parse(R"({"count": "three"})");
  Problems problems;
  const JsonFields r(doc, Place(problems, "test.json"));
  EXPECT_EQ(r.integer("count", Range{1, 9}), 0);
  ASSERT_FALSE(problems.ok());
  EXPECT_EQ(problems.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(problems.error().message,
            "test.json: field \"count\": must be an integer between 1 and 9, not a string");
}

TEST(JsonFields, AnOptionalValueThatIsRefusedIsNotReturned) {
  // A caller that reads an optional field and uses it when present must not get a default that
  // looks read: the refused value comes back as nothing.
  const json doc = json::parse(R"({"retries": 50, "label": 7})");
  {
    Problems problems;
    const JsonFields r(doc, Place(problems, "test.json"));
    EXPECT_EQ(r.optional_integer("retries", Range{0, 10}), std::nullopt);
    EXPECT_THAT(problems.error().message,
                HasSubstr("\"retries\": must be an integer between 0 and 10, not 50"));
  }
  {
    Problems problems;
    const JsonFields r(doc, Place(problems, "test.json"));
    EXPECT_EQ(r.optional_string("label"), std::nullopt);
    EXPECT_THAT(problems.error().message, HasSubstr("\"label\": must be a string, not the number 7"));
  }
}

TEST(JsonFields, OnlyTheFirstProblemIsKeptAndLaterReadsReturnDefaults) {
  const json doc = json::parse(R"({"a": 1, "b": "two"})");
  Problems problems;
  const JsonFields r(doc, Place(problems, "test.json"));
  EXPECT_EQ(r.string("a"), "");
  EXPECT_EQ(r.string("b"), "") << "after the first problem reads return a default";
  EXPECT_EQ(r.optional_string("b"), std::nullopt);
  EXPECT_THAT(problems.error().message, HasSubstr("field \"a\""));
}

TEST(JsonFields, NestedObjectsAndListItemsAreNamedByTheirPath) {
  const json doc = json::parse(R"({"documents": [{"pages": 2}, {"pages": 0}]})");
  Problems problems;
  const JsonFields r(doc, Place(problems, "data/catalog.json: service 3"));
  const json& list = r.array("documents", Emptiness::Refuse);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const JsonFields item_fields = r.nested(list[i], item("documents", i));
    (void)item_fields.integer("pages", Range{1, 1000});
  }
  EXPECT_EQ(problems.error().message,
            "data/catalog.json: service 3: field \"documents[1].pages\": must be an integer between 1 and "
            "1000, not 0");
}

TEST(JsonFields, AValueThatIsNotAnObjectIsRefusedAsAWhole) {
  const json doc = json::array({1, 2});
  Problems problems;
  const JsonFields r(doc, Place(problems, "test.json"));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.has("anything"));
  EXPECT_THAT(problems.error().message, HasSubstr("test.json"));
}

TEST(JsonFields, OnlyKeysRefusesAnUnknownKeyAndAMissingOne) {
  const json misspelt = json::parse(R"({"versoin": 1})");
  {
    Problems problems;
    const JsonFields r(misspelt, Place(problems, "test.json"));
    r.only_keys({"version"});
    EXPECT_THAT(problems.error().message, HasSubstr("\"versoin\": is not a field of this format"));
  }
  const json empty = json::object();
  {
    Problems problems;
    const JsonFields r(empty, Place(problems, "test.json"));
    r.only_keys({"version"});
    EXPECT_THAT(problems.error().message, HasSubstr("\"version\": is missing"));
  }
}

TEST(JsonFields, AnArrayLongerThanAllowedIsRefusedAndReadsAsEmpty) {
  const json doc = json::parse(R"({"items": [1, 2, 3]})");
  Problems problems;
  const JsonFields r(doc, Place(problems, "test.json"));
  EXPECT_TRUE(r.array("items", Emptiness::Allow, 2).empty());
  EXPECT_FALSE(problems.ok());
}

TEST(JsonFields, ASyntaxErrorIsPlacedByLineAndColumnInCharacters) {
  // The second comma is the error: column 19, where counting the four two-byte Persian letters
  // as bytes would say 23.
  const std::string text = "{\n  \"name\": \"کابل\" ,,\n}";
  try {
    [[maybe_unused]] const json parsed = json::parse(text);
    FAIL() << "the text is not JSON";
  } catch (const json::parse_error& e) {
    EXPECT_THAT(describe_syntax_error("test.json", text, e.byte, e.what()),
                HasSubstr("test.json: line 2, column 19"));
  }
}

}  // namespace
}  // namespace pk::fields
