#include "kiosk/citizen/citizen_flow.h"

#include <gtest/gtest.h>

using pk::catalog::Catalog;
using pk::catalog::Channel;
using pk::catalog::Language;
using pk::kiosk::CitizenFlow;
using pk::kiosk::CitizenScreen;
using pk::kiosk::Field;

namespace {

// Service 1: kiosk, two documents (the second optional). Service 2: counter only.
Catalog two_services() {
  Catalog c;
  c.version = 1;
  c.offices = {{"A", {"دفتر اتباع", "Foreign nationals"}}, {"B", {"بازرسی", "Inspection"}}};
  pk::catalog::Service s1;
  s1.number = 1;
  s1.office_id = "A";
  s1.channels = {Channel::Kiosk, Channel::Counter};
  s1.documents = {{"passport", {"گذرنامه", "Passport"}, 2, true}, {"photo", {"عکس", "Photo"}, 1, false}};
  pk::catalog::Service s2 = s1;
  s2.number = 2;
  s2.office_id = "B";
  s2.channels = {Channel::Counter};
  c.services = {s1, s2};
  return c;
}

pk::kiosk::CapturedPage page() {
  pk::kiosk::CapturedPage p;
  p.bytes = {0xFF, 0xD8, 0xFF, 0xD9};
  return p;
}

class Flow : public ::testing::Test {
 protected:
  Catalog m_catalog = two_services();
  CitizenFlow m_flow{m_catalog, Language::Persian, 60, 30};

  void to_identify() {
    ASSERT_TRUE(m_flow.start());
    ASSERT_TRUE(m_flow.open_service(1));
    ASSERT_TRUE(m_flow.apply());
  }
  void identify() {
    to_identify();
    ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::NationalCode));
    ASSERT_TRUE(m_flow.set_field_text(Field::IdNumber, "۰۰۱۲۳۴۵۶۷۹"));  // Persian digits, valid check digit
    ASSERT_TRUE(m_flow.set_field_text(Field::Mobile, "+98 912 123 4567"));
    ASSERT_TRUE(m_flow.identify_next());
  }
};

}  // namespace

TEST_F(Flow, StartsAtWelcomeInTheConfiguredLanguage) {
  CitizenFlow english(m_catalog, Language::English, 60);
  EXPECT_EQ(english.state().screen, CitizenScreen::Welcome);
  EXPECT_FALSE(english.rtl());
  EXPECT_TRUE(m_flow.rtl());
}

TEST_F(Flow, WelcomeToServiceCardAndBack) {
  EXPECT_FALSE(m_flow.open_service(1)) << "no card from the welcome screen";
  ASSERT_TRUE(m_flow.start());
  EXPECT_FALSE(m_flow.start());
  ASSERT_TRUE(m_flow.open_service(2));
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::ServiceCard);
  ASSERT_TRUE(m_flow.back());
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Browse);
  ASSERT_TRUE(m_flow.back());
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Welcome);
  EXPECT_FALSE(m_flow.back());
}

TEST_F(Flow, UnknownServiceOrOfficeChangesNothing) {
  m_flow.start();
  EXPECT_FALSE(m_flow.open_service(99));
  EXPECT_FALSE(m_flow.filter_office("Z"));
  EXPECT_TRUE(m_flow.state().office_filter.empty());
  EXPECT_TRUE(m_flow.filter_office("B"));
}

TEST_F(Flow, CounterOnlyServiceCannotBeAppliedFor) {
  m_flow.start();
  m_flow.open_service(2);
  EXPECT_FALSE(m_flow.apply());
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::ServiceCard);
}

TEST_F(Flow, InvalidNationalCodeIsExplainedAndKeepsTheCitizenThere) {
  to_identify();
  ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::NationalCode));
  m_flow.set_field_text(Field::IdNumber, "0012345678");  // wrong check digit
  m_flow.set_field_text(Field::Mobile, "09121234567");
  EXPECT_FALSE(m_flow.identify_next());
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Identify);
  EXPECT_FALSE(m_flow.state().identity.number_error.empty());
  EXPECT_TRUE(m_flow.state().identity.mobile_error.empty());
  EXPECT_EQ(m_flow.state().field, Field::IdNumber) << "the keyboard goes back to the wrong field";
  m_flow.set_field_text(Field::IdNumber, "0012345679");
  EXPECT_TRUE(m_flow.state().identity.number_error.empty()) << "a correction clears the complaint";
}

