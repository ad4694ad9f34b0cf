// Store: the centre's statuses of delivered captures (schema v3) and the back office's latest
// decision on each (schema v4), for the offline status lookup.
#include "offline-store/store.h"

namespace pk::store {
namespace {

// Whether `next` may replace `previous` (records.h: the same ranking as the wire's).
bool moves_forward(const std::optional<CentreStatus>& previous, CentreStatus next) {
  if (!previous) return true;
  if (next == *previous || is_final(*previous)) return false;
  return rank(next) >= rank(*previous);
}

// A stale reply (an older decision) never replaces a newer one; the same time with other words
// is a correction the back office made within the second.
bool is_newer(const std::optional<CentreDecision>& stored, const CentreDecision& heard) {
  if (!stored) return true;
  if (heard.decided_unix != stored->decided_unix) return heard.decided_unix > stored->decided_unix;
  return heard != *stored;
}

}  // namespace

Result<std::vector<std::string>> Store::centre_statuses_to_poll(int limit, int64_t delivered_since_unix) {
  // The final words are the partial index's (schema v4), so the query can use it.
  auto query = m_db.prepare(
      "SELECT a.tracking_code FROM applications a WHERE a.state IN ('sent', 'confirmed', 'purged')"
      " AND (a.centre_status IS NULL OR a.centre_status NOT IN ('approved', 'rejected', 'resolved'))"
      " AND EXISTS (SELECT 1 FROM outbox o WHERE o.application_id = a.id AND o.delivered_at_unix >= ?1)"
      " ORDER BY a.centre_checked_at_unix IS NOT NULL, a.centre_checked_at_unix, a.id LIMIT ?2");
  if (!query) return query.error();
  query->bind(1, delivered_since_unix).bind(2, int64_t{limit});
  std::vector<std::string> codes;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    codes.push_back(query->column_text(0));
  }
  return codes;
}

Result<bool> Store::record_centre_status(std::string_view tracking_code, CentreStatus status, int64_t at_unix,
                                         const std::optional<CentreDecision>& decision) {
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto current = m_db.prepare(
      "SELECT centre_status, centre_note, centre_credit, centre_decided_unix FROM applications"
      " WHERE tracking_code = ?1");
  if (!current) return current.error();
  current->bind(1, tracking_code);
  auto row = current->step();
  if (!row) return row.error();
  if (*row == StepResult::Done) {
    return make_error("offline store: no application " + std::string(tracking_code) +
                      " for its centre status");
  }
  const auto previous_text = current->column_optional_text(0);
  const auto previous = previous_text ? centre_status_from(*previous_text) : std::nullopt;
  std::optional<CentreDecision> stored;
  if (const auto decided = current->column_optional_int64(3))
    stored = CentreDecision{current->column_text(1), current->column_text(2), *decided};

  const bool forward = moves_forward(previous, status);
  const bool decided = decision && is_newer(stored, *decision);
  auto update =
      m_db.prepare(forward ? "UPDATE applications SET centre_status = ?2, centre_status_at_unix = ?3,"
                             " centre_checked_at_unix = ?3 WHERE tracking_code = ?1"
                           : "UPDATE applications SET centre_checked_at_unix = ?3 WHERE tracking_code = ?1");
  if (!update) return update.error();
  update->bind(1, tracking_code).bind(3, at_unix);
  if (forward) update->bind(2, to_string(status));
  if (auto ran = update->run(); !ran) return ran.error();
  if (forward) {
    if (auto audited = insert_audit(at_unix, "sync", "centre_status",
                                    std::string(tracking_code) + " " + std::string(to_string(status)));
        !audited) {
      return audited.error();
    }
  }
  if (decided) {
    auto keep = m_db.prepare(
        "UPDATE applications SET centre_note = ?2, centre_credit = ?3, centre_decided_unix = ?4"
        " WHERE tracking_code = ?1");
    if (!keep) return keep.error();
    keep->bind(1, tracking_code)
        .bind(2, decision->note)
        .bind(3, decision->credit)
        .bind(4, decision->decided_unix);
    if (auto ran = keep->run(); !ran) return ran.error();
    // The audit log is append-only and outlives the record: it says that a decision came and
    // when, never the staff's words, which stay with the record alone.
    if (auto audited =
            insert_audit(at_unix, "sync", "centre_decision",
                         std::string(tracking_code) + " " + std::to_string(decision->decided_unix));
        !audited) {
      return audited.error();
    }
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return forward || decided;
}

}  // namespace pk::store
