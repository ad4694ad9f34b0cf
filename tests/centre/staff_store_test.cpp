// The back office's staff records on each backend (SQLite, PostgreSQL): accounts, one-time set-up
// links, sessions, and an audit log that only grows, even for someone with a raw connection to the
// database. On PostgreSQL also two instances on one database, as two centre processes: a session
// made by one is valid on the other, and a set-up link raced for is used once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "base/database.h"
#include "tests/centre/backend_fixture.h"

namespace pk::centre::test {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kNow = 1'760'000'000;
constexpr int64_t kDay = 24 * 60 * 60;

StaffAccount account(const std::string& username, StaffRole role, const std::string& office = "") {
  StaffAccount a;
  a.username = username;
  a.display_name = "Display " + username;
  a.role = role;
  a.office = office;
  a.created_unix = kNow;
  return a;
}

class StaffStoreTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    m_staff = open_staff();
    ASSERT_TRUE(m_staff);
  }

  void create(const StaffAccount& a, const std::string& token) {
    auto created = m_staff->create_account(a, token, kNow + 3 * kDay);
    ASSERT_TRUE(created.ok()) << created.error().message;
  }

  std::optional<std::string> owner(const std::string& token, int64_t now = kNow) {
    auto found = m_staff->setup_token_owner(token, now);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found ? *found : std::nullopt;
  }

  std::vector<int64_t> audit_ids(int64_t before_id, int limit) {
    auto entries = m_staff->audit(before_id, limit);
    EXPECT_TRUE(entries.ok()) << (entries.ok() ? "" : entries.error().message);
    std::vector<int64_t> ids;
    if (entries)
      for (const AuditEntry& e : *entries) ids.push_back(e.id);
    return ids;
  }

  std::unique_ptr<StaffStore> m_staff;
};

TEST(StaffRoles, NamesGoBothWays) {
  for (StaffRole role :
       {StaffRole::Inspector, StaffRole::OfficeManager, StaffRole::TechnicianLead, StaffRole::Administrator})
    EXPECT_EQ(staff_role_from(to_string(role)), role);
  EXPECT_EQ(to_string(StaffRole::OfficeManager), "office_manager");
  EXPECT_FALSE(staff_role_from("root"));
  for (AccountState state : {AccountState::AwaitingSetUp, AccountState::Active, AccountState::Disabled})
    EXPECT_EQ(account_state_from(to_string(state)), state);
  EXPECT_EQ(to_string(AccountState::AwaitingSetUp), "awaiting_setup");
  EXPECT_FALSE(account_state_from("locked"));
}

TEST_P(StaffStoreTest, AccountsAreCreatedOnceFoundListedAndUpdated) {
  create(account("zahra", StaffRole::OfficeManager, "A"), "token-z");
  create(account("admin", StaffRole::Administrator), "token-a");
  auto taken = m_staff->create_account(account("zahra", StaffRole::Inspector), "token-other", kNow + kDay);
  ASSERT_FALSE(taken.ok());
  EXPECT_THAT(taken.error().message, HasSubstr("zahra"));
  EXPECT_THAT(taken.error().message, HasSubstr("taken"));

  auto found = m_staff->find_account("zahra");
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->display_name, "Display zahra");
  EXPECT_EQ((*found)->role, StaffRole::OfficeManager);
  EXPECT_EQ((*found)->office, "A");
  EXPECT_EQ((*found)->state, AccountState::AwaitingSetUp);
  EXPECT_EQ((*found)->created_unix, kNow);
  EXPECT_TRUE((*found)->password_hash.empty());
  auto nobody = m_staff->find_account("nobody");
  ASSERT_TRUE(nobody.ok());
  EXPECT_FALSE(*nobody);

  StaffAccount changed = **found;
  changed.state = AccountState::Active;
  changed.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  changed.totp_secret_sealed = "c2VhbGVk";
  changed.failed_logins = 3;
  changed.locked_until_unix = kNow + 900;
  changed.last_totp_step = 58'666'666;
  ASSERT_TRUE(m_staff->update_account(changed).ok());
  auto updated = m_staff->find_account("zahra");
  ASSERT_TRUE(updated.ok() && *updated);
  EXPECT_EQ((*updated)->state, AccountState::Active);
  EXPECT_EQ((*updated)->password_hash, changed.password_hash);
  EXPECT_EQ((*updated)->totp_secret_sealed, "c2VhbGVk");
  EXPECT_EQ((*updated)->failed_logins, 3);
  EXPECT_EQ((*updated)->locked_until_unix, kNow + 900);
  EXPECT_EQ((*updated)->last_totp_step, 58'666'666);
  auto unknown = m_staff->update_account(account("nobody", StaffRole::Inspector));
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error().message, HasSubstr("nobody"));

  auto all = m_staff->accounts();
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].username, "admin");
  EXPECT_EQ((*all)[0].role, StaffRole::Administrator);
  EXPECT_EQ((*all)[1].username, "zahra");
  EXPECT_EQ((*all)[1].state, AccountState::Active);
}

