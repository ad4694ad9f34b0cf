#pragma once
// Schema version 1 of the offline store. Once shipped, never edit this text: change the schema
// by adding a new migration after it (see migrations.cpp), so every terminal in the field walks
// the same steps.
#include <string_view>

namespace pk::store {

// STRICT tables: SQLite refuses a value of the wrong type instead of silently storing it.
inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE applications (
  id                    INTEGER PRIMARY KEY,
  -- The code printed for the citizen; unique across all terminals by construction (it embeds
  -- the terminal), and here enforced for this terminal.
  tracking_code         TEXT NOT NULL UNIQUE CHECK (length(tracking_code) > 0),
  -- The value of the "tracking" sequence the code was made from; UNIQUE so that a sequence
  -- value can never be handed out twice, even by a bug.
  tracking_sequence     INTEGER NOT NULL UNIQUE CHECK (tracking_sequence > 0),
  kind                  TEXT NOT NULL CHECK (kind IN ('application', 'failure_report')),
  -- The catalog's service number; a failure report may concern no particular service.
  service_number        INTEGER CHECK (service_number > 0),
  channel               TEXT NOT NULL CHECK (channel IN ('kiosk', 'counter')),
  terminal_id           TEXT NOT NULL CHECK (length(terminal_id) > 0),
  -- Who opened it at a counter; NULL for a citizen at a kiosk.
  operator_id           TEXT CHECK (operator_id IS NULL OR length(operator_id) > 0),
  created_at_unix       INTEGER NOT NULL,
  -- The wall clock of a kiosk can jump (no RTC battery, NTP corrections); this orders captures.
  created_monotonic_ms  INTEGER NOT NULL,
  state                 TEXT NOT NULL DEFAULT 'captured'
                        CHECK (state IN ('captured', 'queued', 'sent', 'confirmed', 'purged')),
  -- Personal data sealed to the centre's public key: the terminal cannot read it back.
  sealed_personal       BLOB NOT NULL,
  CHECK (kind = 'failure_report' OR service_number IS NOT NULL),
  CHECK (channel = 'kiosk' OR operator_id IS NOT NULL)
) STRICT;
CREATE INDEX applications_by_state ON applications (state);

-- States only move forward: captured < queued < sent < confirmed < purged.
CREATE TRIGGER applications_state_forward_only
BEFORE UPDATE OF state ON applications
WHEN (CASE NEW.state WHEN 'captured' THEN 0 WHEN 'queued' THEN 1 WHEN 'sent' THEN 2
                     WHEN 'confirmed' THEN 3 ELSE 4 END)
   < (CASE OLD.state WHEN 'captured' THEN 0 WHEN 'queued' THEN 1 WHEN 'sent' THEN 2
                     WHEN 'confirmed' THEN 3 ELSE 4 END)
BEGIN
  SELECT RAISE(ABORT, 'an application''s state may only move forward');
END;

CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  doc_kind        TEXT NOT NULL CHECK (length(doc_kind) > 0),
  page_no         INTEGER NOT NULL CHECK (page_no >= 1),
  mime            TEXT NOT NULL CHECK (length(mime) > 0),
  -- Size and SHA-256 of the clear content, computed by the capturing code before sealing; kept
  -- after purge so the centre's copy can still be checked against what was captured.
  byte_size       INTEGER NOT NULL CHECK (byte_size >= 0),
  sha256          BLOB NOT NULL CHECK (length(sha256) = 32),
  -- Sealed to the centre's key; NULL once the centre has confirmed receipt and it was purged.
  sealed_content  BLOB,
  UNIQUE (application_id, doc_kind, page_no)
) STRICT;

CREATE TABLE outbox (
  id                    INTEGER PRIMARY KEY,
  -- No cascade: an application that still has something to deliver cannot be deleted.
  application_id        INTEGER NOT NULL REFERENCES applications (id),
  -- Sent with every attempt; the centre keeps the first and acknowledges repeats, which is what
  -- makes delivery exactly-once over a link that drops replies.
  idempotency_key       TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) = 32),
  created_at_unix       INTEGER NOT NULL,
  attempts              INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at_unix  INTEGER NOT NULL,
  last_error            TEXT,
  delivered_at_unix     INTEGER
) STRICT;
CREATE INDEX outbox_pending ON outbox (next_attempt_at_unix, id) WHERE delivered_at_unix IS NULL;
CREATE INDEX outbox_by_application ON outbox (application_id);

CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at_unix  INTEGER NOT NULL,
  actor    TEXT NOT NULL CHECK (length(actor) > 0),
  action   TEXT NOT NULL CHECK (length(action) > 0),
  detail   TEXT NOT NULL DEFAULT ''
) STRICT;

-- Append-only: what an operator or technician did cannot be edited away afterwards.
CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

-- Per-terminal counters ("tracking" feeds tracking codes). Values only grow, so a value handed
-- out once is never handed out again.
CREATE TABLE sequences (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL CHECK (value >= 0)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER sequences_never_decrease BEFORE UPDATE OF value ON sequences
WHEN NEW.value <= OLD.value
BEGIN
  SELECT RAISE(ABORT, 'a sequence may only increase');
END;
CREATE TRIGGER sequences_never_deleted BEFORE DELETE ON sequences
BEGIN
  SELECT RAISE(ABORT, 'a sequence may not be deleted');
END;
INSERT INTO sequences (name, value) VALUES ('tracking', 0);
)sql";

}  // namespace pk::store
