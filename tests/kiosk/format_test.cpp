#include "kiosk/format.h"

#include <gtest/gtest.h>

using pk::catalog::Language;
using pk::kiosk::format_amount_rials;
using pk::kiosk::format_number;

TEST(Format, GroupsThousandsInEachLanguage) {
  EXPECT_EQ(format_number(0, Language::English), "0");
  EXPECT_EQ(format_number(999, Language::English), "999");
  EXPECT_EQ(format_number(1000, Language::English), "1,000");
  EXPECT_EQ(format_number(1234567, Language::English), "1,234,567");
  EXPECT_EQ(format_number(-1500, Language::English), "-1,500");
  EXPECT_EQ(format_number(1234567, Language::Persian), "۱٬۲۳۴٬۵۶۷");
  EXPECT_EQ(format_number(12, Language::Persian), "۱۲");
}

TEST(Format, AmountsSayFreeForZero) {
  EXPECT_EQ(format_amount_rials(0, Language::Persian), "رایگان");
  EXPECT_EQ(format_amount_rials(250000, Language::English), "250,000 rials");
  EXPECT_EQ(format_amount_rials(250000, Language::Persian), "۲۵۰٬۰۰۰ ریال");
}
