// The ledger's side of the sync with the centre: which rows the centre has not acknowledged at
// their current revision (schema v3's ledger_acks), and recording its acknowledgement.
#include <cstdlib>

#include "sla/ledger.h"

namespace pk::sla {
namespace {

Error failed(std::string_view doing, const Error& error) {
  return make_error("service-level ledger: " + std::string(doing) + ": " + error.message);
}

// An outage's revision: 0 while open, 1 once closed (then it is final).
int64_t revision_of(const Outage& outage) { return outage.end == OutageEnd::Open ? 0 : 1; }

}  // namespace

Result<LedgerChanges> Ledger::changes_for_centre(int limit) {
  // One read transaction: the three lists are one consistent picture.
  auto transaction = store::Transaction::begin(m_db, store::TransactionKind::Deferred);
  if (!transaction) return failed("reading what the centre has not acknowledged", transaction.error());
  LedgerChanges changes;
  const char* doing = "reading what the centre has not acknowledged";

  auto outages = m_db.prepare(
      "SELECT o.id, o.cause, o.services, o.boot_id, o.started_wall_unix, o.started_monotonic_ms, "
      "  o.ended_wall_unix, o.duration_ms, o.end_kind, "
      "  (SELECT offset_seconds FROM clock_events c WHERE c.kind = 'centre_sync' "
      "     AND c.wall_unix <= coalesce(o.ended_wall_unix, ?2) ORDER BY c.id DESC LIMIT 1), "
      "  (SELECT offset_seconds FROM clock_events c WHERE c.kind = 'centre_sync' ORDER BY c.id DESC LIMIT 1) "
      "FROM outages o LEFT JOIN ledger_acks a ON a.kind = 'outage' AND a.local_id = o.id "
      "WHERE a.local_id IS NULL OR (a.revision = 0 AND o.ended_wall_unix IS NOT NULL) "
      "ORDER BY o.id LIMIT ?1");
  if (!outages) return failed(doing, outages.error());
  outages->bind(1, int64_t{limit}).bind(2, m_time.now().wall_unix);
  for (;;) {
    auto row = outages->step();
    if (!row) return failed(doing, row.error());
    if (*row == store::StepResult::Done) break;
    auto cause = outage_cause_from(outages->column_text(1));
    auto services = ServiceScope::from_text(outages->column_text(2));
    if (!cause || !services)
      return make_error("service-level ledger: outage " + outages->column_text(0) + " is malformed");
    OutageChange change;
    change.outage.id = outages->column_int64(0);
    change.outage.cause = *cause;
    change.outage.services = *services;
    change.boot_id = outages->column_text(3);
    change.outage.start_unix = outages->column_int64(4);
    change.started_monotonic_ms = outages->column_int64(5);
    change.outage.end_unix = outages->column_optional_int64(6);
    change.outage.monotonic_duration_ms = outages->column_optional_int64(7);
    const std::string end_kind = outages->column_optional_text(8).value_or("");
    change.outage.end = end_kind == "observed"         ? OutageEnd::Observed
                        : end_kind == "last_heartbeat" ? OutageEnd::LastHeartbeat
                                                       : OutageEnd::Open;
    auto skew = outages->column_optional_int64(9);
    if (!skew) skew = outages->column_optional_int64(10);
    change.clock_suspect = !skew || std::llabs(*skew) > m_options.clock.max_skew_seconds;
    changes.outages.push_back(std::move(change));
  }

  auto runs = m_db.prepare(
      "SELECT h.id, h.boot_id, h.started_wall_unix, h.last_monotonic_ms - h.started_monotonic_ms, "
      "  h.last_wall_unix "
      "FROM heartbeats h LEFT JOIN ledger_acks a ON a.kind = 'run' AND a.local_id = h.id "
      "WHERE a.local_id IS NULL OR a.revision < h.last_monotonic_ms - h.started_monotonic_ms "
      "ORDER BY h.id LIMIT ?1");
  if (!runs) return failed(doing, runs.error());
  runs->bind(1, int64_t{limit});
  for (;;) {
    auto row = runs->step();
    if (!row) return failed(doing, row.error());
    if (*row == store::StepResult::Done) break;
    changes.runs.push_back({runs->column_int64(0), Run{runs->column_text(1), runs->column_int64(2),
                                                       runs->column_int64(3), runs->column_int64(4)}});
  }

  auto events = m_db.prepare(
      "SELECT c.id, c.kind, c.wall_unix, c.offset_seconds FROM clock_events c "
      "LEFT JOIN ledger_acks a ON a.kind = 'clock_event' AND a.local_id = c.id "
      "WHERE a.local_id IS NULL ORDER BY c.id LIMIT ?1");
  if (!events) return failed(doing, events.error());
  events->bind(1, int64_t{limit});
  for (;;) {
    auto row = events->step();
    if (!row) return failed(doing, row.error());
    if (*row == store::StepResult::Done) break;
    const ClockEventKind kind =
        events->column_text(1) == "wall_jump" ? ClockEventKind::WallJump : ClockEventKind::CentreSync;
    changes.clock_events.push_back(
        {events->column_int64(0), {kind, events->column_int64(2), events->column_int64(3)}});
  }
  return changes;
}

Result<void> Ledger::acknowledge(const LedgerChanges& changes) {
  auto transaction = store::Transaction::begin(m_db);
  if (!transaction) return failed("recording the centre's acknowledgement", transaction.error());
  // Never lowers a revision: an acknowledgement that arrives late changes nothing.
  auto upsert = m_db.prepare(
      "INSERT INTO ledger_acks (kind, local_id, revision) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (kind, local_id) DO UPDATE SET revision = excluded.revision "
      "WHERE excluded.revision > ledger_acks.revision");
  if (!upsert) return failed("recording the centre's acknowledgement", upsert.error());
  const auto ack = [&](std::string_view kind, int64_t id, int64_t revision) -> Result<void> {
    upsert->bind(1, kind).bind(2, id).bind(3, revision);
    auto ran = upsert->run();
    upsert->reset();
    if (!ran) return failed("recording the centre's acknowledgement", ran.error());
    return {};
  };
  for (const OutageChange& change : changes.outages) {
    if (auto done = ack("outage", change.outage.id, revision_of(change.outage)); !done) return done.error();
  }
  for (const RunChange& change : changes.runs) {
    if (auto done = ack("run", change.id, change.run.monotonic_duration_ms); !done) return done.error();
  }
  for (const ClockEventChange& change : changes.clock_events) {
    if (auto done = ack("clock_event", change.id, 0); !done) return done.error();
  }
  if (auto committed = transaction->commit(); !committed)
    return failed("recording the centre's acknowledgement", committed.error());
  return {};
}

}  // namespace pk::sla