TEST_F(Flow, AllSameDigitsAndBadMobileAreRefused) {
  to_identify();
  ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::NationalCode));
  m_flow.set_field_text(Field::IdNumber, "1111111111");
  m_flow.set_field_text(Field::Mobile, "02112345678");
  EXPECT_FALSE(m_flow.identify_next());
  EXPECT_FALSE(m_flow.state().identity.number_error.empty());
  EXPECT_FALSE(m_flow.state().identity.mobile_error.empty());
}

TEST_F(Flow, IdentifiedCitizenGetsNormalisedValues) {
  identify();
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Capture);
  EXPECT_EQ(m_flow.state().identity.number_normalised, "0012345679");
  EXPECT_EQ(m_flow.state().identity.mobile_normalised, "09121234567");
}

TEST_F(Flow, PassportAndForeignIdAreChecked) {
  to_identify();
  ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::Passport));
  m_flow.set_field_text(Field::IdNumber, "p12345678");
  m_flow.set_field_text(Field::Mobile, "09121234567");
  ASSERT_TRUE(m_flow.identify_next());
  EXPECT_EQ(m_flow.state().identity.number_normalised, "P12345678");
}

TEST_F(Flow, TheIdentityStepStartsOnTheServicesDocument) {
  to_identify();
  EXPECT_EQ(m_flow.state().identity.kind, pk::identity::IdKind::Passport) << "service 1 asks for a passport";
  m_flow.home();
  Catalog iranians = two_services();
  iranians.services[0].office_id = "B";
  iranians.services[0].documents = {{"complaint_evidence", {"مدرک", "Evidence"}, 1, false}};
  CitizenFlow flow{iranians, Language::Persian, 60, 30};
  ASSERT_TRUE(flow.start() && flow.open_service(1) && flow.apply());
  EXPECT_EQ(flow.state().identity.kind, pk::identity::IdKind::NationalCode);
}

TEST_F(Flow, AmayeshCardWithoutAMobileIsEnough) {
  to_identify();
  ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::AmayeshCard));
  m_flow.set_field_text(Field::IdNumber, "۱۲۳۴۵");
  EXPECT_FALSE(m_flow.identify_next());
  EXPECT_NE(m_flow.state().identity.number_error.find("آمایش"), std::string::npos)
      << "the message names the card and says what to type: " << m_flow.state().identity.number_error;
  m_flow.set_field_text(Field::IdNumber, "۱۲۳۴ ۵۶۷۸ ۹۰");
  ASSERT_TRUE(m_flow.identify_next()) << m_flow.state().identity.number_error;
  EXPECT_EQ(m_flow.state().identity.number_normalised, "1234567890");
  EXPECT_TRUE(m_flow.state().identity.mobile_normalised.empty());
}

TEST_F(Flow, AnAfghanMobileIsAcceptedAndAWrongOneExplained) {
  to_identify();
  ASSERT_TRUE(m_flow.set_id_kind(pk::identity::IdKind::Fida));
  m_flow.set_field_text(Field::IdNumber, "123456789012");
  m_flow.set_field_text(Field::Mobile, "+۹۳ ۷۰ ۱۲۳ ۴۵۶");  // one digit short
  EXPECT_FALSE(m_flow.identify_next());
  EXPECT_EQ(m_flow.state().field, Field::Mobile);
  EXPECT_NE(m_flow.state().identity.mobile_error.find("افغانستان"), std::string::npos)
      << m_flow.state().identity.mobile_error;
  m_flow.set_field_text(Field::Mobile, "+۹۳ ۷۰ ۱۲۳ ۴۵۶۷");
  ASSERT_TRUE(m_flow.identify_next()) << m_flow.state().identity.mobile_error;
  EXPECT_EQ(m_flow.state().identity.mobile_normalised, "+93701234567");
}

TEST_F(Flow, MandatoryDocumentNeedsAPageOptionalCanBeSkipped) {
  identify();
  EXPECT_TRUE(m_flow.can_scan());
  EXPECT_FALSE(m_flow.capture_next()) << "the passport is mandatory";
  ASSERT_TRUE(m_flow.page_captured(page()));
  ASSERT_TRUE(m_flow.page_captured(page()));
  ASSERT_TRUE(m_flow.page_captured(page()));  // a spare page (a back side) is allowed
  EXPECT_FALSE(m_flow.can_scan()) << "2 pages asked for, 1 spare: no fourth";
  ASSERT_TRUE(m_flow.retake());
  EXPECT_EQ(m_flow.state().documents[0].pages.size(), 2u);
  ASSERT_TRUE(m_flow.capture_next());
  EXPECT_EQ(m_flow.state().document_index, 1u);
  ASSERT_TRUE(m_flow.capture_next()) << "the photo is optional";
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Review);
}

