// The shipped data/catalog.json, checked against the SLA appendix as typed in MISSION.md.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "domain/catalog.h"

namespace pk::catalog {
namespace {

struct Expected {
  int number;
  const char* office;
  const char* fa;
  const char* en;
};

// Typed from the table in MISSION.md, independently of the catalog file.
const Expected kAgreement[] = {
    {1, "A", "اعطای تابعیت، موضوع ماده ۹۷۹ قانون مدنی",
     "granting nationality under article 979 of the Civil Code"},
    {2, "A", "اعطای تابعیت، موضوع ماده واحده تعیین تکلیف فرزندان حاصل از ازدواج مردان خارجی با زنان ایرانی",
     "granting nationality to children of foreign fathers and Iranian mothers (single-article law)"},
    {3, "A", "تمدید و تعویض مدارک اقامتی اتباع خارجی", "extension and replacement of residence documents"},
    {4, "A", "ثبت ازدواج (زن و مرد افغانی)", "marriage registration (Afghan man and woman)"},
    {5, "A", "شناسایی و صدور مجوز اقامت و تردد اتباع خارجی دارای مادر ایرانی",
     "residence and travel permits for foreign nationals with an Iranian mother"},
    {6, "A", "صدور برگه خروج از کشور و معرفی نامه ناجا (خروج و مراجعت)",
     "exit sheet and police referral letter (exit and return)"},
    {7, "A", "صدور برگه مسافرتی", "travel sheet"},
    {8, "A", "صدور مجوز مدارک اقامتی اتباع خارجی", "permit for residence documents"},
    {9, "A", "تبدیل وضعیت اقامتی اتباع خارجی از کارت آمایش به گذرنامه",
     "conversion from Amayesh card to passport"},
    {10, "A", "تجدید کارت شناسایی پناهندگان", "renewal of refugee identity card"},
    {11, "A", "سرشماری مهاجرین غیرقانونی", "census of undocumented migrants"},
    {12, "A", "ابطال مدارک و لغو پناهندگی اتباع خارجی متخلف",
     "cancellation of documents and revocation of refugee status"},
    {13, "A", "بررسی درخواست جابجایی محل سکونت و انتقال پرونده شناسایی (داخل استان-خارج استان)",
     "change of residence and transfer of identification file (within / outside the province)"},
    {14, "A", "ثبت طلاق", "divorce registration"},
    {15, "A", "ثبت فوت و ابطال مدرک متوفیان اتباع خارجی",
     "death registration and cancellation of the deceased's documents"},
    {16, "A", "ثبت و صدور مدرک اقامتی نوزادان اتباع خارجی",
     "registration and residence documents for newborns"},
    {17, "A", "صدور پروانه زناشویی زن ایرانی با مرد خارجی",
     "marriage licence: Iranian woman and foreign man"},
    {18, "A", "صدور مجوز ثبت ازدواج زن و مرد ایرانی با اتباع خارجی",
     "permit to register the marriage of an Iranian with a foreign national"},
    {19, "A", "صدور یا تمدید برگه تردد ۹۰ روزه", "issue or extension of the 90-day travel permit"},
    {20, "B", "رسیدگی و پاسخگویی به شکایات", "handling and answering complaints"},
    {21, "A", "پذیرش، نگهداری و اخراج اتباع خارجی غیر مجاز و متخلف",
     "admission, custody and removal of undocumented or offending foreign nationals"},
    {22, "A", "طرح اربعین", "Arbaeen pilgrimage scheme"},
    {23, "A", "صدور گواهی دانش آموزان مشمول تحصیل فاقد اقامت",
     "certificate for school-age students without residence"},
};

std::string read_shipped() {
  std::ifstream in(PK_SOURCE_DATA_DIR "/catalog.json", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class ShippedCatalog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto result = parse_catalog(read_shipped(), "data/catalog.json");
    ASSERT_TRUE(result.ok()) << result.error().message;
    s_catalog = new Catalog(std::move(result).value());
  }
  static void TearDownTestSuite() {
    delete s_catalog;
    s_catalog = nullptr;
  }
  static const Catalog& catalog() { return *s_catalog; }

 private:
  static inline Catalog* s_catalog = nullptr;
};

TEST_F(ShippedCatalog, HasVersionAndPublicationDate) {
  EXPECT_EQ(catalog().version, 1);
  EXPECT_EQ(catalog().published, "1405-09-04");
  EXPECT_FALSE(catalog().sample_notice.fa.empty());
  EXPECT_FALSE(catalog().sample_notice.en.empty());
}

TEST_F(ShippedCatalog, HasBothOfficesWithTheirNames) {
  ASSERT_EQ(catalog().offices.size(), 2u);
  EXPECT_EQ(catalog().office("A")->name.fa, "دفتر امور اتباع و مهاجرین خارجی");
  EXPECT_EQ(catalog().office("A")->name.en, "Bureau for Foreign Nationals and Immigrants Affairs");
  EXPECT_EQ(catalog().office("B")->name.fa, "مرکز مدیریت عملکرد و بازرسی");
  EXPECT_EQ(catalog().office("B")->name.en, "Performance Management and Inspection Centre");
}

TEST_F(ShippedCatalog, HasExactlyTheServicesOfTheAgreement) {
  ASSERT_EQ(catalog().services.size(), std::size(kAgreement));
  for (const Expected& e : kAgreement) {
    const Service* s = catalog().find(e.number);
    ASSERT_NE(s, nullptr) << e.number;
    EXPECT_EQ(s->office_id, e.office) << e.number;
    EXPECT_EQ(s->title.fa, e.fa) << e.number;
    EXPECT_EQ(s->title.en, e.en) << e.number;
  }
}

TEST_F(ShippedCatalog, StaffInitiatedServicesAreCounterOnly) {
  const std::set<int> counter_only = {11, 12, 21};
  for (const Service& s : catalog().services) {
    EXPECT_TRUE(s.offered_at(Channel::Counter)) << s.number;
    EXPECT_EQ(s.offered_at(Channel::Kiosk), counter_only.count(s.number) == 0) << s.number;
  }
}

TEST_F(ShippedCatalog, EveryServiceCardIsComplete) {
  for (const Service& s : catalog().services) {
    SCOPED_TRACE(s.number);
    EXPECT_GE(s.steps.size(), 2u);
    EXPECT_LE(s.steps.size(), 5u);
    EXPECT_FALSE(s.documents.empty());
    EXPECT_FALSE(s.forms.empty());
    EXPECT_GE(s.handling_days, 1);
    EXPECT_NE(s.credit_policy.fa.find("مراجع ذی‌صلاح"), std::string::npos);
    EXPECT_NE(s.dispute.fa.find("دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی"), std::string::npos);
    for (const RequiredDocument& d : s.documents) {
      EXPECT_FALSE(d.kind.empty());
      EXPECT_GE(d.pages, 1);
    }
  }
}

TEST_F(ShippedCatalog, ValuesTheSeedDoesNotGiveAreMarkedAsSamples) {
  for (const Service& s : catalog().services) {
    SCOPED_TRACE(s.number);
    for (const char* field : {"steps", "documents", "forms", "fee_rials", "approver", "handling_days"}) {
      EXPECT_TRUE(s.is_sample(field)) << field;
    }
    // The title, office and channels come from the agreement itself.
    for (const char* field : {"number", "title", "office_id", "channels"})
      EXPECT_FALSE(s.is_sample(field)) << field;
  }
}

}  // namespace
}  // namespace pk::catalog
