// The ledger's notices, clock samples and the snapshot the figures are computed from.
#include <algorithm>

#include "domain/sla_notice_format.h"
#include "sla/ledger.h"

namespace pk::sla {
namespace {

Error failed(std::string_view doing, const Error& error) {
  return make_error("service-level ledger: " + std::string(doing) + ": " + error.message);
}

// Runs `query` to the end, handing each row to `read`; `read` may refuse a malformed row.
template <class Read>
Result<void> each_row(store::Database& db, std::string_view sql, std::string_view doing, Read read) {
  auto query = db.prepare(sql);
  if (!query) return failed(doing, query.error());
  for (;;) {
    auto row = query->step();
    if (!row) return failed(doing, row.error());
    if (*row == store::StepResult::Done) return {};
    if (auto ok = read(*query); !ok) return failed(doing, ok.error());
  }
}

Result<Notice> read_notice(const store::Statement& row) {
  auto services = ServiceScope::from_text(row.column_text(4));
  if (!services) return make_error("notice " + row.column_text(0) + " has malformed services");
  return Notice{row.column_text(0), row.column_int64(1), row.column_int64(2), row.column_int64(3),
                *services,          row.column_text(5),  row.column_text(6)};
}

constexpr std::string_view kSelectNotices =
    "SELECT id, published_unix, starts_unix, ends_unix, services, text_fa, text_en FROM outage_notices "
    "ORDER BY starts_unix, id";

}  // namespace

Result<void> Ledger::record_centre_time(int64_t centre_unix, int64_t local_unix, int64_t monotonic_ms) {
  auto insert = m_db.prepare(
      "INSERT INTO clock_events (kind, boot_id, wall_unix, monotonic_ms, centre_unix, offset_seconds) "
      "VALUES ('centre_sync', ?1, ?2, ?3, ?4, ?5)");
  if (!insert) return failed("recording the centre's time", insert.error());
  insert->bind(1, m_boot_id)
      .bind(2, local_unix)
      .bind(3, monotonic_ms)
      .bind(4, centre_unix)
      .bind(5, centre_unix - local_unix);
  if (auto ran = insert->run(); !ran) return failed("recording the centre's time", ran.error());
  return {};
}

Result<void> Ledger::store_notices(std::span<const Notice> notices) {
  const int64_t received = m_time.now().wall_unix;
  auto transaction = store::Transaction::begin(m_db);
  if (!transaction) return failed("storing outage notices", transaction.error());
  auto upsert = m_db.prepare(
      "INSERT INTO outage_notices (id, published_unix, starts_unix, ends_unix, services, text_fa, text_en, "
      "  received_wall_unix) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (id) DO UPDATE SET published_unix = excluded.published_unix, starts_unix = "
      "excluded.starts_unix, "
      "  ends_unix = excluded.ends_unix, services = excluded.services, text_fa = excluded.text_fa, "
      "  text_en = excluded.text_en, received_wall_unix = excluded.received_wall_unix "
      "WHERE outage_notices.published_unix IS NOT excluded.published_unix "
      "   OR outage_notices.starts_unix IS NOT excluded.starts_unix OR outage_notices.ends_unix IS NOT "
      "excluded.ends_unix "
      "   OR outage_notices.services IS NOT excluded.services OR outage_notices.text_fa IS NOT "
      "excluded.text_fa "
      "   OR outage_notices.text_en IS NOT excluded.text_en");
  if (!upsert) return failed("storing outage notices", upsert.error());
  for (const Notice& n : notices) {
    upsert->bind(1, n.id).bind(2, n.published_unix).bind(3, n.starts_unix).bind(4, n.ends_unix);
    upsert->bind(5, n.services.to_text()).bind(6, n.text_fa).bind(7, n.text_en).bind(8, received);
    if (auto ran = upsert->run(); !ran) return failed("storing outage notice " + n.id, ran.error());
    upsert->reset();
  }
  if (auto committed = transaction->commit(); !committed)
    return failed("storing outage notices", committed.error());
  return {};
}

Result<std::vector<Notice>> Ledger::notices() {
  std::vector<Notice> result;
  auto read = each_row(m_db, kSelectNotices, "reading outage notices",
                       [&](const store::Statement& row) -> Result<void> {
                         auto notice = read_notice(row);
                         if (!notice) return notice.error();
                         result.push_back(std::move(notice).value());
                         return {};
                       });
  if (!read) return read.error();
  return result;
}

Result<std::vector<Notice>> Ledger::welcome_notices() {
  auto all = notices();
  if (!all) return all.error();
  return notices_to_show(*all, m_time.now().wall_unix);
}

Result<LedgerSnapshot> Ledger::snapshot() {
  const TimePoint now = m_time.now();
  LedgerSnapshot snapshot;
  snapshot.as_of_unix = now.wall_unix;

  auto outages = each_row(m_db,
                          "SELECT id, cause, services, boot_id, started_wall_unix, started_monotonic_ms, "
                          "ended_wall_unix, duration_ms, "
                          "end_kind FROM outages ORDER BY id",
                          "reading outages", [&](const store::Statement& row) -> Result<void> {
                            auto cause = outage_cause_from(row.column_text(1));
                            auto services = ServiceScope::from_text(row.column_text(2));
                            if (!cause || !services)
                              return make_error("outage " + row.column_text(0) + " is malformed");
                            Outage outage;
                            outage.id = row.column_int64(0);
                            outage.cause = *cause;
                            outage.services = *services;
                            outage.start_unix = row.column_int64(4);
                            outage.end_unix = row.column_optional_int64(6);
                            outage.monotonic_duration_ms = row.column_optional_int64(7);
                            const std::string end_kind = row.column_optional_text(8).value_or("");
                            outage.end = end_kind == "observed"         ? OutageEnd::Observed
                                         : end_kind == "last_heartbeat" ? OutageEnd::LastHeartbeat
                                                                        : OutageEnd::Open;
                            // An open outage of this boot is measured on the monotonic clock up to now.
                            if (outage.end == OutageEnd::Open && row.column_text(3) == m_boot_id) {
                              outage.monotonic_duration_ms =
                                  std::max<int64_t>(0, now.monotonic_ms - row.column_int64(5));
                            }
                            snapshot.outages.push_back(std::move(outage));
                            return {};
                          });
  if (!outages) return outages.error();

  auto runs = each_row(m_db,
                       "SELECT id, boot_id, started_wall_unix, started_monotonic_ms, last_wall_unix, "
                       "last_monotonic_ms FROM heartbeats ORDER BY id",
                       "reading heartbeats", [&](const store::Statement& row) -> Result<void> {
                         Run run{row.column_text(1), row.column_int64(2),
                                 row.column_int64(5) - row.column_int64(3), row.column_int64(4)};
                         // This process is alive now: its run reaches to now, not only to its last beat.
                         if (row.column_int64(0) == m_run_id) {
                           run.monotonic_duration_ms = now.monotonic_ms - row.column_int64(3);
                           run.last_wall_unix = now.wall_unix;
                         }
                         snapshot.runs.push_back(std::move(run));
                         return {};
                       });
  if (!runs) return runs.error();

  auto clock = each_row(m_db, "SELECT kind, wall_unix, offset_seconds FROM clock_events ORDER BY id",
                        "reading clock events", [&](const store::Statement& row) -> Result<void> {
                          const ClockEventKind kind = row.column_text(0) == "wall_jump"
                                                          ? ClockEventKind::WallJump
                                                          : ClockEventKind::CentreSync;
                          snapshot.clock_events.push_back({kind, row.column_int64(1), row.column_int64(2)});
                          return {};
                        });
  if (!clock) return clock.error();

  auto reports = each_row(
      m_db,
      "SELECT service_number, created_at_unix FROM applications WHERE kind = 'failure_report' ORDER BY id",
      "reading failure reports", [&](const store::Statement& row) -> Result<void> {
        const auto service = row.column_optional_int64(0);
        snapshot.failure_reports.push_back(
            {service ? std::optional<int>(static_cast<int>(*service)) : std::nullopt, row.column_int64(1)});
        return {};
      });
  if (!reports) return reports.error();

  auto notices_read = notices();
  if (!notices_read) return notices_read.error();
  snapshot.notices = std::move(notices_read).value();
  return snapshot;
}

Result<TechnicianData> Ledger::technician_data(std::span<const int> services,
                                               const TechnicianOptions& options) {
  auto taken = snapshot();
  if (!taken) return taken.error();
  return sla::technician_data(*taken, services, options);
}

}  // namespace pk::sla
