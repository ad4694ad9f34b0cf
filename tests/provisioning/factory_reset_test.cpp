// Factory reset on a real data folder: refused while captures wait for the centre, allowed
// with the explicit override for exactly the count shown, and afterwards no key, capture or
// store byte is left — checked by walking the folder, and through hard links made beforehand
// that still see the wiped files' old blocks (so an unlink without overwrite would fail).
#include "provisioning/factory_reset.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "capture_fixture.h"

namespace fs = std::filesystem;
using namespace pk::provisioning;

namespace {

using pk::provisioning::test::read_file;

class FactoryReset : public ::testing::Test {
 protected:
  void SetUp() override {
    m_root = fs::path(PK_TEST_BINARY_DIR) / ("factory_reset_" + std::to_string(::getpid()));
    fs::remove_all(m_root);
    m_data = m_root / "var";
    fs::create_directories(m_data / "keys");
    fs::create_directories(m_data / "captures" / "session-1");
    fs::create_directories(m_data / "receipts");
    fs::create_directories(m_root / "witness");
    std::ofstream(m_data / "keys" / "terminal.key") << "-----BEGIN PRIVATE KEY-----\nTERMINALKEYMATERIAL\n";
    std::ofstream(m_data / "keys" / "centre-seal.pub") << "centre public key";
    std::ofstream(m_data / "captures" / "session-1" / "page-1.raw")
        << "CLEAR-PAGE " << test::citizens()[0].national_id;
    std::ofstream(m_data / "receipts" / "job-0001.bin") << "receipt for " << test::citizens()[1].name;
    fs::create_symlink("/etc/hostname", m_data / "link-outside");  // removed, never followed
    ASSERT_TRUE(pk::store::init_sodium());
    auto keys = pk::store::generate_key_pair();
    ASSERT_TRUE(keys);
    auto store = pk::store::Store::open(m_data / "pishkhan.db");
    ASSERT_TRUE(store) << store.error().message;
    m_store = std::move(store.value());
    m_codes = test::save_captures(*m_store, keys->public_key, 1'790'000'000);
    ASSERT_EQ(m_codes.size(), 2U);
    auto record = m_store->find_by_tracking_code(m_codes[0]);
    ASSERT_TRUE(record && *record);
    // 24 bytes from the middle of a sealed capture: what must not survive on disk.
    const auto& sealed = (*record)->sealed_personal;
    m_sealed_slice.assign(sealed.begin() + 40, sealed.begin() + 64);
  }
  void TearDown() override {
    m_store.reset();
    fs::remove_all(m_root);
  }

  void make_witnesses() {
    // Hard links share the inode: they see whatever happens to the file's bytes.
    fs::create_hard_link(m_data / "captures" / "session-1" / "page-1.raw", m_root / "witness" / "page");
    fs::create_hard_link(m_data / "keys" / "terminal.key", m_root / "witness" / "key");
    fs::create_hard_link(m_data / "pishkhan.db", m_root / "witness" / "db");
  }

  void deliver_everything() {
    auto pending = m_store->pending_outbox(100, 1'790'000'000);
    ASSERT_TRUE(pending);
    for (const auto& e : *pending) ASSERT_TRUE(m_store->mark_delivered(e.id, 1'790'000'010));
  }

  fs::path m_root, m_data;
  std::unique_ptr<pk::store::Store> m_store;
  std::vector<std::string> m_codes;
  std::string m_sealed_slice;
};

}  // namespace

TEST_F(FactoryReset, RefusedWhileCapturesWaitForTheCentreAndTheCountIsSaid) {
  auto backlog = reset_backlog(*m_store);
  ASSERT_TRUE(backlog);
  EXPECT_EQ(backlog->unsent, 2);
  auto refused = authorize_factory_reset(*m_store, m_data, {"4321", ResetOverride::None, 0, 1'790'000'100});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("2 capture(s)"), std::string::npos) << refused.error().message;
  // An override for a count that is no longer the count is refused too.
  auto stale = authorize_factory_reset(*m_store, m_data,
                                       {"4321", ResetOverride::LoseUnsentCaptures, 1, 1'790'000'100});
  ASSERT_FALSE(stale);
  // Nothing was touched, and both refusals are in the audit log.
  EXPECT_TRUE(fs::exists(m_data / "keys" / "terminal.key"));
  EXPECT_TRUE(fs::exists(m_data / "captures" / "session-1" / "page-1.raw"));
  int refusals = 0;
  for (const auto& e : m_store->audit_entries(0, 100).value())
    refusals += e.action == "factory_reset_refused";
  EXPECT_EQ(refusals, 2);
}

TEST_F(FactoryReset, OverrideWipesEverythingAndLeavesOnlyTheRecordOfTheLoss) {
  auto plan = authorize_factory_reset(*m_store, m_data,
                                      {"4321", ResetOverride::LoseUnsentCaptures, 2, 1'790'000'100});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_TRUE(plan->overridden);
  make_witnesses();
  m_store.reset();  // every handle on the data folder is closed before the wipe
  auto report = execute_factory_reset(*plan);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_GE(report->files_wiped, 5);  // 2 keys, a page, a receipt, the store

  // Walk the data folder: only the record is left.
  std::vector<fs::path> left;
  for (const auto& e : fs::recursive_directory_iterator(m_data)) left.push_back(e.path());
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0].filename(), kResetRecordName);
  EXPECT_TRUE(fs::exists("/etc/hostname")) << "a symbolic link is removed, not followed";
  const auto record = nlohmann::json::parse(read_file(left[0]));
  EXPECT_EQ(record["unsent_captures_lost"], 2);
  EXPECT_EQ(record["technician"], "4321");
  EXPECT_TRUE(record["override"].get<bool>());
  EXPECT_EQ(record["lost_tracking_codes"].size(), 2U);

  // The old blocks themselves were overwritten, not just unlinked: the hard links see noise.
  EXPECT_EQ(read_file(m_root / "witness" / "page").find(test::citizens()[0].national_id), std::string::npos);
  EXPECT_EQ(read_file(m_root / "witness" / "key").find("TERMINALKEYMATERIAL"), std::string::npos);
  const std::string db = read_file(m_root / "witness" / "db");
  EXPECT_GT(db.size(), 4096U);
  EXPECT_EQ(db.find("SQLite format 3"), std::string::npos);
  EXPECT_EQ(db.find(m_sealed_slice), std::string::npos);
  EXPECT_EQ(db.find(m_codes[0]), std::string::npos);
  // And no remaining file anywhere under the test's folder holds a capture's value.
  for (const auto& e : fs::recursive_directory_iterator(m_root)) {
    if (!e.is_regular_file()) continue;
    const std::string bytes = read_file(e.path());
    for (const test::Citizen& c : test::citizens()) {
      EXPECT_EQ(bytes.find(c.national_id), std::string::npos) << e.path();
      EXPECT_EQ(bytes.find(c.name), std::string::npos) << e.path();
    }
    EXPECT_EQ(bytes.find(m_sealed_slice), std::string::npos) << e.path();
  }
}

TEST_F(FactoryReset, AllowedWithoutOverrideOnceEverythingReachedTheCentre) {
  deliver_everything();
  auto plan = authorize_factory_reset(*m_store, m_data, {"4321", ResetOverride::None, 0, 1'790'000'100});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_FALSE(plan->overridden);
  EXPECT_EQ(plan->lost.unsent, 0);
  m_store.reset();
  auto report = execute_factory_reset(*plan);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(fs::exists(m_data / "keys"));
  EXPECT_FALSE(fs::exists(m_data / "pishkhan.db"));
  EXPECT_FALSE(fs::exists(m_data / "captures"));
  // The store comes back empty: first boot.
  auto fresh = pk::store::Store::open(m_data / "pishkhan.db");
  ASSERT_TRUE(fresh);
  EXPECT_EQ((*fresh)->stats(0)->pending_outbox, 0);
  EXPECT_FALSE((*fresh)->find_by_tracking_code(m_codes[0]).value());
}

TEST_F(FactoryReset, RefusesToWipeSomethingThatIsNotADataFolder) {
  ResetPlan plan;
  plan.data_dir = "/";
  EXPECT_FALSE(execute_factory_reset(plan));
  plan.data_dir = m_root / "absent";
  EXPECT_FALSE(execute_factory_reset(plan));
}