TEST_F(Flow, SubmitNeedsConsentAndTheCodeComesOnlyFromTheStore) {
  identify();
  m_flow.page_captured(page());
  m_flow.capture_next();
  m_flow.capture_next();
  EXPECT_FALSE(m_flow.submit_requested()) << "no consent yet";
  ASSERT_TRUE(m_flow.set_consent(true));
  ASSERT_TRUE(m_flow.submit_requested());
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Review)
      << "nothing is shown as saved before the store commits";
  ASSERT_TRUE(m_flow.submit_failed("disk full"));
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Review);
  pk::kiosk::SavedOutcome outcome;
  outcome.tracking_display = "1000-1000-0001-23";
  ASSERT_TRUE(m_flow.saved(outcome));
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Saved);
  EXPECT_TRUE(m_flow.state().documents[0].pages[0].bytes.empty()) << "the clear page left memory at save";
}

TEST_F(Flow, StatusCheckVerifiesCheckDigitsBeforeLookup) {
  ASSERT_TRUE(m_flow.open_status_check());
  m_flow.set_field_text(Field::TrackingCode, "1234");
  EXPECT_FALSE(m_flow.status_lookup_requested());
  EXPECT_FALSE(m_flow.state().tracking_error.empty());
}

TEST_F(Flow, FailureReportNeedsAProblemAndAValidOptionalMobile) {
  ASSERT_TRUE(m_flow.open_failure_report());
  EXPECT_FALSE(m_flow.choose_report_service(42));
  ASSERT_TRUE(m_flow.choose_report_service(0));
  EXPECT_FALSE(m_flow.report_submit_requested()) << "no problem chosen";
  ASSERT_TRUE(m_flow.choose_problem(pk::kiosk::ProblemKind::DeviceFault));
  EXPECT_TRUE(m_flow.report_submit_requested()) << "the mobile number is optional";
  m_flow.set_field_text(Field::Mobile, "12");
  EXPECT_FALSE(m_flow.report_submit_requested());
  EXPECT_FALSE(m_flow.state().report.mobile_error.empty());
}

TEST_F(Flow, IdleAsksForMoreTimeThenWipes) {
  m_flow.touched(100);
  identify();
  m_flow.page_captured(page());
  EXPECT_FALSE(m_flow.tick(159));
  EXPECT_FALSE(m_flow.state().more_time_dialog);
  EXPECT_FALSE(m_flow.tick(160));
  ASSERT_TRUE(m_flow.state().more_time_dialog) << "after 60 s of quiet";
  EXPECT_GE(m_flow.state().more_time_deadline - 160, 20) << "at least 20 s to answer";
  ASSERT_TRUE(m_flow.more_time(170));
  EXPECT_FALSE(m_flow.state().more_time_dialog);
  EXPECT_FALSE(m_flow.tick(229));
  EXPECT_FALSE(m_flow.tick(230));
  ASSERT_TRUE(m_flow.state().more_time_dialog);
  EXPECT_FALSE(m_flow.tick(259));
  ASSERT_TRUE(m_flow.tick(260)) << "no answer: the session ends";
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Welcome);
  EXPECT_TRUE(m_flow.state().identity.number.empty());
  EXPECT_TRUE(m_flow.state().identity.number_normalised.empty());
  EXPECT_TRUE(m_flow.state().documents.empty());
}

TEST_F(Flow, WelcomeScreenNeverTimesOut) {
  EXPECT_FALSE(m_flow.tick(10'000));
  EXPECT_FALSE(m_flow.state().more_time_dialog);
}

TEST_F(Flow, HomeWipesAndRestoresTheDefaultLanguage) {
  identify();
  m_flow.choose_language(Language::English);
  m_flow.home();
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Welcome);
  EXPECT_EQ(m_flow.language(), Language::Persian);
  EXPECT_TRUE(m_flow.state().identity.mobile.empty());
}

TEST_F(Flow, BackPutsTheKeyboardAwayFirst) {
  m_flow.start();
  ASSERT_TRUE(m_flow.focus(Field::Search));
  EXPECT_FALSE(m_flow.focus(Field::IdNumber)) << "no such field on this screen";
  ASSERT_TRUE(m_flow.back());
  EXPECT_FALSE(m_flow.state().keyboard_open);
  EXPECT_EQ(m_flow.state().screen, CitizenScreen::Browse);
}
