#include "sync/sync_worker.h"

#include <spdlog/spdlog.h>

#include <ctime>

#include "base/database.h"
#include "offline-store/store.h"
#include "sla/ledger.h"
#include "sync/catalog_update.h"
#include "sync/centre_client.h"
#include "sync/delivery.h"

namespace pk::sync {

// Everything the worker thread owns; created on start() so that a Store that cannot be
// opened is reported to the caller instead of inside the thread.
class WorkerState {
 public:
  WorkerState(std::unique_ptr<store::Store> opened, const SyncOptions& options)
      : store(std::move(opened)),
        http(options.http),
        centre(http, options.centre_url),
        tus(http, options.centre_url, options.tus),
        backoff(options.backoff) {}

  std::unique_ptr<store::Store> store;
  sla::SystemTimeSource system_time;
  sla::TimeSource* time = &system_time;
  std::unique_ptr<sla::Ledger> ledger;  // a SyncClient connection; null with LedgerSync::Off
  HttpClient http;
  CentreClient centre;
  TusClient tus;
  Backoff backoff;
  std::chrono::steady_clock::time_point next_status_poll{};
  int status_failures = 0;
  std::chrono::steady_clock::time_point next_ledger_sync{};
  int ledger_failures = 0;
  std::chrono::steady_clock::time_point next_heartbeat{};
  std::chrono::steady_clock::time_point next_catalog_check{};
  int catalog_failures = 0;
  std::string catalog_etag;      // of the last catalog judged; empty: fetch it in full
  std::string master_list_etag;  // likewise for the CSCA master list
};

namespace {

int64_t now_unix() { return static_cast<int64_t>(std::time(nullptr)); }

std::chrono::milliseconds doubled(std::chrono::milliseconds base, int failures, int max_factor) {
  int factor = 1;
  for (int i = 0; i < failures && factor < max_factor; ++i) factor *= 2;
  return base * factor;
}

std::optional<store::CentreStatus> to_store(CentreStatus status) {
  return store::centre_status_from(to_string(status));
}

std::optional<store::CentreDecision> to_store(const std::optional<CentreDecision>& decision) {
  if (!decision) return std::nullopt;
  return store::CentreDecision{decision->note, decision->credit, decision->decided_unix};
}

// A crash between mark_delivered and purge_documents leaves delivered pages on the disk:
// purge them on start. Read through a second connection, since Store has no query for it.
void purge_leftovers(store::Store& store) {
  auto db = store::Database::open(store.path(), {store::OpenMode::ReadOnly, {}, 5000});
  if (!db) return spdlog::warn("sync: cannot look for delivered pages to purge: {}", db.error().message);
  auto query = db->prepare(
      "SELECT id, tracking_code FROM applications WHERE state IN ('sent', 'confirmed') AND EXISTS"
      " (SELECT 1 FROM documents d WHERE d.application_id = applications.id AND d.sealed_content IS NOT "
      "NULL)");
  if (!query) return spdlog::warn("sync: {}", query.error().message);
  std::vector<std::pair<int64_t, std::string>> leftovers;
  for (auto row = query->step(); row && *row == store::StepResult::Row; row = query->step()) {
    leftovers.emplace_back(query->column_int64(0), query->column_text(1));
  }
  for (const auto& [id, code] : leftovers) {
    if (auto purged = store.purge_documents(id); !purged) {
      spdlog::warn("sync: purge {}: {}", code, purged.error().message);
    } else {
      spdlog::info("sync: purged the delivered pages of {} left by an interrupted run", code);
    }
  }
}

}  // namespace

SyncWorker::SyncWorker(SyncOptions options) : m_options(std::move(options)) {}

SyncWorker::~SyncWorker() { stop(); }

Result<void> SyncWorker::start() {
  if (m_thread.joinable()) return make_error("sync: worker already running");
  auto opened = store::Store::open(m_options.store_file);
  if (!opened) return make_error("sync: cannot open the store: " + opened.error().message);
  {
    std::lock_guard lock(m_mutex);
    m_stopping = false;
  }
  auto state = std::make_unique<WorkerState>(std::move(opened).value(), m_options);
  if (m_options.ledger == LedgerSync::On) {
    if (m_options.terminal_id.empty()) return make_error("sync: the ledger sync needs a terminal id");
    if (m_options.time_source != nullptr) state->time = m_options.time_source;
    auto ledger = sla::Ledger::open_for_sync(m_options.store_file, *state->time);
    if (!ledger) return make_error("sync: cannot open the service-level ledger: " + ledger.error().message);
    state->ledger = std::move(ledger).value();
  }
  m_thread = std::thread([this, s = std::move(state)]() mutable { run(std::move(s)); });
  return {};
}

void SyncWorker::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wakeup.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void SyncWorker::wake() {
  {
    std::lock_guard lock(m_mutex);
    m_woken = true;
  }
  m_wakeup.notify_all();
}

SyncCounters SyncWorker::counters() const {
  SyncCounters counters;
  counters.delivered = m_delivered.load();
  counters.failed_attempts = m_failed.load();
  counters.bytes_uploaded = m_bytes.load();
  counters.ledger_rows_sent = m_ledger_rows.load();
  counters.ledger_syncs = m_ledger_syncs.load();
  counters.statuses_changed = m_statuses.load();
  counters.catalog_checks = m_catalog_checks.load();
  counters.catalogs_stored = m_catalogs_stored.load();
  counters.master_lists_stored = m_master_lists_stored.load();
  counters.heartbeats_answered = m_beats_answered.load();
  counters.heartbeats_refused = m_beats_refused.load();
  counters.heartbeats_missed = m_beats_missed.load();
  counters.heartbeats_missed_in_row = m_beats_missed_in_row.load();
  counters.first_missed_in_row = std::chrono::steady_clock::time_point(
      std::chrono::steady_clock::duration(m_first_missed_in_row.load()));
  return counters;
}

bool SyncWorker::stopping() {
  std::lock_guard lock(m_mutex);
  return m_stopping;
}

void SyncWorker::wait_for(std::chrono::milliseconds duration) {
  std::unique_lock lock(m_mutex);
  m_wakeup.wait_for(lock, duration, [this] { return m_stopping || m_woken; });
  m_woken = false;
}

void SyncWorker::run(std::unique_ptr<WorkerState> state) {
  purge_leftovers(*state->store);
  while (!stopping()) {
    auto due = state->store->pending_outbox(m_options.batch, now_unix());
    if (!due) {
      spdlog::error("sync: cannot read the outbox: {}", due.error().message);
      wait_for(m_options.idle_wait);
      continue;
    }
    deliver_due(*state, *due);
    const auto now = std::chrono::steady_clock::now();
    if (!stopping() && now >= state->next_status_poll) poll_statuses(*state);
    if (!stopping() && state->ledger && now >= state->next_ledger_sync)
      sync_ledger(*state);
    else if (!stopping() && state->ledger && now >= state->next_heartbeat)
      (void)heartbeat(*state);  // between ledger syncs (a failed one waits longer): the link probe
    const bool catalog_on = !m_options.catalog_file.empty() && !m_options.catalog_public_key.empty();
    if (!stopping() && catalog_on && now >= state->next_catalog_check) check_catalog(*state);
    // Sleep only when nothing was due; with a full batch there may be more right away.
    if (due->size() < static_cast<size_t>(m_options.batch)) {
      auto next = std::min(
          state->next_status_poll,
          state->ledger ? std::min(state->next_ledger_sync, state->next_heartbeat) : state->next_status_poll);
      if (catalog_on) next = std::min(next, state->next_catalog_check);
      const auto until_next =
          std::chrono::duration_cast<std::chrono::milliseconds>(next - std::chrono::steady_clock::now());
      wait_for(std::clamp(until_next, std::chrono::milliseconds(1), m_options.idle_wait));
    }
  }
}

void SyncWorker::deliver_due(WorkerState& state, const std::vector<store::OutboxEntry>& due) {
  for (const store::OutboxEntry& entry : due) {
    if (stopping()) break;
    DeliveryStats stats;
    auto result = deliver(*state.store, entry, state.centre, state.tus, stats);
    m_bytes += stats.bytes_uploaded;
    if (result.ok()) {
      if (auto marked = state.store->mark_delivered(entry.id, now_unix()); !marked) {
        spdlog::error("sync: {} delivered but not marked: {}", entry.tracking_code, marked.error().message);
        continue;  // the next pass re-submits; the key makes that harmless
      }
      // Only now, with every page's SHA-256 confirmed by the centre (deliver() checked it).
      if (auto purged = state.store->purge_documents(entry.application_id); !purged) {
        spdlog::error("sync: {}: {}", entry.tracking_code, purged.error().message);
      }
      ++m_delivered;
      const CentreStatus status = result->status;
      spdlog::info("sync: {} delivered, centre status {}", entry.tracking_code, to_string(status));
      if (auto stored = to_store(status)) {
        auto recorded = state.store->record_centre_status(entry.tracking_code, *stored, now_unix(),
                                                          to_store(result->decision));
        if (!recorded)
          spdlog::warn("sync: {}: centre status not stored: {}", entry.tracking_code,
                       recorded.error().message);
        if (recorded && *recorded) ++m_statuses;
      }
      if (m_options.on_status) m_options.on_status(entry.tracking_code, status);
      continue;
    }
    ++m_failed;
    const bool can_help = retry_can_help(result.error());
    const auto wait = !can_help ? m_options.backoff.max : state.backoff.delay_after(entry.attempts + 1);
    const int64_t next = now_unix() + (wait.count() + 999) / 1000;
    spdlog::warn("sync: {} attempt {} failed ({}): {}", entry.tracking_code, entry.attempts + 1,
                 !can_help ? "refused; waiting for a technician" : "will retry", result.error().message);
    if (auto recorded = state.store->record_attempt(entry.id, result.error().message, next); !recorded) {
      spdlog::error("sync: {}: attempt not recorded: {}", entry.tracking_code, recorded.error().message);
    }
  }
}

// Asks the centre about delivered captures whose status is not final, a bounded batch at a
// time, and keeps what it says in the store for the kiosk's offline status lookup.
void SyncWorker::poll_statuses(WorkerState& state) {
  const auto window = std::chrono::duration_cast<std::chrono::seconds>(m_options.status_window).count();
  auto codes = state.store->centre_statuses_to_poll(m_options.status_batch, now_unix() - window);
  bool failed = !codes;
  if (!codes) spdlog::error("sync: cannot list the statuses to ask about: {}", codes.error().message);
  for (size_t i = 0; codes && i < codes->size() && !stopping(); ++i) {
    const std::string& code = (*codes)[i];
    auto reply = state.centre.status(code);
    if (!reply.ok()) {
      spdlog::warn("sync: status of {}: {}", code, reply.error().message);
      if (m_options.on_status_asked) m_options.on_status_asked(code, false);
      failed = true;
      break;  // the centre or the link is in trouble: try the rest in the next round
    }
    const CentreStatus status = reply->status;
    auto stored = to_store(status);
    if (!stored) {
      if (m_options.on_status_asked) m_options.on_status_asked(code, true);
      continue;
    }
    auto recorded = state.store->record_centre_status(code, *stored, now_unix(), to_store(reply->decision));
    if (!recorded) {
      spdlog::error("sync: status of {} not stored: {}", code, recorded.error().message);
      if (m_options.on_status_asked) m_options.on_status_asked(code, false);
      continue;
    }
    if (*recorded) {
      ++m_statuses;
      spdlog::info("sync: {} is now {} at the centre{}", code, to_string(status),
                   reply->decision ? ", with the back office's decision" : "");
      if (m_options.on_status) m_options.on_status(code, status);
    }
    if (m_options.on_status_asked) m_options.on_status_asked(code, true);
  }
  state.status_failures = failed ? state.status_failures + 1 : 0;
  state.next_status_poll =
      std::chrono::steady_clock::now() + doubled(m_options.status_poll, state.status_failures, 16);
}

// POST /v1/heartbeat, the centre's clock into the ledger (figures resting on a wrong clock are
// flagged). The next one is due heartbeat_every after this one started, failed or not: a beat
// that waits out the connect timeout does not push the next one back.
bool SyncWorker::heartbeat(WorkerState& state) {
  const auto sent = std::chrono::steady_clock::now();
  state.next_heartbeat = sent + m_options.heartbeat_every;
  auto stats = state.store->stats(now_unix());
  auto beat = state.centre.heartbeat(m_options.terminal_id, stats ? stats->pending_outbox : -1);
  if (!beat.ok() && beat.error().kind == ErrorKind::Refused) {
    ++m_beats_refused;
    m_beats_missed_in_row = 0;  // it answered: whatever outage the missed beats opened is over
    spdlog::error("sync: the centre is up but refuses this terminal: {}", beat.error().message);
    return false;
  }
  if (!beat.ok()) {
    // The time is stored before the counts move, so a reader that sees them sees it too.
    if (m_beats_missed_in_row.load() == 0) m_first_missed_in_row = sent.time_since_epoch().count();
    ++m_beats_missed;
    ++m_beats_missed_in_row;
    spdlog::warn("sync: {}", beat.error().message);
    return false;
  }
  ++m_beats_answered;
  m_beats_missed_in_row = 0;
  const sla::TimePoint local = state.time->now();
  if (auto recorded = state.ledger->record_centre_time(*beat, local.wall_unix, local.monotonic_ms); !recorded)
    spdlog::error("sync: {}", recorded.error().message);
  return true;
}

// A heartbeat, the centre's outage notices into the ledger (the welcome screen reads them from
// there), then the ledger rows the centre has not acknowledged.
void SyncWorker::sync_ledger(WorkerState& state) {
  sla::Ledger& ledger = *state.ledger;
  bool failed = !heartbeat(state);
  if (!failed) {
    auto notices = state.centre.notices();
    if (!notices.ok()) {
      spdlog::warn("sync: {}", notices.error().message);
      failed = true;
    } else if (auto stored = ledger.store_notices(*notices); !stored) {
      spdlog::error("sync: {}", stored.error().message);
    }
  }
  // A bounded number of rounds: a terminal with a long backlog catches up over several passes.
  for (int round = 0; round < 8 && !failed && !stopping(); ++round) {
    auto changes = ledger.changes_for_centre(static_cast<int>(kMaxLedgerRows / 2));
    if (!changes) {
      spdlog::error("sync: {}", changes.error().message);
      failed = true;
      break;
    }
    if (changes->empty()) break;
    auto sent = state.centre.upload_ledger({m_options.terminal_id, *changes});
    if (!sent.ok()) {
      spdlog::warn("sync: {}", sent.error().message);
      failed = true;
      break;
    }
    if (auto acked = ledger.acknowledge(*changes); !acked) {
      spdlog::error("sync: {}", acked.error().message);  // sent again next time: harmless
      failed = true;
      break;
    }
    m_ledger_rows += static_cast<int64_t>(changes->size());
  }
  state.ledger_failures = failed ? state.ledger_failures + 1 : 0;
  state.next_ledger_sync =
      std::chrono::steady_clock::now() + doubled(m_options.ledger_every, state.ledger_failures, 8);
  ++m_ledger_syncs;
}

// Asks the centre for its catalog (a 304 when the ETag still matches) and stores a newer one
// that verifies; anything else keeps the catalog the terminal has, with a line in the log.
void SyncWorker::check_catalog(WorkerState& state) {
  const CatalogUpdateResult update =
      update_catalog(state.centre, m_options.catalog_public_key, m_options.catalog_file, state.catalog_etag);
  switch (update.result) {
    case CatalogUpdate::Stored:
      spdlog::info("sync: {}", update.message);
      m_catalog_version = update.version;
      ++m_catalogs_stored;
      break;
    case CatalogUpdate::Unchanged:
      break;
    case CatalogUpdate::KeptNewer:
      spdlog::warn("sync: {}", update.message);
      break;
    case CatalogUpdate::Failed:
      spdlog::warn("sync: catalog update refused, the terminal keeps the catalog it has: {}", update.message);
      break;
  }
  const bool failed = update.result == CatalogUpdate::Failed;
  // A refused catalog is fetched in full next time; a judged one is asked about by its ETag.
  if (!failed) state.catalog_etag = update.etag;
  if (!m_options.csca_master_list_file.empty() && m_options.csca_master_list_check)
    check_csca_master_list(state);
  state.catalog_failures = failed ? state.catalog_failures + 1 : 0;
  state.next_catalog_check =
      std::chrono::steady_clock::now() + doubled(m_options.catalog_every, state.catalog_failures, 8);
  ++m_catalog_checks;
}

// The CSCA master list rides with the catalog check: same key, same pace.
void SyncWorker::check_csca_master_list(WorkerState& state) {
  const MasterListUpdateResult update =
      update_csca_master_list(state.centre, m_options.catalog_public_key, m_options.csca_master_list_file,
                              m_options.csca_master_list_check, state.master_list_etag);
  switch (update.result) {
    case MasterListUpdate::Stored:
      spdlog::info("sync: {}", update.message);
      ++m_master_lists_stored;
      break;
    case MasterListUpdate::Unchanged:
    case MasterListUpdate::NoneAtCentre:
      break;
    case MasterListUpdate::KeptNewer:
      spdlog::warn("sync: {}", update.message);
      break;
    case MasterListUpdate::Failed:
      spdlog::warn("sync: CSCA master list refused, the terminal keeps the one it has: {}", update.message);
      break;
  }
  // A refused list is fetched in full next time; a judged one is asked about by its ETag.
  if (update.result != MasterListUpdate::Failed) state.master_list_etag = update.etag;
}

}  // namespace pk::sync
