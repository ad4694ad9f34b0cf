// The counter-service slip's payload: what the kiosk prints, the counter reads back, and
// nothing that is almost a slip.
#include "drivers/barcode/service_slip.h"

#include <gtest/gtest.h>

namespace pk::barcode {
namespace {

TEST(ServiceSlip, RoundTripsEveryServiceNumber) {
  for (int n : {1, 11, 21, 999}) {
    auto payload = format_service_slip(n);
    ASSERT_TRUE(payload.ok());
    auto parsed = parse_service_slip(payload.value());
    ASSERT_TRUE(parsed.ok()) << payload.value();
    EXPECT_EQ(parsed.value(), n);
  }
  EXPECT_EQ(format_service_slip(11).value(), "PKSV1|11");
}

TEST(ServiceSlip, RefusesWhatIsAlmostASlip) {
  EXPECT_FALSE(format_service_slip(0).ok());
  EXPECT_FALSE(format_service_slip(1000).ok());
  for (const char* payload :
       {"", "PKSV", "PKSV1", "PKSV1|", "PKSV1|0", "PKSV1|011", "PKSV1|1000", "PKSV1|+3", "PKSV1|3|x",
        "PKSV1|3 ", "PKSV2|3", "PKSV01|3", "PKSH1|3|photo", "12345678901234"}) {
    EXPECT_FALSE(parse_service_slip(payload).ok()) << payload;
  }
}

}  // namespace
}  // namespace pk::barcode
