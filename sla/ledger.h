#pragma once
// The terminal's service-level ledger: heartbeats, outages, the centre's outage notices and
// clock events, kept in the offline store's SQLite file (schema v2) on a connection of its own.
//
// What callers may rely on:
//  - A call that returns success has committed durably; one that returns an Error changed nothing.
//  - open() closes any outage a previous process left open (crash, power cut) at that
//    process's last heartbeat on the same boot, marked OutageEnd::LastHeartbeat: the error is at
//    most one heartbeat interval, and the time after it is "unknown" in the figures. It then
//    starts a new run. An outage is never lost (it was written when it opened) and never doubled
//    (the schema allows one open outage per cause).
//  - heartbeat() is one small UPDATE of the current run's row, except when a new run starts
//    (wall clock jumped, or beats were further apart than max_gap_seconds).
//  - Not thread-safe: use from one thread, like the Store.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/database.h"
#include "domain/result.h"
#include "domain/sla_clock.h"
#include "domain/sla_model.h"
#include "domain/sla_technician.h"
#include "protocol/ledger_changes.h"
#include "sla/time_source.h"

namespace pk::sla {

struct LedgerOptions {
  int heartbeat_interval_seconds = 30;
  // Beats further apart than this (the process was frozen) start a new run; the time between
  // counts as unknown. 0: three heartbeat intervals.
  int max_gap_seconds = 0;
  ClockPolicy clock;
  std::string vfs_name;  // a registered sqlite3 VFS (tests inject faults with it)
  int busy_timeout_ms = 5000;
};

// What open() found and repaired.
struct Recovery {
  int closed_outages = 0;           // left open by the previous process
  int64_t unknown_gap_seconds = 0;  // wall time from the previous run's last beat to now
};

struct OpenOutageRecord {
  int64_t id = 0;
  OutageCause cause = OutageCause::CentreUnreachable;
  ServiceScope services = ServiceScope::all();
  int64_t start_unix = 0;
};

// Who holds a Ledger connection. The terminal's process holds one Terminal ledger (it recovers,
// beats and opens outages). The sync thread holds its own SyncClient connection to the same
// file: it never recovers, beats or opens outages (that would start a second run), it only
// records the centre's time and notices and reads and acknowledges what goes to the centre.
enum class LedgerRole { Terminal, SyncClient };

class Ledger {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Ledger>> open(const std::filesystem::path& file,
                                                            TimeSource& time, LedgerOptions options = {});
  // The ledger keeps a reference to its time source.
  static Result<std::unique_ptr<Ledger>> open(const std::filesystem::path&, TimeSource&&,
                                              LedgerOptions = {}) = delete;

  // A SyncClient connection (see LedgerRole).
  [[nodiscard]] static Result<std::unique_ptr<Ledger>> open_for_sync(const std::filesystem::path& file,
                                                                     TimeSource& time,
                                                                     LedgerOptions options = {});

  [[nodiscard]] const Recovery& recovery() const { return m_recovery; }
  [[nodiscard]] const LedgerOptions& options() const { return m_options; }

  [[nodiscard]] Result<void> heartbeat();
  // A heartbeat when one is due (heartbeat_interval_seconds since the last); cheap to call often.
  [[nodiscard]] Result<void> heartbeat_if_due();

  // Refused while an outage of the same cause is open. Returns the new outage's id. `started_ago`:
  // how long before now the cause was first seen down (an observer that waits for a second
  // missed heartbeat knows the outage began at the first); the start is never put before the
  // current run began, whose time before is not known to this process.
  [[nodiscard]] Result<int64_t> open_outage(OutageCause cause, const ServiceScope& services,
                                            std::string_view detail,
                                            std::chrono::milliseconds started_ago = {});
  // Refused unless the outage is open.
  [[nodiscard]] Result<void> close_outage(int64_t outage_id);
  [[nodiscard]] Result<std::vector<OpenOutageRecord>> open_outages();

  // For the sync client, at each exchange with the centre: the centre's clock and ours.
  [[nodiscard]] Result<void> record_centre_time(int64_t centre_unix, int64_t local_unix,
                                                int64_t monotonic_ms);

  // Rows the centre has not acknowledged at their current revision (new ones, outages that
  // closed since, runs that beat since, new clock events), at most `limit` of each kind, oldest
  // first. Sending them and acknowledging what the centre stored never doubles anything there.
  [[nodiscard]] Result<LedgerChanges> changes_for_centre(int limit);
  // The centre stored `changes`: they are not sent again unless they change again.
  [[nodiscard]] Result<void> acknowledge(const LedgerChanges& changes);

  // Inserts new notices and replaces revised ones (same id), in one transaction.
  [[nodiscard]] Result<void> store_notices(std::span<const Notice> notices);
  [[nodiscard]] Result<std::vector<Notice>> notices();
  // What the welcome screen shows now (current and upcoming within a week), soonest first.
  [[nodiscard]] Result<std::vector<Notice>> welcome_notices();

  // Everything the figures need, as of now (the current run extends to now).
  [[nodiscard]] Result<LedgerSnapshot> snapshot();
  [[nodiscard]] Result<TechnicianData> technician_data(std::span<const int> services,
                                                       const TechnicianOptions& options = {});

 private:
  Ledger(store::Database db, TimeSource& time, LedgerOptions options);
  [[nodiscard]] static Result<store::Database> open_file(const std::filesystem::path& file,
                                                         const LedgerOptions& options);
  [[nodiscard]] Result<void> recover(TimePoint now);
  [[nodiscard]] Result<void> start_run(TimePoint now);
  [[nodiscard]] Result<void> beat(TimePoint now);

  store::Database m_db;
  TimeSource& m_time;
  LedgerOptions m_options;
  LedgerRole m_role = LedgerRole::Terminal;
  std::string m_boot_id;
  int64_t m_run_id = 0;
  TimePoint m_last_beat;
  TimePoint m_run_start;
  Recovery m_recovery;
};

}  // namespace pk::sla
