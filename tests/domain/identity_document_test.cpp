// Which document the identification step starts on, for the shipped catalog's services.
#include "domain/identity_document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace pk::identity {
namespace {

catalog::Catalog shipped() {
  std::ifstream in(PK_SOURCE_DATA_DIR "/catalog.json", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto parsed = catalog::parse_catalog(buffer.str(), "data/catalog.json");
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(parsed).value() : catalog::Catalog{};
}

TEST(DefaultIdKind, ForeignNationalsServicesStartOnTheirOwnDocuments) {
  const catalog::Catalog catalog = shipped();
  ASSERT_EQ(catalog.services.size(), 23u);
  int national_code = 0;
  for (const catalog::Service& s : catalog.services) {
    if (default_id_kind(s) == IdKind::NationalCode) {
      ++national_code;
      EXPECT_EQ(s.number, 20) << "only the inspection centre's complaints service is for Iranians";
    }
  }
  EXPECT_EQ(national_code, 1);
  EXPECT_EQ(default_id_kind(*catalog.find(3)), IdKind::AmayeshCard);   // residence documents
  EXPECT_EQ(default_id_kind(*catalog.find(1)), IdKind::Passport);      // its first document
  EXPECT_EQ(default_id_kind(*catalog.find(23)), IdKind::AmayeshCard);  // no card named: the office
}

TEST(DefaultIdKind, TheFirstIdentityCardNamedWins) {
  catalog::Service s;
  s.office_id = "B";
  EXPECT_EQ(default_id_kind(s), IdKind::NationalCode);
  const catalog::LocalText title{"مدرک", "document"};
  s.documents.push_back({"photo", title, 1, true});
  s.documents.push_back({"passport", title, 1, true});
  s.documents.push_back({"amayesh_card", title, 1, true});
  EXPECT_EQ(default_id_kind(s), IdKind::Passport);
  s.documents.erase(s.documents.begin() + 1);
  EXPECT_EQ(default_id_kind(s), IdKind::AmayeshCard);
}

}  // namespace
}  // namespace pk::identity
