// Store: the append-only audit log and the figures technicians read.
#include <system_error>

#include "offline-store/store.h"

namespace pk::store {

Result<int64_t> Store::append_audit(std::string_view actor, std::string_view action,
                                    std::string_view detail) {
  // Outside an explicit transaction the INSERT is its own durable commit.
  if (auto inserted = insert_audit(now(), actor, action, detail); !inserted) return inserted.error();
  return m_db.last_insert_rowid();
}

Result<std::vector<AuditEntry>> Store::audit_entries(int64_t since_id, int limit) {
  auto query = m_db.prepare(
      "SELECT id, at_unix, actor, action, detail FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2");
  if (!query) return query.error();
  query->bind(1, since_id).bind(2, int64_t{limit});
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    entries.push_back(AuditEntry{query->column_int64(0), query->column_int64(1), query->column_text(2),
                                 query->column_text(3), query->column_text(4)});
  }
  return entries;
}

Result<StoreStats> Store::stats(int64_t now_unix) {
  StoreStats stats;
  auto transaction = Transaction::begin(m_db, TransactionKind::Deferred);
  if (!transaction) return transaction.error();

  auto states = m_db.prepare("SELECT state, count(*) FROM applications GROUP BY state");
  if (!states) return states.error();
  for (;;) {
    auto row = states->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    if (const auto state = application_state_from(states->column_text(0))) {
      stats.applications_by_state[static_cast<size_t>(*state)] = states->column_int64(1);
    }
  }

  auto pending =
      m_db.prepare("SELECT count(*), min(created_at_unix) FROM outbox WHERE delivered_at_unix IS NULL");
  if (!pending) return pending.error();
  auto row = pending->step();
  if (!row) return row.error();
  stats.pending_outbox = pending->column_int64(0);
  if (const auto oldest = pending->column_optional_int64(1))
    stats.oldest_pending_age_seconds = now_unix - *oldest;

  // What the store takes on disk, as a technician freeing space would count it.
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path().string() + suffix, ec);
    if (!ec) stats.database_bytes += static_cast<int64_t>(size);
  }
  return stats;
}

}  // namespace pk::store
