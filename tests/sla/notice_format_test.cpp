// Notices on the welcome screen: which ones, and their Persian and English wording.
#include <gtest/gtest.h>

#include "domain/sla_notice_format.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

TEST(SlaNoticeFormat, PersianTextWithJalaliDatesAndPersianDigits) {
  Notice n = notice("n1", at(1404, 9, 1), at(1404, 9, 4, 2), at(1404, 9, 4, 4), ServiceScope::only({3, 7}));
  n.text_fa = "به‌روزرسانی سامانه";
  EXPECT_EQ(
      format_notice(n, Language::Persian, at(1404, 9, 2)),
      "قطعی اعلام\u200cشده از ۴ آذر ۱۴۰۴ ساعت ۰۲:۰۰ تا ۴ آذر ۱۴۰۴ ساعت ۰۴:۰۰، خدمات شماره ۳، ۷. به\u200cروزرسانی سامانه");
}

TEST(SlaNoticeFormat, EnglishAndCurrentWording) {
  Notice n = notice("n1", at(1404, 9, 1), at(1404, 9, 4, 2), at(1404, 9, 4, 4, 30));
  EXPECT_EQ(format_notice(n, Language::English, at(1404, 9, 2)),
            "Announced outage from 4 Azar 1404 02:00 to 4 Azar 1404 04:30, all services. Maintenance");
  EXPECT_EQ(format_notice(n, Language::English, at(1404, 9, 4, 3)),
            "Outage in progress until 4 Azar 1404 04:30, all services. Maintenance");
  EXPECT_EQ(format_notice(n, Language::Persian, at(1404, 9, 4, 3)),
            "قطعی در جریان تا ۴ آذر ۱۴۰۴ ساعت ۰۴:۳۰، همه خدمات. قطعی برای نگهداری");
  n.text_en.clear();  // no English text: the Persian one is shown rather than nothing
  EXPECT_EQ(format_notice(n, Language::English, at(1404, 9, 2)).substr(0, 16), "Announced outage");
  EXPECT_NE(format_notice(n, Language::English, at(1404, 9, 2)).find("قطعی برای نگهداری"), std::string::npos);
}

TEST(SlaNoticeFormat, ServicesAreNamedAsTheCitizenKnowsThemThreeAtMost) {
  Notice n = notice("n1", at(1404, 9, 1), at(1404, 9, 4, 2), at(1404, 9, 4, 4), ServiceScope::only({3}));
  n.text_fa = "به‌روزرسانی";
  n.text_en = "Update";
  const ServiceTitle title = [](int number, Language language) -> std::string {
    if (number == 9) return "";  // not in this catalog: the number alone
    return (language == Language::Persian ? "خدمت‌نام " : "Title ") + std::to_string(number);
  };
  EXPECT_EQ(format_notice(n, Language::English, at(1404, 9, 2), title),
            "Announced outage from 4 Azar 1404 02:00 to 4 Azar 1404 04:00, service 3 (Title 3). Update");
  EXPECT_NE(
      format_notice(n, Language::Persian, at(1404, 9, 2), title).find("خدمت ۳ (خدمت‌نام 3)"),
      std::string::npos);
  n.services = ServiceScope::only({1, 2, 9, 10, 11});
  const std::string english = format_notice(n, Language::English, at(1404, 9, 2), title);
  EXPECT_NE(english.find("service 1 (Title 1); service 2 (Title 2); service 9 and 2 more services."),
            std::string::npos)
      << english;
  EXPECT_NE(format_notice(n, Language::Persian, at(1404, 9, 2), title).find(" و ۲ خدمت دیگر"),
            std::string::npos);
}

TEST(SlaNoticeFormat, WelcomeShowsCurrentAndUpcomingWithinAWeekSoonestFirst) {
  const int64_t now = at(1404, 9, 10, 12);
  const std::vector<Notice> all = {
      notice("past", now - 10 * kDay, now - 2 * kDay, now - kDay),
      notice("later", now - kDay, now + 8 * kDay, now + 9 * kDay),  // beyond a week
      notice("soon", now - kDay, now + 3 * kDay, now + 4 * kDay),
      notice("now", now - 5 * kDay, now - kHour, now + kHour),
      notice("ending", now - 5 * kDay, now - kHour, now),          // ends exactly now: gone
      notice("edge", now - kDay, now + 7 * kDay, now + 8 * kDay),  // exactly a week ahead
  };
  std::vector<std::string> ids;
  for (const Notice& n : notices_to_show(all, now)) ids.push_back(n.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"now", "soon", "edge"}));
}

}  // namespace
}  // namespace pk::sla
