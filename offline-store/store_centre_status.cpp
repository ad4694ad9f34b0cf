// Store: the centre's statuses of delivered captures (schema v3), for the offline status lookup.
#include "offline-store/store.h"

namespace pk::store {
namespace {

int rank(CentreStatus status) {
  // Approved and Rejected are both final: neither follows the other.
  return status == CentreStatus::Rejected ? static_cast<int>(CentreStatus::Approved)
                                          : static_cast<int>(status);
}

}  // namespace

Result<std::vector<std::string>> Store::centre_statuses_to_poll(int limit, int64_t delivered_since_unix) {
  auto query = m_db.prepare(
      "SELECT a.tracking_code FROM applications a WHERE a.state IN ('sent', 'confirmed', 'purged')"
      " AND (a.centre_status IS NULL OR a.centre_status NOT IN ('approved', 'rejected'))"
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

Result<bool> Store::record_centre_status(std::string_view tracking_code, CentreStatus status,
                                         int64_t at_unix) {
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto current = m_db.prepare("SELECT centre_status FROM applications WHERE tracking_code = ?1");
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
  const bool forward = !previous || rank(status) > rank(*previous);
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
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return forward;
}

}  // namespace pk::store
