#include "offline-store/migrations.h"

#include <array>
#include <cstdio>
#include <string>
#include <system_error>

#include "offline-store/schema_v1.h"
#include "offline-store/schema_v2.h"
#include "offline-store/schema_v3.h"
#include "offline-store/schema_v4.h"

namespace pk::store {
namespace {

constexpr std::array kMigrations = {
    Migration{1, "offline store v1: applications, documents, outbox, audit_log, sequences", kSchemaV1},
    Migration{2, "service-level ledger: heartbeats, outages, outage_notices, clock_events", kSchemaV2},
    Migration{3, "centre statuses of captures, centre acknowledgements of ledger rows", kSchemaV3},
    Migration{4, "the back office's decisions: documents requested, resolved, the decision's note and credit",
              kSchemaV4},
};

constexpr bool versions_are_contiguous() {
  for (size_t i = 0; i < kMigrations.size(); ++i) {
    if (kMigrations[i].version != static_cast<int>(i) + 1) return false;
  }
  return true;
}
static_assert(versions_are_contiguous(), "migrations must be numbered 1, 2, 3... in order");

std::string hex32(int64_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(static_cast<uint32_t>(value)));
  return text;
}

Error refuse(const std::filesystem::path& file, const std::string& why) {
  return make_error("offline store " + file.string() + ": " + why + "; the file was not modified");
}

Result<void> run_quick_check(Database& db) {
  auto stmt = db.prepare("PRAGMA quick_check(5)");
  if (!stmt) return stmt.error();
  std::string problems;
  for (;;) {
    auto stepped = stmt->step();
    if (!stepped) return refuse(db.path(), "the file is corrupt (" + stepped.error().message + ")");
    if (*stepped == StepResult::Done) break;
    const std::string line = stmt->column_text(0);
    if (line == "ok") return {};
    if (!problems.empty()) problems += "; ";
    problems += line;
  }
  return refuse(db.path(), "the file is corrupt, PRAGMA quick_check reported: " + problems);
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

Result<void> check_existing_file(const std::filesystem::path& file, const OpenOptions& options) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size == 0) return {};  // Nothing there yet: migrate() creates it.

  OpenOptions read_only = options;
  read_only.mode = OpenMode::ReadOnly;
  auto db = Database::open(file, read_only);
  if (!db) return refuse(file, "cannot be opened (" + db.error().message + ")");

  auto application_id = db->query_int64("PRAGMA application_id");
  if (!application_id) {
    return refuse(file, "is not a readable SQLite database (" + application_id.error().message + ")");
  }
  auto user_version = db->query_int64("PRAGMA user_version");
  if (!user_version) return refuse(file, "its version cannot be read (" + user_version.error().message + ")");

  if (*application_id != kApplicationId) {
    auto tables = db->query_int64("SELECT count(*) FROM sqlite_schema");
    if (!tables) return refuse(file, "is not a readable SQLite database (" + tables.error().message + ")");
    // A database with no id, no version and no tables is an empty SQLite file: ours to fill.
    const bool empty = *application_id == 0 && *user_version == 0 && *tables == 0;
    if (!empty) {
      return refuse(file, "is not a Pishkhan offline store (its application_id is " + hex32(*application_id) +
                              ", a Pishkhan store has " + hex32(kApplicationId) + ")");
    }
  }
  if (*user_version > latest_schema_version()) {
    return refuse(file, "was written by a newer Pishkhan firmware (schema version " +
                            std::to_string(*user_version) + ", this firmware knows up to version " +
                            std::to_string(latest_schema_version()) + "); update the firmware to use it");
  }
  if (*user_version < 0)
    return refuse(file, "has an invalid schema version " + std::to_string(*user_version));
  return run_quick_check(*db);
}

Result<int> migrate(Database& db) {
  auto current = db.query_int64("PRAGMA user_version");
  if (!current) return current.error();
  int version = static_cast<int>(*current);
  for (const Migration& step : kMigrations) {
    if (step.version <= version) continue;
    auto transaction = Transaction::begin(db);
    if (!transaction) return transaction.error();
    // Re-read inside the write lock: another process may have migrated meanwhile.
    auto locked_version = db.query_int64("PRAGMA user_version");
    if (!locked_version) return locked_version.error();
    if (*locked_version >= step.version) {
      version = static_cast<int>(*locked_version);
      continue;
    }
    const auto failed = [&](const Error& error) {
      return make_error("migrating " + db.path().string() + " to schema version " +
                        std::to_string(step.version) + " (" + std::string(step.description) +
                        ") failed, the file stays at version " + std::to_string(version) + ": " +
                        error.message);
    };
    if (auto applied = db.exec(step.sql); !applied) return failed(applied.error());
    // PRAGMA takes no bound parameters; both values are integers we control.
    if (auto id = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !id)
      return failed(id.error());
    if (auto bumped = db.exec("PRAGMA user_version = " + std::to_string(step.version)); !bumped) {
      return failed(bumped.error());
    }
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    version = step.version;
  }
  return version;
}

}  // namespace pk::store
