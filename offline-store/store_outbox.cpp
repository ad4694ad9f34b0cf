// Store: the outbox (delivery to the centre) and purging after delivery.
#include "offline-store/store.h"

namespace pk::store {

Result<std::vector<OutboxEntry>> Store::pending_outbox(int limit, int64_t now_unix) {
  auto query = m_db.prepare(
      "SELECT o.id, o.application_id, a.tracking_code, o.idempotency_key, o.created_at_unix, o.attempts,"
      " o.next_attempt_at_unix, o.last_error FROM outbox o JOIN applications a ON a.id = o.application_id"
      " WHERE o.delivered_at_unix IS NULL AND o.next_attempt_at_unix <= ?1 ORDER BY o.id LIMIT ?2");
  if (!query) return query.error();
  query->bind(1, now_unix).bind(2, int64_t{limit});
  std::vector<OutboxEntry> entries;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    OutboxEntry entry;
    entry.id = query->column_int64(0);
    entry.application_id = query->column_int64(1);
    entry.tracking_code = query->column_text(2);
    entry.idempotency_key = query->column_text(3);
    entry.created_at_unix = query->column_int64(4);
    entry.attempts = query->column_int64(5);
    entry.next_attempt_at_unix = query->column_int64(6);
    entry.last_error = query->column_optional_text(7);
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<void> Store::record_attempt(int64_t outbox_id, std::string_view error, int64_t next_attempt_at_unix) {
  auto update = m_db.prepare(
      "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at_unix = ?3"
      " WHERE id = ?1 AND delivered_at_unix IS NULL");
  if (!update) return update.error();
  update->bind(1, outbox_id).bind(2, error).bind(3, next_attempt_at_unix);
  if (auto ran = update->run(); !ran) return ran.error();
  if (m_db.changes() == 0) {
    return make_error("offline store " + path().string() + ": outbox entry " + std::to_string(outbox_id) +
                      " does not exist or was already delivered; attempt not recorded");
  }
  return {};
}

Result<void> Store::mark_delivered(int64_t outbox_id, int64_t at_unix) {
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto find = m_db.prepare("SELECT application_id, delivered_at_unix FROM outbox WHERE id = ?1");
  if (!find) return find.error();
  find->bind(1, outbox_id);
  auto row = find->step();
  if (!row) return row.error();
  if (*row == StepResult::Done) {
    return make_error("offline store " + path().string() + ": outbox entry " + std::to_string(outbox_id) +
                      " does not exist; nothing marked delivered");
  }
  const int64_t application_id = find->column_int64(0);
  if (!find->column_is_null(1)) return {};  // A repeated acknowledgement: the first one stands.
  find->reset();

  auto deliver = m_db.prepare("UPDATE outbox SET delivered_at_unix = ?2 WHERE id = ?1");
  if (!deliver) return deliver.error();
  if (auto ran = deliver->bind(1, outbox_id).bind(2, at_unix).run(); !ran) return ran.error();
  auto sent = m_db.prepare(
      "UPDATE applications SET state = 'sent' WHERE id = ?1 AND state IN ('captured', 'queued')");
  if (!sent) return sent.error();
  if (auto ran = sent->bind(1, application_id).run(); !ran) return ran.error();
  if (auto audited = insert_audit(
          at_unix, "sync", "outbox_delivered",
          "outbox " + std::to_string(outbox_id) + ", application " + std::to_string(application_id));
      !audited) {
    return audited.error();
  }
  return transaction->commit();
}

Result<void> Store::purge_documents(int64_t application_id) {
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return transaction.error();
  auto find = m_db.prepare("SELECT state, tracking_code FROM applications WHERE id = ?1");
  if (!find) return find.error();
  find->bind(1, application_id);
  auto row = find->step();
  if (!row) return row.error();
  if (*row == StepResult::Done) {
    return make_error("offline store " + path().string() + ": application " + std::to_string(application_id) +
                      " does not exist; nothing purged");
  }
  const std::string state = find->column_text(0);
  const std::string tracking_code = find->column_text(1);
  find->reset();
  if (state == "purged") return {};
  if (state != "sent" && state != "confirmed") {
    return make_error("application " + tracking_code + " is still " + state +
                      ": its documents are kept until the centre has received them");
  }

  auto clear = m_db.prepare("UPDATE documents SET sealed_content = NULL WHERE application_id = ?1");
  if (!clear) return clear.error();
  if (auto ran = clear->bind(1, application_id).run(); !ran) return ran.error();
  const int64_t pages = m_db.changes();
  auto purged = m_db.prepare("UPDATE applications SET state = 'purged' WHERE id = ?1");
  if (!purged) return purged.error();
  if (auto ran = purged->bind(1, application_id).run(); !ran) return ran.error();
  if (auto audited = insert_audit(now(), "store", "documents_purged",
                                  tracking_code + ", " + std::to_string(pages) + " page(s)");
      !audited) {
    return audited.error();
  }
  return transaction->commit();
}

}  // namespace pk::store
