#include "loadgen/codes.h"

#include <gtest/gtest.h>

namespace pk::loadgen {
namespace {

TEST(Codes, ReadsTheCentresBatchOutput) {
  auto codes =
      parse_codes("LOAD-0001 7KQM-2H9T-XB4D-R0WC\n# a comment\n\nLOAD-0002\t8KQM-2H9T-XB4D-R0WD\r\n");
  ASSERT_TRUE(codes.ok()) << codes.error().message;
  ASSERT_EQ(codes->size(), 2U);
  EXPECT_EQ((*codes)[0].terminal_id, "LOAD-0001");
  EXPECT_EQ((*codes)[0].code, "7KQM-2H9T-XB4D-R0WC");
  EXPECT_EQ((*codes)[1].terminal_id, "LOAD-0002");
  EXPECT_EQ((*codes)[1].code, "8KQM-2H9T-XB4D-R0WD");
}

TEST(Codes, RefusesALineThatIsNotTwoWordsNamingIt) {
  auto one = parse_codes("LOAD-0001 7KQM-2H9T-XB4D-R0WC\nLOAD-0002\n");
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(parse_codes("LOAD-0001 7KQM 2H9T\n").ok());
}

}  // namespace
}  // namespace pk::loadgen
