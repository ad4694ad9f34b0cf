// The centre's PostgreSQL schema, as numbered migrations. A migration, once released, never
// changes: a later change is a new migration at the end of the list.
#include <string>

#include "centre/postgres_database.h"

namespace pk::centre::pg {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

constexpr Migration kMigrations[] = {
    {1, "applications, uploads with their bytes, notices, ledgers, heartbeats", R"sql(
-- Every row belongs to the terminal that sent it (its certificate's): idempotency keys are
-- unique per terminal, tracking codes across the centre.
CREATE TABLE applications (
  tracking_code TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  submission TEXT NOT NULL,
  kind TEXT NOT NULL,
  service_number BIGINT,
  created_at_unix BIGINT NOT NULL,
  first_reply TEXT NOT NULL,
  status TEXT NOT NULL,
  arrival BIGINT GENERATED ALWAYS AS IDENTITY,
  UNIQUE (terminal_id, idempotency_key)
);
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  length BIGINT NOT NULL,
  upload_offset BIGINT NOT NULL DEFAULT 0,
  metadata TEXT NOT NULL DEFAULT '',
  complete BOOLEAN NOT NULL DEFAULT false,
  tracking_code TEXT REFERENCES applications (tracking_code),
  page_index INTEGER,
  expected_sha256 TEXT
);
CREATE INDEX uploads_by_application ON uploads (tracking_code, page_index);
CREATE INDEX incomplete_uploads_by_terminal ON uploads (terminal_id) WHERE NOT complete;
-- An upload's bytes, one row per accepted chunk at its offset: an append inserts one row in the
-- transaction that moves the offset, so bytes and offset can never disagree.
CREATE TABLE upload_chunks (
  upload_id TEXT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  start_offset BIGINT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (upload_id, start_offset)
);
-- Sealed pages do not compress: store them out of line without trying.
ALTER TABLE upload_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
CREATE TABLE sla_notices (
  id TEXT PRIMARY KEY, published_unix BIGINT NOT NULL, starts_unix BIGINT NOT NULL,
  ends_unix BIGINT NOT NULL, services TEXT NOT NULL, text_fa TEXT NOT NULL, text_en TEXT NOT NULL
);
CREATE TABLE ledger_outages (
  terminal_id TEXT NOT NULL, id BIGINT NOT NULL, cause TEXT NOT NULL, services TEXT NOT NULL,
  boot_id TEXT NOT NULL, start_unix BIGINT NOT NULL, started_monotonic_ms BIGINT NOT NULL,
  end_kind TEXT NOT NULL, end_unix BIGINT, duration_ms BIGINT, clock_suspect BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE ledger_runs (
  terminal_id TEXT NOT NULL, id BIGINT NOT NULL, boot_id TEXT NOT NULL, start_unix BIGINT NOT NULL,
  duration_ms BIGINT NOT NULL, last_wall_unix BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE ledger_clock_events (
  terminal_id TEXT NOT NULL, id BIGINT NOT NULL, kind TEXT NOT NULL, at_unix BIGINT NOT NULL,
  offset_seconds BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, id)
);
CREATE TABLE heartbeats (
  terminal_id TEXT PRIMARY KEY, last_seen_unix BIGINT NOT NULL, pending_outbox BIGINT NOT NULL
);
)sql"},
    {2, "enrollment codes, terminals, certificates", R"sql(
CREATE TABLE enrollment_codes (
  code_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  office TEXT NOT NULL,
  issued_unix BIGINT NOT NULL,
  expires_unix BIGINT NOT NULL,
  used_unix BIGINT,
  used_key_sha256 TEXT,
  used_cert_sha256 TEXT,
  reply TEXT
);
CREATE TABLE terminals (
  terminal_id TEXT PRIMARY KEY,
  office TEXT NOT NULL,
  terminal_number INTEGER NOT NULL UNIQUE,
  enrolled_unix BIGINT NOT NULL,
  revoked_unix BIGINT
);
CREATE TABLE certificates (
  cert_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
  key_sha256 TEXT NOT NULL,
  issued_unix BIGINT NOT NULL,
  revoked_unix BIGINT
);
CREATE INDEX certificates_by_terminal ON certificates (terminal_id);
-- Numbers a terminal held before it was enrolled again: never handed out a second time.
CREATE TABLE retired_numbers (terminal_number INTEGER PRIMARY KEY);
)sql"},
    {3, "diagnostics bundles", R"sql(
CREATE TABLE diagnostics_bundles (
  receipt BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  received_unix BIGINT NOT NULL,
  content BYTEA NOT NULL,
  UNIQUE (terminal_id, sha256)
);
ALTER TABLE diagnostics_bundles ALTER COLUMN content SET STORAGE EXTERNAL;
)sql"},
    {4, "the centre's public keys, recorded by the first instance", R"sql(
CREATE TABLE centre_keys (
  one_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (one_row),
  sealing_public_key_hex TEXT NOT NULL,
  catalog_public_key_hex TEXT NOT NULL,
  recorded_unix BIGINT NOT NULL
);
)sql"},
    {5, "the back office: staff accounts, set-up tokens, sessions, audit log", R"sql(
-- Tokens are kept only as SHA-256 hashes; passwords as argon2id strings; the TOTP secret sealed.
CREATE TABLE staff_accounts (
  username TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,32}$'),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('inspector', 'office_manager', 'technician_lead', 'administrator')),
  office TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('awaiting_setup', 'active', 'disabled')),
  password_hash TEXT NOT NULL,
  totp_secret_sealed TEXT NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until_unix BIGINT NOT NULL,
  created_unix BIGINT NOT NULL,
  last_totp_step BIGINT NOT NULL
);
-- One set-up token an account: a reset replaces it.
CREATE TABLE staff_setup_tokens (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE REFERENCES staff_accounts (username),
  expires_unix BIGINT NOT NULL,
  used BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE staff_sessions (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES staff_accounts (username),
  csrf_token TEXT NOT NULL,
  created_unix BIGINT NOT NULL,
  last_seen_unix BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_username ON staff_sessions (username);
-- The audit log only grows: any UPDATE, DELETE or TRUNCATE statement on it fails, whoever runs it.
CREATE TABLE staff_audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at_unix BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE FUNCTION staff_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'staff_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON staff_audit
  FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_refuse_change();
)sql"},
    {6, "the back office's decisions on cases", R"sql(
-- The latest decision on a case, beside its application row rather than in it: applications
-- holds what the terminal sent (written by the terminal's routes), this what staff decided
-- (written only by decide()), so neither writer touches the other's columns, and a case without
-- a decision has no row here instead of four NULL columns. Earlier decisions are in staff_audit.
CREATE TABLE case_decisions (
  tracking_code TEXT PRIMARY KEY REFERENCES applications (tracking_code),
  note TEXT NOT NULL,
  credit TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_unix BIGINT NOT NULL
);
-- The back office lists cases newest first, often of one kind.
CREATE INDEX applications_by_kind_and_date ON applications (kind, created_at_unix DESC);
)sql"},
    {7, "the software version a terminal's heartbeat names", R"sql(
ALTER TABLE heartbeats ADD COLUMN software TEXT NOT NULL DEFAULT '';
)sql"},
    {8, "page bytes in the uploads folder; uploads made before keep theirs in upload_chunks", R"sql(
-- Where an upload's bytes are: 'database' (upload_chunks, every upload made before this
-- migration, finished or not) or 'folder' (<data>/uploads/<id>, every upload made after it).
-- Adding the column with a constant default marks the existing rows without rewriting them; the
-- default then changes for new rows.
ALTER TABLE uploads ADD COLUMN bytes_in TEXT NOT NULL DEFAULT 'database'
  CHECK (bytes_in IN ('database', 'folder'));
ALTER TABLE uploads ALTER COLUMN bytes_in SET DEFAULT 'folder';
)sql"},
};

// The session lock every migrating centre takes (any constant; "pkmigrat" in ASCII).
constexpr int64_t kMigrationLock = 0x706b6d6967726174;

Result<void> apply_missing(Connection& connection) {
  if (auto created = connection.exec_script(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      !created)
    return created.error();
  auto newest = connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!newest) return newest.error();
  if (newest->int64(0, 0) > latest_schema_version())
    return make_error("the database is at schema version " + std::to_string(newest->int64(0, 0)) +
                      ", newer than this pishkhan-centre knows (" + std::to_string(latest_schema_version()) +
                      "): run the newer centre");
  for (const Migration& migration : kMigrations) {
    auto applied = connection.exec("SELECT 1 FROM schema_migrations WHERE version = $1",
                                   Params().int64(migration.version));
    if (!applied) return applied.error();
    if (!applied->empty()) continue;
    const std::string label = "migration " + std::to_string(migration.version) + " (" + migration.name + ")";
    if (auto begun = connection.exec("BEGIN"); !begun) return begun.error();
    auto ran = connection.exec_script(migration.sql);
    if (ran)
      ran = [&]() -> Result<void> {
        auto recorded = connection.exec("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                        Params().int64(migration.version).text(migration.name));
        if (!recorded) return recorded.error();
        auto committed = connection.exec("COMMIT");
        if (!committed) return committed.error();
        return {};
      }();
    if (!ran) {
      if (!connection.broken()) (void)connection.exec("ROLLBACK");
      return make_error(label + ": " + ran.error().message);
    }
  }
  return {};
}

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<void> migrate(Pool& pool) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  // Two centres starting at once: the second waits here, then finds everything applied.
  if (auto locked = connection.exec("SELECT pg_advisory_lock($1)", Params().int64(kMigrationLock)); !locked)
    return make_error("centre database: cannot take the migration lock: " + locked.error().message);
  auto applied = apply_missing(connection);
  // A lost connection has dropped its session lock already.
  if (!connection.broken())
    (void)connection.exec("SELECT pg_advisory_unlock($1)", Params().int64(kMigrationLock));
  if (!applied) return make_error("centre database at " + pool.display() + ": " + applied.error().message);
  return {};
}

}  // namespace pk::centre::pg
