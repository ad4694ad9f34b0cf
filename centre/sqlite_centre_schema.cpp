// The embedded centre's SQLite schema (centre.sqlite) and its migrations.
#include "centre/sqlite_centre_schema.h"

#include <string>

namespace pk::centre {
namespace {

using store::Database;
using store::Transaction;

constexpr std::string_view kSchema = R"sql(
-- Each application and upload belongs to the terminal whose certificate created it.
CREATE TABLE IF NOT EXISTS applications (
  tracking_code TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  submission TEXT NOT NULL,
  first_reply TEXT NOT NULL,
  status TEXT NOT NULL,
  UNIQUE (terminal_id, idempotency_key)
);
CREATE TABLE IF NOT EXISTS uploads (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  length INTEGER NOT NULL,
  offset INTEGER NOT NULL DEFAULT 0,
  metadata TEXT NOT NULL DEFAULT '',
  complete INTEGER NOT NULL DEFAULT 0,
  tracking_code TEXT REFERENCES applications(tracking_code),
  page_index INTEGER,
  expected_sha256 TEXT
);
CREATE INDEX IF NOT EXISTS uploads_by_application ON uploads(tracking_code, page_index);
CREATE INDEX IF NOT EXISTS uploads_pending_by_terminal ON uploads(terminal_id) WHERE complete = 0;
CREATE TABLE IF NOT EXISTS notices (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, published_at_unix INTEGER NOT NULL,
  starts_at_unix INTEGER NOT NULL, ends_at_unix INTEGER NOT NULL
);
-- Outage notices in the domain's format (the older "notices" table above is no longer read).
CREATE TABLE IF NOT EXISTS sla_notices (
  id TEXT PRIMARY KEY, published_unix INTEGER NOT NULL, starts_unix INTEGER NOT NULL,
  ends_unix INTEGER NOT NULL, services TEXT NOT NULL, text_fa TEXT NOT NULL, text_en TEXT NOT NULL
);
-- Terminals' ledgers, each row under (terminal, the terminal's own id).
CREATE TABLE IF NOT EXISTS ledger_outages (
  terminal_id TEXT NOT NULL, id INTEGER NOT NULL, cause TEXT NOT NULL, services TEXT NOT NULL,
  boot_id TEXT NOT NULL, start_unix INTEGER NOT NULL, started_monotonic_ms INTEGER NOT NULL,
  end_kind TEXT NOT NULL, end_unix INTEGER, duration_ms INTEGER, clock_suspect INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE IF NOT EXISTS ledger_runs (
  terminal_id TEXT NOT NULL, id INTEGER NOT NULL, boot_id TEXT NOT NULL, start_unix INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL, last_wall_unix INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE IF NOT EXISTS ledger_clock_events (
  terminal_id TEXT NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL, at_unix INTEGER NOT NULL,
  offset_seconds INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE IF NOT EXISTS centre_keys (
  one_row INTEGER PRIMARY KEY CHECK (one_row = 1), sealing_public_key_hex TEXT NOT NULL,
  catalog_public_key_hex TEXT NOT NULL, recorded_unix INTEGER NOT NULL
);
-- The back office's latest word on a case (an application or a failure report): what the
-- citizen's status check shows beside the status. Added after version 2 without a version step:
-- it is a new table, made on any earlier file by this script.
CREATE TABLE IF NOT EXISTS case_decisions (
  tracking_code TEXT PRIMARY KEY REFERENCES applications(tracking_code), note TEXT NOT NULL,
  credit TEXT NOT NULL, decided_by TEXT NOT NULL, decided_unix INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeats (
  terminal_id TEXT PRIMARY KEY, last_seen_unix INTEGER NOT NULL, pending_outbox INTEGER NOT NULL,
  software TEXT NOT NULL DEFAULT ''
);
)sql";

// Version 1 had no owner: applications and uploads gain the terminal that sent them (the
// submission's own terminal_id, which the centre had checked against the certificate), and
// idempotency keys become unique per terminal. Tables are rebuilt, as SQLite cannot drop a
// UNIQUE constraint in place.
constexpr std::string_view kOwnedRowsMigration = R"sql(
ALTER TABLE applications RENAME TO applications_v1;
ALTER TABLE uploads RENAME TO uploads_v1;
DROP INDEX IF EXISTS uploads_by_application;
)sql";
constexpr std::string_view kOwnedRowsCopy = R"sql(
INSERT INTO applications SELECT tracking_code, IFNULL(json_extract(submission, '$.terminal_id'), ''),
  idempotency_key, body_sha256, submission, first_reply, status FROM applications_v1;
INSERT INTO uploads SELECT u.id, IFNULL(json_extract(a.submission, '$.terminal_id'), ''), u.length, u.offset,
  u.metadata, u.complete, u.tracking_code, u.page_index, u.expected_sha256
  FROM uploads_v1 u LEFT JOIN applications_v1 a ON a.tracking_code = u.tracking_code;
DROP TABLE uploads_v1;
DROP TABLE applications_v1;
)sql";
// 3: heartbeats name the terminal's software version.
constexpr int64_t kSchemaVersion = 3;

}  // namespace

// Brings any earlier centre.sqlite to kSchemaVersion (PRAGMA user_version), in one transaction.
Result<void> migrate_centre_sqlite(Database& db) {
  auto transaction = Transaction::begin(db);
  if (!transaction) return transaction.error();
  auto version = db.query_int64("PRAGMA user_version");
  if (!version) return version.error();
  if (*version > kSchemaVersion)
    return make_error("centre: " + db.path().string() + " is schema version " + std::to_string(*version) +
                      ", newer than this centre (" + std::to_string(kSchemaVersion) +
                      "): use a newer centre");
  auto had_applications =
      db.query_int64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'applications'");
  if (!had_applications) return had_applications.error();
  const bool owned_rows_missing = *version < 2 && *had_applications > 0;
  if (owned_rows_missing) {
    if (auto renamed = db.exec(kOwnedRowsMigration); !renamed) return renamed.error();
  }
  if (auto schema = db.exec(kSchema); !schema) return schema.error();
  if (owned_rows_missing) {
    if (auto copied = db.exec(kOwnedRowsCopy); !copied) return copied.error();
  }
  // Version 2's heartbeats had no software column (CREATE TABLE IF NOT EXISTS kept the old table).
  auto has_software =
      db.query_int64("SELECT count(*) FROM pragma_table_info('heartbeats') WHERE name = 'software'");
  if (!has_software) return has_software.error();
  if (*has_software == 0) {
    if (auto added = db.exec("ALTER TABLE heartbeats ADD COLUMN software TEXT NOT NULL DEFAULT ''"); !added)
      return added.error();
  }
  if (auto set = db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion)); !set) return set.error();
  return transaction->commit();
}

}  // namespace pk::centre
