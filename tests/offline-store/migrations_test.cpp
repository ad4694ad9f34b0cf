// Opening, migrating and refusing files: what happens before any application is saved.
#include <gtest/gtest.h>

#include <fstream>

#include "base/database.h"
#include "offline-store/migrations.h"
#include "offline-store/store.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::store {
namespace {

using test::TempDir;

int64_t query(const std::filesystem::path& file, const char* sql) {
  auto db = Database::open(file, OpenOptions{});
  EXPECT_TRUE(db) << db.error().message;
  auto value = db->query_int64(sql);
  EXPECT_TRUE(value) << value.error().message;
  return value ? *value : -1;
}

TEST(StoreMigrations, CreatesLatestSchemaInAnEmptyDirectory) {
  TempDir dir("migrate-empty");
  const auto file = dir.file("store.db");
  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest_schema_version());
  store->reset();

  EXPECT_EQ(query(file, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(query(file, "PRAGMA application_id"), kApplicationId);
  for (const char* table : {"applications", "documents", "outbox", "audit_log", "sequences"}) {
    const std::string sql =
        std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") + table + "'";
    EXPECT_EQ(query(file, sql.c_str()), 1) << table;
  }
  EXPECT_EQ(query(file, "SELECT value FROM sequences WHERE name = 'tracking'"), 0);
}

TEST(StoreMigrations, AcceptsAnEmptyFileCreatedBySomeoneElse) {
  TempDir dir("migrate-zero-bytes");
  const auto file = dir.file("store.db");
  std::ofstream(file).close();
  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest_schema_version());
}

TEST(StoreMigrations, ConnectionsUseWalFullSyncAndForeignKeys) {
  TempDir dir("migrate-pragmas");
  const auto file = dir.file("store.db");
  ASSERT_TRUE(Store::open(file));
  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_EQ(*db->query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*db->query_int64("PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(*db->query_int64("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(*db->query_int64("PRAGMA busy_timeout"), 5000);
}

TEST(StoreMigrations, ReopenKeepsData) {
  TempDir dir("migrate-reopen");
  const auto file = dir.file("store.db");
  std::string code;
  {
    auto store = Store::open(file);
    ASSERT_TRUE(store) << store.error().message;
    auto saved = (*store)->save_application(test::sample_application(1, 1000), test::tracking_code_for);
    ASSERT_TRUE(saved) << saved.error().message;
    code = saved->tracking_code;
  }
  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest_schema_version());
  auto found = (*store)->find_by_tracking_code(code);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->documents.size(), 1u);
}

TEST(StoreMigrations, RefusesANewerSchemaWithoutTouchingTheFile) {
  TempDir dir("migrate-newer");
  const auto file = dir.file("store.db");
  ASSERT_TRUE(Store::open(file));
  const int newer = latest_schema_version() + 7;
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA user_version = " + std::to_string(newer)));
    // Fold the WAL into the main file, so the hash below covers every byte of the store.
    ASSERT_TRUE(db->exec("PRAGMA journal_mode = DELETE"));
  }
  ASSERT_FALSE(std::filesystem::exists(file.string() + "-wal"));
  const std::string before = test::sha256_hex_of_file(file);
  const auto size_before = std::filesystem::file_size(file);
  const auto mtime_before = std::filesystem::last_write_time(file);

  auto store = Store::open(file);
  ASSERT_FALSE(store);
  const std::string& message = store.error().message;
  EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  EXPECT_NE(message.find("schema version " + std::to_string(newer)), std::string::npos) << message;
  EXPECT_NE(message.find("up to version " + std::to_string(latest_schema_version())), std::string::npos)
      << message;
  EXPECT_NE(message.find("not modified"), std::string::npos) << message;

  EXPECT_EQ(test::sha256_hex_of_file(file), before);
  EXPECT_EQ(std::filesystem::file_size(file), size_before);
  EXPECT_EQ(std::filesystem::last_write_time(file), mtime_before);
  // Still in rollback-journal mode: nothing switched it to WAL either.
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
}

TEST(StoreMigrations, RefusesAForeignApplicationId) {
  TempDir dir("migrate-foreign");
  const auto file = dir.file("other.db");
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB); PRAGMA application_id = 1234"));
  }
  const std::string before = test::sha256_hex_of_file(file);
  auto store = Store::open(file);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("not a Pishkhan offline store"), std::string::npos)
      << store.error().message;
  EXPECT_NE(store.error().message.find("0x000004D2"), std::string::npos) << store.error().message;
  EXPECT_EQ(test::sha256_hex_of_file(file), before);
  EXPECT_EQ(query(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'applications'"), 0);
}

TEST(StoreMigrations, RefusesAnUnmarkedDatabaseThatHasTables) {
  TempDir dir("migrate-unmarked");
  const auto file = dir.file("other.db");
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE contacts (name TEXT)"));
  }
  auto store = Store::open(file);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("not a Pishkhan offline store"), std::string::npos)
      << store.error().message;
}

