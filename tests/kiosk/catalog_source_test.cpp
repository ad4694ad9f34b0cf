#include "kiosk/catalog_source.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string shipped_catalog() {
  std::ifstream in(std::string(PK_SOURCE_DATA_DIR) + "/catalog.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string with_version(std::string text, int version) {
  return std::regex_replace(text, std::regex("\"version\"\\s*:\\s*\\d+"),
                            "\"version\": " + std::to_string(version),
                            std::regex_constants::format_first_only);
}

class CatalogSource : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("catalog_source_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(m_dir / name) << text;
    return m_dir / name;
  }
  fs::path last_good() const { return m_dir / "state" / "last-good.json"; }
  fs::path m_dir;
};

}  // namespace

TEST_F(CatalogSource, ValidCandidateIsAppliedAndKeptAsLastGood) {
  auto loaded =
      pk::kiosk::load_catalog(write("offered.json", with_version(shipped_catalog(), 5)), last_good());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->catalog.version, 5);
  EXPECT_EQ(loaded->catalog.services.size(), 23u);
  EXPECT_TRUE(loaded->refusals.empty());
  ASSERT_TRUE(fs::exists(last_good()));
}

TEST_F(CatalogSource, MalformedCandidateIsRefusedAndLastGoodKept) {
  ASSERT_TRUE(pk::kiosk::load_catalog(write("v5.json", with_version(shipped_catalog(), 5)), last_good()));
  auto loaded =
      pk::kiosk::load_catalog(write("broken.json", "{\"version\": 6, \"services\": ["), last_good());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->catalog.version, 5);
  EXPECT_EQ(loaded->from, last_good());
  ASSERT_EQ(loaded->refusals.size(), 1u);
  EXPECT_NE(loaded->refusals[0].find("broken.json"), std::string::npos) << loaded->refusals[0];
}

TEST_F(CatalogSource, OlderCandidateDoesNotReplaceANewerCatalog) {
  ASSERT_TRUE(pk::kiosk::load_catalog(write("v7.json", with_version(shipped_catalog(), 7)), last_good()));
  auto loaded = pk::kiosk::load_catalog(write("v3.json", with_version(shipped_catalog(), 3)), last_good());
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->catalog.version, 7);
  ASSERT_EQ(loaded->refusals.size(), 1u);
  EXPECT_NE(loaded->refusals[0].find("older"), std::string::npos);
}

TEST_F(CatalogSource, NothingUsableIsAnErrorNamingTheFile) {
  auto loaded = pk::kiosk::load_catalog(write("bad.json", "not json"), last_good());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("bad.json"), std::string::npos) << loaded.error().message;
  EXPECT_FALSE(fs::exists(last_good())) << "a refused catalog never becomes the last good one";
}
