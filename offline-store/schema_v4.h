#pragma once
// Schema version 4: the back office's outcome of a capture, for the kiosk's status check.
// Once shipped, never edit this text; change the schema with a new migration after it.
#include <string_view>

namespace pk::store {

inline constexpr std::string_view kSchemaV4 = R"sql(
-- The centre gained two statuses: documents_requested (one step with in_review: a reviewer may
-- go between them) and resolved (a failure report's final answer). v3's column CHECK lists the
-- five old words, and SQLite cannot change a CHECK in place: the column is replaced by one that
-- lists all seven, its values carried over. The trigger and the partial index that name the
-- column go first (DROP COLUMN refuses while they do) and come back with the new words.
DROP TRIGGER applications_centre_status_forward_only;
DROP INDEX applications_centre_not_final;
ALTER TABLE applications ADD COLUMN centre_status_v4 TEXT
  CHECK (centre_status_v4 IN ('receiving', 'received', 'in_review', 'documents_requested',
                              'approved', 'rejected', 'resolved'));
UPDATE applications SET centre_status_v4 = centre_status;
ALTER TABLE applications DROP COLUMN centre_status;
ALTER TABLE applications RENAME COLUMN centre_status_v4 TO centre_status;

-- The latest decision the centre told us (its staff's words: the documents to bring, the
-- reason for a rejection, the reply to a failure report, a credit granted). Staff text, not the
-- citizen's data, but it belongs to the record: it lives in the record's row and goes with it.
-- All three are NULL until there is a decision; then none is (an empty credit: none granted).
ALTER TABLE applications ADD COLUMN centre_note TEXT;
ALTER TABLE applications ADD COLUMN centre_credit TEXT;
ALTER TABLE applications ADD COLUMN centre_decided_unix INTEGER
  CHECK ((centre_decided_unix IS NULL) = (centre_note IS NULL)
         AND (centre_note IS NULL) = (centre_credit IS NULL));

CREATE INDEX applications_centre_not_final ON applications (centre_checked_at_unix)
  WHERE state IN ('sent', 'confirmed', 'purged')
    AND (centre_status IS NULL OR centre_status NOT IN ('approved', 'rejected', 'resolved'));

-- Forward only, by rank (receiving 0, received 1, in_review and documents_requested 2, the
-- final ones 3): never a lower rank, and never away from a final status.
CREATE TRIGGER applications_centre_status_forward_only
BEFORE UPDATE OF centre_status ON applications
WHEN OLD.centre_status IS NOT NULL AND (NEW.centre_status IS NULL OR
  (CASE NEW.centre_status WHEN 'receiving' THEN 0 WHEN 'received' THEN 1 WHEN 'in_review' THEN 2
   WHEN 'documents_requested' THEN 2 ELSE 3 END)
  < (CASE OLD.centre_status WHEN 'receiving' THEN 0 WHEN 'received' THEN 1 WHEN 'in_review' THEN 2
   WHEN 'documents_requested' THEN 2 ELSE 3 END)
  OR (OLD.centre_status IN ('approved', 'rejected', 'resolved')
      AND NEW.centre_status <> OLD.centre_status))
BEGIN
  SELECT RAISE(ABORT, 'a centre status may only move forward');
END;

-- A decision is only ever replaced by a later one: a stale reply cannot bring back an older
-- text. Clearing it (all three NULL) stays possible for whatever purges the record.
CREATE TRIGGER applications_centre_decision_forward_only
BEFORE UPDATE OF centre_decided_unix ON applications
WHEN NEW.centre_decided_unix < OLD.centre_decided_unix
BEGIN
  SELECT RAISE(ABORT, 'a centre decision may only be replaced by a later one');
END;
)sql";

}  // namespace pk::store
