// The strict parser of the centre's outage notices.
#include <gtest/gtest.h>

#include "domain/sla_notice_json.h"

namespace pk::sla {
namespace {

std::string wrap(const std::string& notice) { return R"({"version":1,"notices":[)" + notice + "]}"; }

const std::string kGood =
    R"({"id":"n-17","published_unix":1730000000,"starts_unix":1730300000,"ends_unix":1730307200,)"
    R"("services":[7,3],"text_fa":"به‌روزرسانی سامانه","text_en":"System update"})";

std::string refusal(const std::string& text) {
  auto parsed = parse_notices(text);
  EXPECT_FALSE(parsed.ok()) << text;
  return parsed.ok() ? std::string() : parsed.error().message;
}

std::string with(std::string json, const std::string& from, const std::string& to) {
  json.replace(json.find(from), from.size(), to);
  return json;
}

TEST(SlaNoticeJson, ParsesAGoodList) {
  auto parsed = parse_notices(wrap(kGood + "," + with(with(kGood, "n-17", "n-18"), "[7,3]", R"("all")")));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  const Notice& n = (*parsed)[0];
  EXPECT_EQ(n.id, "n-17");
  EXPECT_EQ(n.published_unix, 1730000000);
  EXPECT_EQ(n.starts_unix, 1730300000);
  EXPECT_EQ(n.ends_unix, 1730307200);
  EXPECT_EQ(n.services, ServiceScope::only({3, 7}));
  EXPECT_EQ(n.text_fa, "به‌روزرسانی سامانه");
  EXPECT_EQ(n.text_en, "System update");
  EXPECT_TRUE((*parsed)[1].services.is_all());
}

TEST(SlaNoticeJson, RoundTrips) {
  auto parsed = parse_notices(wrap(kGood));
  ASSERT_TRUE(parsed.ok());
  auto again = parse_notices(notices_to_json(*parsed));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, *parsed);
}

TEST(SlaNoticeJson, EmptyListIsFine) {
  auto parsed = parse_notices(R"({"version":1,"notices":[]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->empty());
}

TEST(SlaNoticeJson, RefusesWhatIsNotExactlyTheFormat) {
  EXPECT_NE(refusal("not json").find("not valid JSON"), std::string::npos);
  EXPECT_NE(refusal("[]").find("must be a JSON object"), std::string::npos);
  EXPECT_NE(refusal(R"({"version":2,"notices":[]})").find("version"), std::string::npos);
  EXPECT_NE(refusal(R"({"version":1})").find("field \"notices\": is missing"), std::string::npos);
  EXPECT_NE(refusal(R"({"version":1,"notices":[],"extra":0})")
                .find("field \"extra\": is not a field of this format"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"version":1,"version":1,"notices":[]})").find("repeated"), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, R"("text_en")", R"("text_en":"x","text_en")"))).find("repeated"),
            std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "1730000000", "1730000000.5"))).find("must be an integer between 0 and"),
            std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "1730000000", "-1")))
                .find("must be an integer between 0 and 1099511627776, not -1"),
            std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "1730000000", "18446744073709551615"))).find("not 18446744073709551615"),
            std::string::npos);
  EXPECT_NE(
      refusal(wrap(with(kGood, "1730000000", "\"1730000000\""))).find("must be an integer between 0 and"),
      std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "1730307200", "1730300000"))).find("after"), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "[7,3]", "[]"))).find("services"), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "[7,3]", "[3,3]"))).find("repeats a service"), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "[7,3]", "[0]")))
                .find("field \"services[0]\": must be an integer between 1 and 9999, not 0"),
            std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "[7,3]", R"("All")"))).find("services"), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "n-17", "n 17"))).find("\"id\""), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, R"("n-17")", R"("")"))).find("\"id\""), std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "به‌روزرسانی سامانه", ""))).find("text_fa"),
            std::string::npos);
  EXPECT_NE(refusal(wrap(kGood + "," + kGood)).find("repeats the id"), std::string::npos);
  EXPECT_NE(
      refusal(wrap(with(kGood, R"(,"text_en":"System update")", ""))).find("field \"text_en\": is missing"),
      std::string::npos);
  EXPECT_NE(refusal(wrap(with(kGood, "System update", "\xff\xfe"))).find("not valid JSON"),
            std::string::npos);
}

TEST(SlaNoticeJson, RefusesOverlongTextAndTooManyNotices) {
  EXPECT_NE(refusal(wrap(with(kGood, "System update", std::string(4097, 'x')))).find("4096"),
            std::string::npos);
  std::string many;
  for (int i = 0; i <= 1000; ++i) {
    if (i) many += ",";
    many += with(kGood, "n-17", "n-" + std::to_string(i));
  }
  EXPECT_NE(refusal(wrap(many)).find("must hold at most 1000 items"), std::string::npos);
}

}  // namespace
}  // namespace pk::sla
