// The cover-sheet payload: what parses, what is refused, and how codes are classified.
#include <gtest/gtest.h>

#include "domain/tracking_code.h"
#include "imaging/cover_sheet.h"

namespace pk::imaging {
namespace {

TEST(CoverSheet, ParsesTheVersionOneFormat) {
  auto sheet = parse_cover_sheet("PKSH1|12345678901234|amayesh_card");
  ASSERT_TRUE(sheet) << sheet.error().message;
  EXPECT_EQ(sheet->application_id, "12345678901234");
  EXPECT_EQ(sheet->document_type, "amayesh_card");
}

TEST(CoverSheet, FormatAndParseRoundTrip) {
  const CoverSheet sheet{"APP-7f3a", "birth-certificate_2"};
  auto payload = format_cover_sheet(sheet);
  ASSERT_TRUE(payload);
  EXPECT_EQ(payload.value(), "PKSH1|APP-7f3a|birth-certificate_2");
  EXPECT_EQ(parse_cover_sheet(payload.value()).value(), sheet);
  EXPECT_FALSE(format_cover_sheet({"has space", "passport"}));
  EXPECT_FALSE(format_cover_sheet({"A", ""}));
}

TEST(CoverSheet, RefusesEverythingElse) {
  const std::string forty_one(41, 'a');
  for (std::string_view bad : {"",
                               "PKSH",
                               "PKSH1",
                               "PKSH1|",
                               "PKSH1|A",
                               "PKSH1|A|",
                               "PKSH1||passport",
                               "PKSH1|A|passport|extra",
                               "PKSH1|A||",
                               "PKSH01|A|passport",
                               "PKSH+1|A|passport",
                               "PKSH 1|A|passport",
                               "PKSHx|A|passport",
                               "pksh1|A|passport",
                               " PKSH1|A|passport",
                               "PKSH1|A|passport\n",
                               "PKSH1|A|Passport",
                               "PKSH1|A B|passport",
                               "PKSH1|A|pass port",
                               "PKSH1|\xD8\xA7|passport",
                               "PKSH99999|A|passport",
                               "PKSH1;A;passport"}) {
    EXPECT_FALSE(parse_cover_sheet(bad)) << '"' << bad << '"';
  }
  EXPECT_FALSE(parse_cover_sheet(std::string("PKSH1|A|pass") + '\0' + "port"));
  EXPECT_FALSE(parse_cover_sheet("PKSH1|" + forty_one + "|passport"));
  EXPECT_FALSE(parse_cover_sheet("PKSH1|A|" + forty_one));
  EXPECT_TRUE(parse_cover_sheet("PKSH1|" + forty_one.substr(1) + "|" + forty_one.substr(1)));
}

TEST(CoverSheet, NewerVersionIsRefusedWithAReason) {
  auto parsed = parse_cover_sheet("PKSH2|A|passport|color");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("version 2"), std::string::npos);
}

TEST(ClassifyCode, TellsCoverSheetsReceiptsAndForeignCodesApart) {
  EXPECT_EQ(classify_code("PKSH1|A|passport"), CodeKind::CoverSheet);
  EXPECT_EQ(classify_code("PKSH2|A|passport"), CodeKind::BrokenCoverSheet);
  EXPECT_EQ(classify_code("PKSH1|A"), CodeKind::BrokenCoverSheet);
  const auto code = make_tracking_code(TrackingKind::Application, 42, 1234).value();
  EXPECT_EQ(classify_code(code.digits()), CodeKind::TrackingCode);
  std::string mistyped = code.digits();
  mistyped[5] = mistyped[5] == '9' ? '0' : static_cast<char>(mistyped[5] + 1);
  EXPECT_EQ(classify_code(mistyped), CodeKind::Foreign);
  EXPECT_EQ(classify_code("https://example.org/x"), CodeKind::Foreign);
  EXPECT_EQ(classify_code(""), CodeKind::Foreign);
}

}  // namespace
}  // namespace pk::imaging