// Writes garbage over whole pages of the file, as a failing flash card might.
void scribble(const std::filesystem::path& file, int64_t first_page, int64_t pages, int64_t page_size) {
  std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
  ASSERT_TRUE(out);
  const auto garbage = test::random_page(static_cast<size_t>(pages * page_size));
  out.seekp(first_page * page_size);
  out.write(reinterpret_cast<const char*>(garbage.data()), static_cast<std::streamsize>(garbage.size()));
}

std::filesystem::path make_store_with_data(const TempDir& dir) {
  const auto file = dir.file("store.db");
  {
    auto store = Store::open(file);
    EXPECT_TRUE(store);
    for (int i = 0; i < 20; ++i) {
      EXPECT_TRUE((*store)->save_application(test::sample_application(2, 3000), test::tracking_code_for));
    }
  }
  // Closing the last connection checkpoints the WAL into the main file and removes it.
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
  return file;
}

TEST(StoreMigrations, RefusesACorruptFileWithAClearMessage) {
  TempDir dir("migrate-corrupt");
  const auto file = make_store_with_data(dir);
  const int64_t page_size = query(file, "PRAGMA page_size");
  const int64_t page_count = query(file, "PRAGMA page_count");
  ASSERT_GT(page_count, 6);
  scribble(file, 1, 4, page_size);  // pages 2..5: schema-referenced b-tree pages
  const std::string before = test::sha256_hex_of_file(file);

  auto store = Store::open(file);
  ASSERT_FALSE(store);
  const std::string& message = store.error().message;
  EXPECT_NE(message.find(file.string()), std::string::npos) << message;
  EXPECT_NE(message.find("corrupt"), std::string::npos) << message;
  EXPECT_EQ(test::sha256_hex_of_file(file), before);
}

TEST(StoreMigrations, RefusesAFileWhoseHeaderIsGarbage) {
  TempDir dir("migrate-garbage-header");
  const auto file = make_store_with_data(dir);
  const int64_t page_size = query(file, "PRAGMA page_size");
  scribble(file, 0, 1, page_size);
  auto store = Store::open(file);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find(file.string()), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("not a"), std::string::npos) << store.error().message;
}

// A terminal in the field still on schema v2 (the ledger's tables, no centre statuses): the
// firmware that knows v3 migrates it in place and keeps everything it held.
TEST(StoreMigrations, MigratesAVersion2FileToVersion3KeepingItsData) {
  TempDir dir("migrate-v2");
  const auto file = dir.file("store.db");
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db) << db.error().message;
    for (const Migration& step : migrations()) {
      if (step.version > 2) break;
      ASSERT_TRUE(db->exec(step.sql)) << step.description;
    }
    ASSERT_TRUE(db->exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    ASSERT_TRUE(db->exec("PRAGMA user_version = 2"));
    ASSERT_TRUE(db->exec(
        "INSERT INTO applications (tracking_code, tracking_sequence, kind, service_number, channel, terminal_id,"
        " created_at_unix, created_monotonic_ms, state, sealed_personal)"
        " VALUES ('KSK7-1', 1, 'application', 3, 'kiosk', 'KSK7', 1700000000, 5, 'sent', x'00');"
        "INSERT INTO outbox (application_id, idempotency_key, created_at_unix, next_attempt_at_unix,"
        " delivered_at_unix) VALUES (1, '0123456789abcdef0123456789abcdef', 1700000000, 0, 1700000100);"
        "INSERT INTO heartbeats (boot_id, started_wall_unix, started_monotonic_ms, last_wall_unix,"
        " last_monotonic_ms) VALUES ('b', 1700000000, 0, 1700000600, 600000);"
        "INSERT INTO outages (cause, services, run_id, boot_id, started_wall_unix, started_monotonic_ms,"
        " ended_wall_unix, duration_ms, end_kind) VALUES"
        " ('printer_down', 'all', 1, 'b', 1700000100, 100000, 1700000200, 100000, 'observed');"));
  }
  EXPECT_EQ(query(file, "PRAGMA user_version"), 2);

  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest_schema_version());
  auto found = (*store)->find_by_tracking_code("KSK7-1");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->state, ApplicationState::Sent);
  EXPECT_FALSE((*found)->centre_status.has_value());  // not heard from the centre yet
  // The delivered capture is now asked about, and what the centre says is kept.
  auto to_poll = (*store)->centre_statuses_to_poll(10, 0);
  ASSERT_TRUE(to_poll) << to_poll.error().message;
  EXPECT_EQ(*to_poll, std::vector<std::string>{"KSK7-1"});
  ASSERT_TRUE((*store)->record_centre_status("KSK7-1", CentreStatus::Approved, 1700001000));
  EXPECT_EQ((*(*store)->find_by_tracking_code("KSK7-1"))->centre_status, CentreStatus::Approved);
  store->reset();

  EXPECT_EQ(query(file, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(query(file, "SELECT count(*) FROM outages"), 1);
  EXPECT_EQ(query(file, "SELECT count(*) FROM heartbeats"), 1);
  EXPECT_EQ(query(file, "SELECT count(*) FROM ledger_acks"), 0);
  // The schema itself refuses a centre status that moves back.
  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db);
  EXPECT_FALSE(db->exec("UPDATE applications SET centre_status = 'received' WHERE id = 1"));
  EXPECT_FALSE(db->exec("UPDATE applications SET centre_status = 'sent' WHERE id = 1"));
}

