// The centre's keys (centre/centre_keys.h): made once, 0600 in a 0700 folder whatever the
// umask, written atomically, and never silently made again: a missing, empty or different key
// on a folder that has had keys is a refusal to start that says to restore the backup.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "centre/centre_keys.h"
#include "centre/centre_server.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::centre {
namespace {

using store::test::TempDir;

std::filesystem::perms mode_of(const std::filesystem::path& path) {
  return std::filesystem::status(path).permissions() & std::filesystem::perms::all;
}

// Under the most permissive umask: the modes come from the code, not the environment.
class CentreKeysTest : public ::testing::Test {
 protected:
  void SetUp() override { m_umask = ::umask(0); }
  void TearDown() override { ::umask(m_umask); }
  TempDir m_dir{"centre-keys"};
  std::filesystem::path m_data = m_dir.path() / "centre";
  mode_t m_umask = 022;
};

constexpr auto kOwnerOnly = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;

TEST_F(CentreKeysTest, MadeOncePrivateAndTheSameOnEveryLaterStart) {
  auto first = open_centre_keys(m_data);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(mode_of(m_data), std::filesystem::perms::owner_all);
  for (const char* file : {"sealing.key", "catalog_signing.key", "keys.json"})
    EXPECT_EQ(mode_of(m_data / file), kOwnerOnly) << file;
  for (const auto& entry : std::filesystem::directory_iterator(m_data)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == ".keys.lock" || !name.starts_with(".")) << "a temporary is left behind: " << name;
  }
  auto again = open_centre_keys(m_data);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->sealing.public_key, first->sealing.public_key);
  EXPECT_EQ(again->signing.public_key(), first->signing.public_key());
}

TEST_F(CentreKeysTest, AnEmptyOrMissingKeyIsARefusalNeverANewKey) {
  ASSERT_TRUE(open_centre_keys(m_data).ok());
  const auto sealing_before = std::filesystem::file_size(m_data / "sealing.key");
  { std::ofstream truncate(m_data / "sealing.key", std::ios::trunc); }  // a torn write of old
  auto empty = open_centre_keys(m_data);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("sealing.key"), std::string::npos) << empty.error().message;
  EXPECT_NE(empty.error().message.find("restore"), std::string::npos) << empty.error().message;
  EXPECT_EQ(std::filesystem::file_size(m_data / "sealing.key"), 0u);  // not replaced

  std::filesystem::remove(m_data / "sealing.key");
  auto missing = open_centre_keys(m_data);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("restore"), std::string::npos) << missing.error().message;
  EXPECT_FALSE(std::filesystem::exists(m_data / "sealing.key"));
  EXPECT_GT(sealing_before, 0u);
}

TEST_F(CentreKeysTest, AKeyFromAnotherCentreIsRefused) {
  TempDir other_dir("centre-keys-other");
  ASSERT_TRUE(open_centre_keys(m_data).ok());
  ASSERT_TRUE(open_centre_keys(other_dir.path()).ok());
  std::filesystem::copy_file(other_dir.path() / "catalog_signing.key", m_data / "catalog_signing.key",
                             std::filesystem::copy_options::overwrite_existing);
  auto swapped = open_centre_keys(m_data);
  ASSERT_FALSE(swapped.ok());
  EXPECT_NE(swapped.error().message.find("not the catalog-signing key this centre made"), std::string::npos)
      << swapped.error().message;
}

TEST_F(CentreKeysTest, AFolderWithDataButNoKeysAtAllIsNotTakenForANewCentre) {
  {
    CentreConfig config;
    config.data_dir = m_data;
    auto centre = CentreServer::start(config);
    ASSERT_TRUE(centre.ok()) << centre.error().message;
  }
  // The folder entries of all three were lost (no folder fsync in an older centre, say).
  for (const char* file : {"sealing.key", "catalog_signing.key", "keys.json"})
    std::filesystem::remove(m_data / file);
  CentreConfig config;
  config.data_dir = m_data;
  auto restarted = CentreServer::start(config);
  ASSERT_FALSE(restarted.ok());
  EXPECT_NE(restarted.error().message.find("holds a centre's data but no keys"), std::string::npos)
      << restarted.error().message;
  EXPECT_FALSE(std::filesystem::exists(m_data / "sealing.key"));
}

}  // namespace
}  // namespace pk::centre
