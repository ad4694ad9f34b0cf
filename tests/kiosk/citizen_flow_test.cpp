#include "kiosk/citizen_flow.h"

#include <gtest/gtest.h>

using pk::catalog::Catalog;
using pk::catalog::Channel;
using pk::catalog::Language;
using pk::kiosk::CitizenFlow;
using pk::kiosk::CitizenScreen;

namespace {

Catalog two_services() {
  Catalog c;
  c.version = 1;
  c.offices = {{"A", {"دفتر اتباع", "Foreign nationals"}}, {"B", {"بازرسی", "Inspection"}}};
  pk::catalog::Service s1;
  s1.number = 1;
  s1.office_id = "A";
  s1.channels = {Channel::Kiosk, Channel::Counter};
  pk::catalog::Service s2 = s1;
  s2.number = 2;
  s2.office_id = "B";
  s2.channels = {Channel::Counter};
  c.services = {s1, s2};
  return c;
}

}  // namespace

TEST(CitizenFlow, StartsAtWelcomeInTheConfiguredLanguage) {
  Catalog c = two_services();
  CitizenFlow flow(c, Language::English, 60);
  EXPECT_EQ(flow.state().screen, CitizenScreen::Welcome);
  EXPECT_EQ(flow.language(), Language::English);
  EXPECT_FALSE(flow.rtl());
}

TEST(CitizenFlow, WelcomeToServiceCardAndBack) {
  Catalog c = two_services();
  CitizenFlow flow(c, Language::Persian, 60);
  EXPECT_FALSE(flow.open_service(1)) << "no card from the welcome screen";
  ASSERT_TRUE(flow.start());
  EXPECT_EQ(flow.state().screen, CitizenScreen::Browse);
  EXPECT_FALSE(flow.start());
  ASSERT_TRUE(flow.open_service(2));
  EXPECT_EQ(flow.state().screen, CitizenScreen::ServiceCard);
  EXPECT_EQ(flow.state().service, 2);
  ASSERT_TRUE(flow.back());
  EXPECT_EQ(flow.state().screen, CitizenScreen::Browse);
  ASSERT_TRUE(flow.back());
  EXPECT_EQ(flow.state().screen, CitizenScreen::Welcome);
  EXPECT_FALSE(flow.back());
}

TEST(CitizenFlow, UnknownServiceOrOfficeChangesNothing) {
  Catalog c = two_services();
  CitizenFlow flow(c, Language::Persian, 60);
  flow.start();
  EXPECT_FALSE(flow.open_service(99));
  EXPECT_FALSE(flow.filter_office("Z"));
  EXPECT_EQ(flow.state().screen, CitizenScreen::Browse);
  EXPECT_TRUE(flow.state().office_filter.empty());
  EXPECT_TRUE(flow.filter_office("B"));
  EXPECT_EQ(flow.state().office_filter, "B");
}

TEST(CitizenFlow, IdleTimeoutWipesTheSession) {
  Catalog c = two_services();
  CitizenFlow flow(c, Language::Persian, 60);
  flow.touched(100);
  flow.start();
  flow.choose_language(Language::English);
  flow.set_query("passport");
  flow.filter_office("A");
  flow.open_service(1);
  EXPECT_FALSE(flow.tick(159.9));
  EXPECT_NEAR(flow.seconds_until_idle(150), 10, 1e-9);
  flow.touched(150);
  EXPECT_FALSE(flow.tick(200)) << "a touch restarts the countdown";
  ASSERT_TRUE(flow.tick(210.5));
  EXPECT_EQ(flow.state().screen, CitizenScreen::Welcome);
  EXPECT_EQ(flow.language(), Language::Persian) << "the next person starts in the default language";
  EXPECT_TRUE(flow.state().query.empty());
  EXPECT_TRUE(flow.state().office_filter.empty());
  EXPECT_EQ(flow.state().service, 0);
}

TEST(CitizenFlow, WelcomeScreenNeverTimesOut) {
  Catalog c = two_services();
  CitizenFlow flow(c, Language::Persian, 60);
  EXPECT_FALSE(flow.tick(10'000));
  flow.start();
  EXPECT_FALSE(flow.tick(10'030)) << "the countdown starts when the session starts";
  EXPECT_TRUE(flow.tick(10'061));
}
