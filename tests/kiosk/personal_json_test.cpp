// The sealed personal JSON is written by hand into one buffer (kiosk/personal_json.h): it must
// be exactly what nlohmann::json::dump() gave for the same object, which the centre parses.
#include "kiosk/personal_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace {

using pk::kiosk::personal_json;

TEST(PersonalJson, IsWhatNlohmannDumpGivesForTheSameObject) {
  const std::string awkward = "سلام \"quoted\" back\\slash\nnew line\ttab\x01\x1f\x7f end";
  const std::string ours = personal_json({{"consent", true},
                                          {"id_kind", std::string_view("national_code")},
                                          {"id_number", std::string_view("0012345679")},
                                          {"language", std::string_view("fa")},
                                          {"mobile", std::string_view("09121234567")},
                                          {"text", std::string_view(awkward)},
                                          {"z_no", false}});
  const nlohmann::json theirs = {
      {"consent", true},  {"id_kind", "national_code"}, {"id_number", "0012345679"},
      {"language", "fa"}, {"mobile", "09121234567"},    {"text", awkward},
      {"z_no", false}};
  EXPECT_EQ(ours, theirs.dump());
  EXPECT_EQ(nlohmann::json::parse(ours)["text"], awkward);
}

TEST(PersonalJson, ReservesExactlyWhatItWrites) {
  // One allocation, never grown: no partial copy of the text is freed on the way.
  const std::string json =
      personal_json({{"mobile", std::string_view("۰۹۱۲۱۲۳۴۵۶۷")}, {"x", std::string_view("\"\x02")}});
  EXPECT_EQ(json, R"({"mobile":"۰۹۱۲۱۲۳۴۵۶۷","x":"\"\u0002"})");
  EXPECT_EQ(json.capacity(), json.size());
  EXPECT_EQ(personal_json({}), "{}");
}

}  // namespace
