#pragma once
// Schema version 3: what flows back from the centre and what the centre has acknowledged.
// Once shipped, never edit this text; change the schema with a new migration after it.
#include <string_view>

namespace pk::store {

inline constexpr std::string_view kSchemaV3 = R"sql(
-- The centre's status of each delivered capture, as last heard (NULL: not heard yet), so the
-- kiosk's status lookup answers offline. The centre's statuses only move forward, and so does
-- this column (the store refuses a step back). centre_checked_at_unix is when the sync client
-- last asked; it spreads the polling over the captures that are not final yet.
ALTER TABLE applications ADD COLUMN centre_status TEXT
  CHECK (centre_status IN ('receiving', 'received', 'in_review', 'approved', 'rejected'));
ALTER TABLE applications ADD COLUMN centre_status_at_unix INTEGER;
ALTER TABLE applications ADD COLUMN centre_checked_at_unix INTEGER;
CREATE INDEX applications_centre_not_final ON applications (centre_checked_at_unix)
  WHERE state IN ('sent', 'confirmed', 'purged')
    AND (centre_status IS NULL OR centre_status NOT IN ('approved', 'rejected'));

CREATE TRIGGER applications_centre_status_forward_only
BEFORE UPDATE OF centre_status ON applications
WHEN OLD.centre_status IS NOT NULL AND (NEW.centre_status IS NULL OR
  (CASE NEW.centre_status WHEN 'receiving' THEN 0 WHEN 'received' THEN 1 WHEN 'in_review' THEN 2
   ELSE 3 END)
  < (CASE OLD.centre_status WHEN 'receiving' THEN 0 WHEN 'received' THEN 1 WHEN 'in_review' THEN 2
   ELSE 3 END))
BEGIN
  SELECT RAISE(ABORT, 'a centre status may only move forward');
END;

-- Which ledger rows (schema v2) the centre has acknowledged, and at which revision: an outage
-- at 0 while open and 1 once closed; a run at its last monotonic beat; a clock event at 0.
-- The ledger's own tables stay untouched (a closed outage is final), so the marks live here.
-- A row is sent again when it is missing here or its revision has moved on.
CREATE TABLE ledger_acks (
  kind      TEXT NOT NULL CHECK (kind IN ('outage', 'run', 'clock_event')),
  local_id  INTEGER NOT NULL,
  revision  INTEGER NOT NULL,
  PRIMARY KEY (kind, local_id)
) STRICT, WITHOUT ROWID;
)sql";

}  // namespace pk::store