TEST_P(StaffStoreTest, ASetUpLinkIsUsedOnceBeforeItExpiresAndAResetReplacesIt) {
  create(account("zahra", StaffRole::OfficeManager, "A"), "token-1");
  EXPECT_EQ(owner("token-1"), "zahra");
  EXPECT_EQ(owner("token-1", kNow + 3 * kDay), std::nullopt);  // expired
  EXPECT_EQ(owner("no-such-token"), std::nullopt);

  ASSERT_TRUE(m_staff->replace_setup_token("zahra", "token-2", kNow + 3 * kDay).ok());
  EXPECT_EQ(owner("token-1"), std::nullopt);
  EXPECT_EQ(owner("token-2"), "zahra");
  EXPECT_FALSE(m_staff->replace_setup_token("nobody", "token-3", kNow + kDay).ok());

  auto first = m_staff->consume_setup_token("token-2");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(*first);
  auto second = m_staff->consume_setup_token("token-2");
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(owner("token-2"), std::nullopt);
  // A reset after use gives a working link again.
  ASSERT_TRUE(m_staff->replace_setup_token("zahra", "token-4", kNow + 3 * kDay).ok());
  EXPECT_EQ(owner("token-4"), "zahra");
}

TEST_P(StaffStoreTest, SessionsAreFoundTouchedAndEnded) {
  create(account("zahra", StaffRole::OfficeManager, "A"), "token-z");
  create(account("admin", StaffRole::Administrator), "token-a");
  ASSERT_TRUE(m_staff->create_session({"s1", "zahra", "csrf-1", kNow, kNow}).ok());
  ASSERT_TRUE(m_staff->create_session({"s2", "zahra", "csrf-2", kNow, kNow}).ok());
  ASSERT_TRUE(m_staff->create_session({"s3", "admin", "csrf-3", kNow, kNow}).ok());

  auto found = m_staff->find_session("s1");
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->token_sha256, "s1");
  EXPECT_EQ((*found)->username, "zahra");
  EXPECT_EQ((*found)->csrf_token, "csrf-1");
  ASSERT_TRUE(m_staff->touch_session("s1", kNow + 60).ok());
  EXPECT_EQ((*m_staff->find_session("s1"))->last_seen_unix, kNow + 60);
  EXPECT_EQ((*m_staff->find_session("s1"))->created_unix, kNow);

  ASSERT_TRUE(m_staff->remove_session("s1").ok());
  EXPECT_FALSE(*m_staff->find_session("s1"));
  EXPECT_TRUE(*m_staff->find_session("s2"));
  ASSERT_TRUE(m_staff->remove_sessions_of("zahra").ok());
  EXPECT_FALSE(*m_staff->find_session("s2"));
  EXPECT_TRUE(*m_staff->find_session("s3"));
}

TEST_P(StaffStoreTest, TheAuditLogIsReadNewestFirstInPages) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    auto id = m_staff->append_audit({0, kNow + i, "admin", "login", "admin", "{}"});
    ASSERT_TRUE(id.ok()) << id.error().message;
    if (!ids.empty()) {
      EXPECT_GT(*id, ids.back());
    }
    ids.push_back(*id);
  }
  ASSERT_TRUE(m_staff->append_audit({0, kNow + 9, "zahra", "view_personal", "KSK1-1", R"({"page":0})"}).ok());
  auto newest = m_staff->audit(0, 1);
  ASSERT_TRUE(newest.ok()) << newest.error().message;
  ASSERT_EQ(newest->size(), 1u);
  const AuditEntry& entry = newest->front();
  EXPECT_GT(entry.id, ids.back());
  EXPECT_EQ(entry.at_unix, kNow + 9);
  EXPECT_EQ(entry.actor, "zahra");
  EXPECT_EQ(entry.action, "view_personal");
  EXPECT_EQ(entry.subject, "KSK1-1");
  EXPECT_EQ(entry.detail, R"({"page":0})");

  EXPECT_EQ(audit_ids(ids[4] + 1, 2), (std::vector<int64_t>{ids[4], ids[3]}));
  EXPECT_EQ(audit_ids(ids[3], 10), (std::vector<int64_t>{ids[2], ids[1], ids[0]}));
  EXPECT_EQ(audit_ids(ids[0], 10), std::vector<int64_t>{});
}

