#pragma once
// SyncWorker: the terminal's background delivery thread. It owns its own Store connection
// (a Store is not thread-safe) and its own HTTP connection, so the UI thread only ever saves
// to its store and calls wake(); it never waits on the network.
//
// What callers may rely on:
//  - An outbox entry is marked delivered, and its pages purged, only after the centre has
//    confirmed every page's SHA-256. Until then it stays in the outbox, whatever happens.
//  - Every failed attempt is recorded in the store (record_attempt) with the error text and
//    the time of the next try: exponential backoff with jitter. A refusal that a retry cannot
//    fix (4xx) waits the longest backoff, so a technician sees it and nothing is dropped.
//  - Every submission carries the outbox's idempotency key: a retry after a lost reply, or
//    after the process was killed, never makes a second copy at the centre.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "domain/result.h"
#include "offline-store/records.h"
#include "protocol/wire.h"
#include "sla/time_source.h"
#include "sync/backoff.h"
#include "sync/csca_master_list_update.h"
#include "sync/http_client.h"
#include "sync/tus_client.h"

namespace pk::sync {

// Whether the worker also keeps the service-level ledger in step with the centre: heartbeat
// with the centre's clock recorded, outage notices stored, ledger rows sent (see sla/ledger.h).
enum class LedgerSync { Off, On };

struct SyncOptions {
  std::filesystem::path store_file;
  std::string centre_url;  // scheme://host:port
  HttpOptions http;
  TusOptions tus;
  BackoffPolicy backoff;
  // How long to sleep when nothing is due (wake() cuts it short).
  std::chrono::milliseconds idle_wait{5'000};
  // How often to ask the centre about delivered applications and failure reports whose status
  // is not final; a round that fails waits twice as long, up to 16 times this.
  std::chrono::milliseconds status_poll{60'000};
  // Each round asks about at most status_batch captures delivered within status_window,
  // least recently asked first: bounded work however many captures wait for a decision.
  int status_batch = 20;
  std::chrono::seconds status_window{std::chrono::hours(24 * 90)};
  int batch = 16;
  // Names this terminal to the centre (heartbeat, ledger rows). Required with LedgerSync::On.
  std::string terminal_id;
  LedgerSync ledger = LedgerSync::Off;
  // How often to fetch notices and send the ledger (after a heartbeat); a failure waits twice
  // as long, up to 8 times this.
  std::chrono::milliseconds ledger_every{60'000};
  // How often to heartbeat (with LedgerSync::On). The heartbeat is also the terminal's probe of
  // the link: it keeps this pace whether it fails or not (it is never backed off), so the kiosk
  // sees the centre go and come back within a beat or two, even when nothing is being delivered.
  std::chrono::milliseconds heartbeat_every{60'000};
  // Where the ledger reads the terminal's clock; null: the system's. Tests give a wrong one.
  sla::TimeSource* time_source = nullptr;
  // The centre's signed catalog: checked at start and every catalog_every (a failed check
  // waits twice as long, up to 8 times this), with the last reply's ETag so an unchanged one
  // costs a 304. A newer one that verifies is stored in catalog_file (sync/catalog_update.h);
  // the kiosk switches to it when no citizen is using it (catalog_version_stored()). Off when
  // catalog_file or catalog_public_key is empty.
  std::filesystem::path catalog_file;
  std::string catalog_public_key;  // base64 Ed25519 (TerminalIdentity::catalog_public_key)
  std::chrono::milliseconds catalog_every{std::chrono::minutes(30)};
  // The CSCA master list (sync/csca_master_list_update.h): checked with the catalog, signed
  // with the same key; a newer one that verifies and that `csca_master_list_check` parses is
  // stored in csca_master_list_file. Off when either is empty.
  std::filesystem::path csca_master_list_file;
  MasterListCheck csca_master_list_check;
  // Called on the worker thread whenever the centre reports a new status or a newer decision
  // for an application or a failure report.
  std::function<void(const std::string& tracking_code, CentreStatus status)> on_status;
  // Called on the worker thread after each status call of a poll round, changed or not:
  // answered is false when the centre or the link failed (the round stops there), or when
  // what it said could not be stored.
  std::function<void(const std::string& tracking_code, bool answered)> on_status_asked;
};

struct SyncCounters {
  int64_t delivered = 0;
  int64_t failed_attempts = 0;
  int64_t bytes_uploaded = 0;
  int64_t ledger_rows_sent = 0;     // acknowledged by the centre
  int64_t statuses_changed = 0;     // centre statuses that moved forward, or newer decisions, in the store
  int64_t catalog_checks = 0;       // catalog checks finished, whatever their result
  int64_t catalogs_stored = 0;      // newer verified catalogs written to catalog_file
  int64_t master_lists_stored = 0;  // newer verified CSCA master lists written to their file
  // Ledger syncs finished (heartbeat, the centre's notices stored, rows sent), whatever their
  // result: after the first, the ledger holds the notices the centre had then.
  int64_t ledger_syncs = 0;
  int64_t heartbeats_answered = 0;
  // Answered with a refusal (a 4xx: this terminal revoked or unknown, a request the centre will
  // not take): the centre is up, so it is no missed beat and opens no centre outage; the
  // terminal's own trouble shows in the log and the technician's screens instead.
  int64_t heartbeats_refused = 0;
  int64_t heartbeats_missed = 0;         // the link, TLS or the centre failed the heartbeat
  int64_t heartbeats_missed_in_row = 0;  // since the last answered or refused one
  // When the first of those missed beats was sent (steady clock); meaningless while none is.
  std::chrono::steady_clock::time_point first_missed_in_row{};
};

class SyncWorker {
 public:
  explicit SyncWorker(SyncOptions options);
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;
  ~SyncWorker();

  // Opens the worker's own Store connection, then starts the thread.
  [[nodiscard]] Result<void> start();
  // Finishes the request in flight (bounded by the HTTP timeouts) and joins the thread.
  void stop();
  // Something was saved: look at the outbox now instead of after idle_wait.
  void wake();
  [[nodiscard]] SyncCounters counters() const;
  // The version of the newest catalog this worker stored in catalog_file; 0: none yet. Safe
  // from any thread: the kiosk compares it with the catalog in use and reloads when newer.
  [[nodiscard]] int64_t catalog_version_stored() const { return m_catalog_version.load(); }

 private:
  void run(std::unique_ptr<class WorkerState> state);
  void deliver_due(class WorkerState& state, const std::vector<store::OutboxEntry>& due);
  void poll_statuses(class WorkerState& state);
  void sync_ledger(class WorkerState& state);
  [[nodiscard]] bool heartbeat(class WorkerState& state);  // true when the centre answered
  void check_catalog(class WorkerState& state);
  void check_csca_master_list(class WorkerState& state);
  [[nodiscard]] bool stopping();
  void wait_for(std::chrono::milliseconds duration);

  SyncOptions m_options;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::condition_variable m_wakeup;
  bool m_stopping = false;
  bool m_woken = false;
  std::atomic<int64_t> m_delivered{0};
  std::atomic<int64_t> m_failed{0};
  std::atomic<int64_t> m_bytes{0};
  std::atomic<int64_t> m_ledger_rows{0};
  std::atomic<int64_t> m_ledger_syncs{0};
  std::atomic<int64_t> m_statuses{0};
  std::atomic<int64_t> m_catalog_checks{0};
  std::atomic<int64_t> m_catalogs_stored{0};
  std::atomic<int64_t> m_catalog_version{0};
  std::atomic<int64_t> m_master_lists_stored{0};
  std::atomic<int64_t> m_beats_answered{0};
  std::atomic<int64_t> m_beats_refused{0};
  std::atomic<int64_t> m_beats_missed{0};
  std::atomic<int64_t> m_beats_missed_in_row{0};
  std::atomic<std::chrono::steady_clock::rep> m_first_missed_in_row{0};  // steady_clock ticks
};

}  // namespace pk::sync
