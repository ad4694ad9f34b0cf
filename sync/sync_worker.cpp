#include "sync/sync_worker.h"

#include <spdlog/spdlog.h>

#include <ctime>

#include "offline-store/database.h"
#include "offline-store/store.h"
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
  HttpClient http;
  CentreClient centre;
  TusClient tus;
  Backoff backoff;
  // Delivered applications whose centre status is not final yet, and what we last heard.
  std::map<std::string, CentreStatus> watched;
  std::chrono::steady_clock::time_point next_status_poll{};
};

namespace {

int64_t now_unix() { return static_cast<int64_t>(std::time(nullptr)); }

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

SyncCounters SyncWorker::counters() const { return {m_delivered.load(), m_failed.load(), m_bytes.load()}; }

void SyncWorker::wait_for(std::chrono::milliseconds duration) {
  std::unique_lock lock(m_mutex);
  m_wakeup.wait_for(lock, duration, [this] { return m_stopping || m_woken; });
  m_woken = false;
}

void SyncWorker::run(std::unique_ptr<WorkerState> state) {
  purge_leftovers(*state->store);
  auto stopping = [this] {
    std::lock_guard lock(m_mutex);
    return m_stopping;
  };
  while (!stopping()) {
    auto due = state->store->pending_outbox(m_options.batch, now_unix());
    if (!due) {
      spdlog::error("sync: cannot read the outbox: {}", due.error().message);
      wait_for(m_options.idle_wait);
      continue;
    }
    for (const store::OutboxEntry& entry : *due) {
      if (stopping()) break;
      DeliveryStats stats;
      auto result = deliver(*state->store, entry, state->centre, state->tus, stats);
      m_bytes += stats.bytes_uploaded;
      if (result.ok()) {
        if (auto marked = state->store->mark_delivered(entry.id, now_unix()); !marked) {
          spdlog::error("sync: {} delivered but not marked: {}", entry.tracking_code, marked.error().message);
          continue;  // the next pass re-submits; the key makes that harmless
        }
        if (auto purged = state->store->purge_documents(entry.application_id); !purged) {
          spdlog::error("sync: {}: {}", entry.tracking_code, purged.error().message);
        }
        ++m_delivered;
        spdlog::info("sync: {} delivered, centre status {}", entry.tracking_code,
                     to_string(result.value->status));
        if (!is_final(result.value->status)) state->watched[entry.tracking_code] = result.value->status;
        if (m_options.on_status) m_options.on_status(entry.tracking_code, result.value->status);
        continue;
      }
      ++m_failed;
      const auto wait = result.error.retry == Retry::Never ? m_options.backoff.max
                                                           : state->backoff.delay_after(entry.attempts + 1);
      const int64_t next = now_unix() + (wait.count() + 999) / 1000;
      spdlog::warn("sync: {} attempt {} failed ({}): {}", entry.tracking_code, entry.attempts + 1,
                   result.error.retry == Retry::Never ? "refused; waiting for a technician" : "will retry",
                   result.error.message);
      if (auto recorded = state->store->record_attempt(entry.id, result.error.message, next); !recorded) {
        spdlog::error("sync: {}: attempt not recorded: {}", entry.tracking_code, recorded.error().message);
      }
    }

    if (!state->watched.empty() && std::chrono::steady_clock::now() >= state->next_status_poll) {
      state->next_status_poll = std::chrono::steady_clock::now() + m_options.status_poll;
      for (auto it = state->watched.begin(); it != state->watched.end() && !stopping();) {
        auto reply = state->centre.status(it->first);
        if (!reply.ok()) {
          spdlog::warn("sync: status of {}: {}", it->first, reply.error.message);
          ++it;
          continue;
        }
        const CentreStatus status = reply.value->status;
        if (status != it->second) {
          (void)state->store->append_audit("sync", "centre_status",
                                           it->first + " " + std::string(to_string(status)));
          if (m_options.on_status) m_options.on_status(it->first, status);
          it->second = status;
        }
        it = is_final(status) ? state->watched.erase(it) : std::next(it);
      }
    }
    // Sleep only when nothing was due; with a full batch there may be more right away.
    if (due->size() < static_cast<size_t>(m_options.batch)) {
      const auto idle =
          state->watched.empty() ? m_options.idle_wait : std::min(m_options.idle_wait, m_options.status_poll);
      wait_for(idle);
    }
  }
}

}  // namespace pk::sync