TEST_P(StaffStoreTest, NoOneCanChangeOrRemoveAnAuditEntry) {
  ASSERT_TRUE(m_staff->append_audit({0, kNow, "admin", "login", "admin", "{}"}).ok());
  // Straight at the database, past the store, as an operator with a SQL prompt would.
  const std::vector<std::string> attempts = {"UPDATE staff_audit SET actor = 'someone else'",
                                             "DELETE FROM staff_audit"};
  if (postgres()) {
    auto raw = pool(1);
    ASSERT_TRUE(raw);
    for (const std::string& sql : attempts) {
      auto changed = raw->execute("tamper", sql, {});
      ASSERT_FALSE(changed.ok()) << sql;
      EXPECT_THAT(changed.error().message, HasSubstr("append-only")) << sql;
    }
    auto truncated = raw->execute("tamper", "TRUNCATE staff_audit", {});
    ASSERT_FALSE(truncated.ok());
    EXPECT_THAT(truncated.error().message, HasSubstr("append-only"));
  } else {
    auto raw = store::Database::open(m_dir.path() / "staff.sqlite", {});
    ASSERT_TRUE(raw.ok()) << raw.error().message;
    for (const std::string& sql : attempts) {
      auto changed = raw->exec(sql);
      ASSERT_FALSE(changed.ok()) << sql;
      EXPECT_THAT(changed.error().message, HasSubstr("append-only")) << sql;
    }
  }
  auto entries = m_staff->audit(0, 10);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().actor, "admin");
}

TEST_P(StaffStoreTest, TwoInstancesShareSessionsAndUseALinkOnce) {
  if (!postgres()) GTEST_SKIP() << "SQLite's records belong to one centre process";
  auto other = open_staff();
  ASSERT_TRUE(other);
  create(account("zahra", StaffRole::OfficeManager, "A"), "token-1");
  ASSERT_TRUE(m_staff->create_session({"s1", "zahra", "csrf-1", kNow, kNow}).ok());
  ASSERT_TRUE(other->touch_session("s1", kNow + 30).ok());
  // A request served late by the first instance does not move the session back.
  ASSERT_TRUE(m_staff->touch_session("s1", kNow + 10).ok());
  EXPECT_EQ((*m_staff->find_session("s1"))->last_seen_unix, kNow + 30);

  std::atomic<int> used{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      StaffStore& store = i % 2 == 0 ? *m_staff : *other;
      auto consumed = store.consume_setup_token("token-1");
      EXPECT_TRUE(consumed.ok()) << (consumed.ok() ? "" : consumed.error().message);
      if (consumed && *consumed) ++used;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(used.load(), 1);
}

TEST_P(StaffStoreTest, FailedSignInsLockAtTheLimitAndACodeStepIsTakenOnce) {
  create(account("reza", StaffRole::Inspector), "token-r");
  for (int i = 1; i < 3; ++i) {
    auto counted = m_staff->record_failed_sign_in("reza", kNow, 3, 900);
    ASSERT_TRUE(counted.ok()) << counted.error().message;
    EXPECT_EQ(counted->failed_logins, i);
    EXPECT_EQ(counted->locked_until_unix, 0);
  }
  auto locked = m_staff->record_failed_sign_in("reza", kNow, 3, 900);
  ASSERT_TRUE(locked.ok());
  EXPECT_EQ(locked->locked_until_unix, kNow + 900);
  EXPECT_EQ(locked->failed_logins, 0);
  EXPECT_FALSE(m_staff->record_failed_sign_in("nobody", kNow, 3, 900).ok());
  // A good sign-in at step 100 clears the lock; step 100 again, or an older one, is refused.
  EXPECT_TRUE(*m_staff->record_sign_in("reza", 100));
  EXPECT_FALSE(*m_staff->record_sign_in("reza", 100));
  EXPECT_FALSE(*m_staff->record_sign_in("reza", 99));
  EXPECT_EQ((*m_staff->find_account("reza"))->locked_until_unix, 0);
  // Racing for one step, from two instances on PostgreSQL (one store on SQLite): one wins.
  auto other = postgres() ? open_staff() : nullptr;
  std::atomic<int> accepted{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      StaffStore& store = other && i % 2 == 1 ? *other : *m_staff;
      auto taken = store.record_sign_in("reza", 101);
      if (taken && *taken) ++accepted;
      // And failures counted from both sides are never lost.
      if (store.record_failed_sign_in("reza", kNow, 100, 900).ok()) ++failures;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ((*m_staff->find_account("reza"))->failed_logins, failures.load());
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffStoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

}  // namespace
}  // namespace pk::centre::test