// A terminal on schema v3 with statuses heard from the centre: v4 replaces the status column
// (its CHECK gains documents_requested and resolved) and adds the decision, keeping every status,
// the time it was heard and the polling order, and the rules that make a step back impossible.
TEST(StoreMigrations, MigratesAVersion3FileToVersion4KeepingItsStatuses) {
  TempDir dir("migrate-v3");
  const auto file = dir.file("store.db");
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db) << db.error().message;
    for (const Migration& step : migrations()) {
      if (step.version > 3) break;
      ASSERT_TRUE(db->exec(step.sql)) << step.description;
    }
    ASSERT_TRUE(db->exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    ASSERT_TRUE(db->exec("PRAGMA user_version = 3"));
    for (int i = 1; i <= 3; ++i) {
      const std::string n = std::to_string(i);
      ASSERT_TRUE(db->exec(
          "INSERT INTO applications (tracking_code, tracking_sequence, kind, service_number, channel, terminal_id,"
          " created_at_unix, created_monotonic_ms, state, sealed_personal) VALUES ('KSK7-" +
          n + "', " + n +
          ", 'application', 3, 'kiosk', 'KSK7', 1700000000, 5, 'purged', x'00');"
          "INSERT INTO documents (application_id, doc_kind, page_no, mime, byte_size, sha256) VALUES (" +
          n +
          ", 'passport', 1, 'image/jpeg', 10, zeroblob(32));"
          "INSERT INTO outbox (application_id, idempotency_key, created_at_unix, next_attempt_at_unix,"
          " delivered_at_unix) VALUES (" +
          n + ", '" + std::string(31, '0') + n + "', 1700000000, 0, 1700000100);"));
    }
    ASSERT_TRUE(
        db->exec("UPDATE applications SET centre_status = 'in_review', centre_status_at_unix = 1700000200,"
                 " centre_checked_at_unix = 1700000300 WHERE id = 1;"
                 "UPDATE applications SET centre_status = 'rejected', centre_status_at_unix = 1700000250,"
                 " centre_checked_at_unix = 1700000250 WHERE id = 2;"));
  }

  auto store = Store::open(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), 4);
  auto first = (*store)->find_by_tracking_code("KSK7-1");
  ASSERT_TRUE(first && first->has_value());
  EXPECT_EQ((*first)->centre_status, CentreStatus::InReview);
  EXPECT_EQ((*first)->centre_status_at_unix, 1700000200);
  EXPECT_FALSE((*first)->centre_decision.has_value());
  EXPECT_EQ((*first)->documents.size(), 1u) << "the documents' rows (and their hashes) stay";
  EXPECT_EQ((*(*store)->find_by_tracking_code("KSK7-2"))->centre_status, CentreStatus::Rejected);
  EXPECT_FALSE((*(*store)->find_by_tracking_code("KSK7-3"))->centre_status.has_value());
  // The final one is not asked about; never asked comes before asked.
  auto to_poll = (*store)->centre_statuses_to_poll(10, 0);
  ASSERT_TRUE(to_poll) << to_poll.error().message;
  EXPECT_EQ(*to_poll, (std::vector<std::string>{"KSK7-3", "KSK7-1"}));
  // The new words and a decision are stored.
  const CentreDecision asked{"Bring the original passport.", "", 1700000400};
  ASSERT_TRUE((*store)->record_centre_status("KSK7-1", CentreStatus::DocumentsRequested, 1700000500, asked));
  EXPECT_EQ((*(*store)->find_by_tracking_code("KSK7-1"))->centre_decision, asked);
  ASSERT_TRUE((*store)->record_centre_status("KSK7-3", CentreStatus::Received, 1700000500));
  store->reset();

  EXPECT_EQ(query(file, "PRAGMA user_version"), 4);
  EXPECT_EQ(query(file, "SELECT count(*) FROM applications"), 3);
  EXPECT_EQ(query(file, "SELECT count(*) FROM documents"), 3);
  EXPECT_EQ(query(file, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(query(file,
                  "SELECT count(*) FROM sqlite_schema WHERE name IN ('applications_centre_not_final',"
                  " 'applications_centre_status_forward_only', 'applications_centre_decision_forward_only')"),
            3);
  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db);
  EXPECT_FALSE(db->exec("UPDATE applications SET centre_status = 'received' WHERE id = 1"));
  EXPECT_FALSE(db->exec("UPDATE applications SET centre_status = 'approved' WHERE id = 2"));
  EXPECT_FALSE(db->exec("UPDATE applications SET centre_status = 'sent' WHERE id = 3"));
}

}  // namespace
}  // namespace pk::store
