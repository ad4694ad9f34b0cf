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

TEST(Format, DecimalsAndPercentagesInEachLanguage) {
  using pk::kiosk::format_decimal;
  using pk::kiosk::format_percent;
  EXPECT_EQ(format_decimal(12.5, 1, Language::English), "12.5");
  EXPECT_EQ(format_decimal(12.5, 1, Language::Persian), "۱۲٫۵");
  EXPECT_EQ(format_decimal(-0.25, 2, Language::Persian), "−۰٫۲۵");
  EXPECT_EQ(format_percent(0.9984, 2, Language::English), "99.84%");
  EXPECT_EQ(format_percent(0.9984, 1, Language::Persian), "۹۹٫۸٪");
  EXPECT_EQ(format_percent(1.0, 0, Language::Persian), "۱۰۰٪");
}

TEST(Format, AmountsSayFreeForZero) {
  EXPECT_EQ(format_amount_rials(0, Language::Persian), "رایگان");
  EXPECT_EQ(format_amount_rials(250000, Language::English), "250,000 rials");
  EXPECT_EQ(format_amount_rials(250000, Language::Persian), "۲۵۰٬۰۰۰ ریال");
}
