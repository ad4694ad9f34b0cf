#pragma once
// Schema version 2: the service-level ledger (owned by sla/). Once shipped, never edit this
// text; change the schema with a new migration after it.
#include <string_view>

namespace pk::store {

inline constexpr std::string_view kSchemaV2 = R"sql(
-- Runs of the terminal: one row per stretch of regular heartbeats. A beat updates the current
-- row in place (one small write); a new run starts when the process starts, when the wall
-- clock moved against the monotonic clock, or after a gap longer than the configured maximum.
-- Monotonic times are milliseconds since boot (CLOCK_BOOTTIME) and only comparable within one
-- boot_id.
CREATE TABLE heartbeats (
  id                    INTEGER PRIMARY KEY,
  boot_id               TEXT NOT NULL CHECK (length(boot_id) > 0),
  started_wall_unix     INTEGER NOT NULL,
  started_monotonic_ms  INTEGER NOT NULL CHECK (started_monotonic_ms >= 0),
  last_wall_unix        INTEGER NOT NULL,
  last_monotonic_ms     INTEGER NOT NULL,
  beats                 INTEGER NOT NULL DEFAULT 1 CHECK (beats >= 1),
  CHECK (last_monotonic_ms >= started_monotonic_ms)
) STRICT;

CREATE TABLE outages (
  id                    INTEGER PRIMARY KEY,
  cause                 TEXT NOT NULL CHECK (cause IN ('centre_unreachable', 'printer_down',
                                                       'scanner_down', 'kiosk_not_serving')),
  -- 'all' or sorted service numbers '3,7'.
  services              TEXT NOT NULL CHECK (services = 'all' OR services GLOB '[1-9]*'),
  detail                TEXT NOT NULL DEFAULT '',
  run_id                INTEGER NOT NULL REFERENCES heartbeats (id),
  boot_id               TEXT NOT NULL CHECK (length(boot_id) > 0),
  started_wall_unix     INTEGER NOT NULL,
  started_monotonic_ms  INTEGER NOT NULL CHECK (started_monotonic_ms >= 0),
  ended_wall_unix       INTEGER,
  duration_ms           INTEGER CHECK (duration_ms >= 0),
  end_kind              TEXT CHECK (end_kind IN ('observed', 'last_heartbeat')),
  CHECK ((ended_wall_unix IS NULL) = (end_kind IS NULL)),
  CHECK ((ended_wall_unix IS NULL) = (duration_ms IS NULL))
) STRICT;
-- At most one open outage per cause: a restart can never open a second copy of one.
CREATE UNIQUE INDEX outages_one_open_per_cause ON outages (cause) WHERE ended_wall_unix IS NULL;
CREATE INDEX outages_by_start ON outages (started_wall_unix);
-- The ledger is evidence for citizens' credits: a closed outage is final, none is deleted.
CREATE TRIGGER outages_closed_are_final BEFORE UPDATE ON outages
WHEN OLD.ended_wall_unix IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed outage may not be changed');
END;
CREATE TRIGGER outages_never_deleted BEFORE DELETE ON outages
BEGIN
  SELECT RAISE(ABORT, 'an outage may not be deleted');
END;

-- The centre's outage notices, as last received (a revision replaces its earlier text).
CREATE TABLE outage_notices (
  id                  TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  published_unix      INTEGER NOT NULL,
  starts_unix         INTEGER NOT NULL,
  ends_unix           INTEGER NOT NULL,
  services            TEXT NOT NULL CHECK (services = 'all' OR services GLOB '[1-9]*'),
  text_fa             TEXT NOT NULL CHECK (length(text_fa) > 0),
  text_en             TEXT NOT NULL,
  received_wall_unix  INTEGER NOT NULL,
  CHECK (ends_unix > starts_unix)
) STRICT, WITHOUT ROWID;

-- What the figures' clock flags rest on: wall-clock jumps the terminal saw, and the centre's
-- time at each sync (offset_seconds = centre - terminal).
CREATE TABLE clock_events (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('wall_jump', 'centre_sync')),
  boot_id         TEXT NOT NULL,
  wall_unix       INTEGER NOT NULL,
  monotonic_ms    INTEGER NOT NULL,
  centre_unix     INTEGER,
  offset_seconds  INTEGER NOT NULL,
  CHECK ((kind = 'centre_sync') = (centre_unix IS NOT NULL))
) STRICT;

-- Failure reports are applications of kind 'failure_report' (schema v1); the figures count them.
CREATE INDEX applications_failure_reports ON applications (created_at_unix) WHERE kind = 'failure_report';
)sql";

}  // namespace pk::store
