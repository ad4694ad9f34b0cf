#include "sla/ledger.h"

#include <algorithm>
#include <cstdlib>

#include "offline-store/migrations.h"

namespace pk::sla {
namespace {

constexpr int kLedgerSchemaVersion = 2;

Error failed(std::string_view doing, const Error& error) {
  return make_error("service-level ledger: " + std::string(doing) + ": " + error.message);
}

}  // namespace

Ledger::Ledger(store::Database db, TimeSource& time, LedgerOptions options)
    : m_db(std::move(db)), m_time(time), m_options(std::move(options)) {
  if (m_options.max_gap_seconds <= 0) m_options.max_gap_seconds = 3 * m_options.heartbeat_interval_seconds;
}

Result<store::Database> Ledger::open_file(const std::filesystem::path& file, const LedgerOptions& options) {
  store::OpenOptions open_options;
  open_options.vfs_name = options.vfs_name;
  open_options.busy_timeout_ms = options.busy_timeout_ms;
  if (auto checked = store::check_existing_file(file, open_options); !checked) return checked.error();
  auto db = store::Database::open(file, open_options);
  if (!db) return db.error();
  auto version = store::migrate(*db);
  if (!version) return version.error();
  if (*version < kLedgerSchemaVersion) {
    return make_error("service-level ledger: " + file.string() + " is at schema version " +
                      std::to_string(*version) + ", the ledger needs version 2");
  }
  return std::move(db).value();
}

Result<std::unique_ptr<Ledger>> Ledger::open(const std::filesystem::path& file, TimeSource& time,
                                             LedgerOptions options) {
  auto db = open_file(file, options);
  if (!db) return db.error();
  std::unique_ptr<Ledger> ledger(new Ledger(std::move(db).value(), time, std::move(options)));
  ledger->m_boot_id = time.boot_id();
  if (auto recovered = ledger->recover(time.now()); !recovered) return recovered.error();
  return ledger;
}

// Closes what a previous process left open at its last beat, and starts this process's run, in
// one transaction: a power cut during recovery leaves the file as it was, to be recovered again.
Result<void> Ledger::recover(TimePoint now) {
  auto transaction = store::Transaction::begin(m_db);
  if (!transaction) return failed("recovering after a restart", transaction.error());

  auto last_beat = m_db.prepare("SELECT last_wall_unix FROM heartbeats ORDER BY id DESC LIMIT 1");
  if (!last_beat) return failed("recovering after a restart", last_beat.error());
  auto stepped = last_beat->step();
  if (!stepped) return failed("recovering after a restart", stepped.error());
  Recovery recovery;
  if (*stepped == store::StepResult::Row)
    recovery.unknown_gap_seconds = std::max<int64_t>(0, now.wall_unix - last_beat->column_int64(0));

  // For each open outage, the last beat of the same boot at or after the run it began in.
  auto open = m_db.prepare(
      "SELECT o.id, o.started_wall_unix, o.started_monotonic_ms, h.last_wall_unix, h.last_monotonic_ms "
      "FROM outages o JOIN heartbeats h ON h.id = (SELECT max(id) FROM heartbeats "
      "  WHERE boot_id = o.boot_id AND id >= o.run_id) "
      "WHERE o.ended_wall_unix IS NULL");
  if (!open) return failed("recovering after a restart", open.error());
  struct Closing {
    int64_t id, ended_wall, duration_ms;
  };
  std::vector<Closing> closing;
  for (;;) {
    auto row = open->step();
    if (!row) return failed("recovering after a restart", row.error());
    if (*row == store::StepResult::Done) break;
    const int64_t started_wall = open->column_int64(1);
    const int64_t started_mono = open->column_int64(2);
    const int64_t last_wall = open->column_int64(3);
    const int64_t last_mono = open->column_int64(4);
    const int64_t duration = std::max<int64_t>(0, last_mono - started_mono);
    closing.push_back({open->column_int64(0), duration == 0 ? started_wall : last_wall, duration});
  }
  auto close = m_db.prepare(
      "UPDATE outages SET ended_wall_unix = ?2, duration_ms = ?3, end_kind = 'last_heartbeat' "
      "WHERE id = ?1 AND ended_wall_unix IS NULL");
  if (!close) return failed("recovering after a restart", close.error());
  for (const Closing& c : closing) {
    if (auto ran = close->bind(1, c.id).bind(2, c.ended_wall).bind(3, c.duration_ms).run(); !ran) {
      return failed("closing an outage left open by a crash", ran.error());
    }
    close->reset();
  }
  recovery.closed_outages = static_cast<int>(closing.size());
  if (auto started = start_run(now); !started) return started.error();
  if (auto committed = transaction->commit(); !committed)
    return failed("recovering after a restart", committed.error());
  m_recovery = recovery;
  return {};
}

// Inside the caller's transaction. It moves m_run_id and m_last_beat to the new run; a caller
// whose commit fails puts them back.
Result<void> Ledger::start_run(TimePoint now) {
  auto insert = m_db.prepare(
      "INSERT INTO heartbeats (boot_id, started_wall_unix, started_monotonic_ms, last_wall_unix, "
      "last_monotonic_ms) "
      "VALUES (?1, ?2, ?3, ?2, ?3)");
  if (!insert) return failed("starting a run", insert.error());
  if (auto ran = insert->bind(1, m_boot_id).bind(2, now.wall_unix).bind(3, now.monotonic_ms).run(); !ran) {
    return failed("starting a run", ran.error());
  }
  m_run_id = m_db.last_insert_rowid();
  m_last_beat = now;
  m_run_start = now;
  return {};
}

Result<std::unique_ptr<Ledger>> Ledger::open_for_sync(const std::filesystem::path& file, TimeSource& time,
                                                      LedgerOptions options) {
  auto db = open_file(file, options);
  if (!db) return db.error();
  std::unique_ptr<Ledger> ledger(new Ledger(std::move(db).value(), time, std::move(options)));
  ledger->m_role = LedgerRole::SyncClient;
  ledger->m_boot_id = time.boot_id();
  return ledger;
}

Result<void> Ledger::heartbeat() { return beat(m_time.now()); }

Result<void> Ledger::heartbeat_if_due() {
  const TimePoint now = m_time.now();
  if (now.monotonic_ms - m_last_beat.monotonic_ms < int64_t{m_options.heartbeat_interval_seconds} * 1000)
    return {};
  return beat(now);
}

Result<void> Ledger::beat(TimePoint now) {
  if (m_role == LedgerRole::SyncClient)
    return make_error("service-level ledger: the sync client's connection does not beat");
  const int64_t monotonic_gap_ms = now.monotonic_ms - m_last_beat.monotonic_ms;
  // How far the wall clock moved against the monotonic one since the last beat.
  const int64_t jump = (now.wall_unix - m_last_beat.wall_unix) - monotonic_gap_ms / 1000;
  const bool jumped = std::llabs(jump) > m_options.clock.jump_tolerance_seconds;
  const bool gap = monotonic_gap_ms > int64_t{m_options.max_gap_seconds} * 1000;
  if (!jumped && !gap) {
    auto update = m_db.prepare(
        "UPDATE heartbeats SET last_wall_unix = ?2, last_monotonic_ms = ?3, beats = beats + 1 WHERE id = ?1");
    if (!update) return failed("heartbeat", update.error());
    if (auto ran = update->bind(1, m_run_id).bind(2, now.wall_unix).bind(3, now.monotonic_ms).run(); !ran) {
      return failed("heartbeat", ran.error());
    }
    m_last_beat = now;
    return {};
  }
  const int64_t previous_run = m_run_id;
  const TimePoint previous_beat = m_last_beat;
  const TimePoint previous_start = m_run_start;
  auto transaction = store::Transaction::begin(m_db);
  if (!transaction) return failed("heartbeat", transaction.error());
  if (jumped) {
    auto event = m_db.prepare(
        "INSERT INTO clock_events (kind, boot_id, wall_unix, monotonic_ms, offset_seconds) "
        "VALUES ('wall_jump', ?1, ?2, ?3, ?4)");
    if (!event) return failed("recording a wall-clock jump", event.error());
    if (auto ran =
            event->bind(1, m_boot_id).bind(2, now.wall_unix).bind(3, now.monotonic_ms).bind(4, jump).run();
        !ran) {
      return failed("recording a wall-clock jump", ran.error());
    }
  }
  Result<void> written = start_run(now);
  if (written) written = transaction->commit();
  if (written) return {};
  m_run_id = previous_run;  // nothing was written: keep beating into the old run
  m_last_beat = previous_beat;
  m_run_start = previous_start;
  return failed("heartbeat", written.error());
}

Result<int64_t> Ledger::open_outage(OutageCause cause, const ServiceScope& services, std::string_view detail,
                                    std::chrono::milliseconds started_ago) {
  if (auto beaten = heartbeat(); !beaten) return beaten.error();
  const int64_t ago_ms =
      std::clamp<int64_t>(started_ago.count(), 0, m_last_beat.monotonic_ms - m_run_start.monotonic_ms);
  // Whole seconds off the wall clock, rounded down: the start is never put before the first sign.
  const TimePoint now{m_last_beat.wall_unix - ago_ms / 1000, m_last_beat.monotonic_ms - ago_ms};
  auto insert = m_db.prepare(
      "INSERT INTO outages (cause, services, detail, run_id, boot_id, started_wall_unix, "
      "started_monotonic_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return failed("opening an outage", insert.error());
  insert->bind(1, to_string(cause)).bind(2, services.to_text()).bind(3, detail).bind(4, m_run_id);
  insert->bind(5, m_boot_id).bind(6, now.wall_unix).bind(7, now.monotonic_ms);
  if (auto ran = insert->run(); !ran) {
    return failed("opening a " + std::string(to_string(cause)) + " outage (is one already open?)",
                  ran.error());
  }
  return m_db.last_insert_rowid();
}

Result<void> Ledger::close_outage(int64_t outage_id) {
  if (auto beaten = heartbeat(); !beaten) return beaten.error();
  const TimePoint now = m_last_beat;
  // Same boot: the monotonic clock measures it. Another boot (an outage this process did not
  // open, which recovery should have closed): fall back to the wall clock.
  auto update = m_db.prepare(
      "UPDATE outages SET ended_wall_unix = ?2, end_kind = 'observed', "
      "  duration_ms = CASE WHEN boot_id = ?3 THEN max(0, ?4 - started_monotonic_ms) "
      "                     ELSE max(0, ?2 - started_wall_unix) * 1000 END "
      "WHERE id = ?1 AND ended_wall_unix IS NULL");
  if (!update) return failed("closing an outage", update.error());
  update->bind(1, outage_id).bind(2, now.wall_unix).bind(3, m_boot_id).bind(4, now.monotonic_ms);
  if (auto ran = update->run(); !ran) return failed("closing an outage", ran.error());
  if (m_db.changes() != 1) {
    return make_error("service-level ledger: outage " + std::to_string(outage_id) + " is not open");
  }
  return {};
}

Result<std::vector<OpenOutageRecord>> Ledger::open_outages() {
  auto query = m_db.prepare(
      "SELECT id, cause, services, started_wall_unix FROM outages WHERE ended_wall_unix IS NULL ORDER BY id");
  if (!query) return failed("listing open outages", query.error());
  std::vector<OpenOutageRecord> result;
  for (;;) {
    auto row = query->step();
    if (!row) return failed("listing open outages", row.error());
    if (*row == store::StepResult::Done) break;
    auto cause = outage_cause_from(query->column_text(1));
    auto services = ServiceScope::from_text(query->column_text(2));
    if (!cause || !services)
      return make_error("service-level ledger: outage " + query->column_text(0) + " is malformed");
    result.push_back({query->column_int64(0), *cause, *services, query->column_int64(3)});
  }
  return result;
}

}  // namespace pk::sla
