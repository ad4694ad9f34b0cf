#pragma once
// The terminal's offline store: captured applications and their sealed documents, the outbox
// that delivers them to the centre exactly once, the append-only audit log and the per-terminal
// sequences. One SQLite file in WAL mode with synchronous=FULL.
//
// What callers may rely on:
//  - A call that returns success has committed durably (fsynced): it survives a power cut.
//  - A call that returns an Error changed nothing (its transaction was rolled back).
//  - A Store is one connection and is not thread-safe: use it from one thread (the kiosk's
//    store worker), or open one Store per thread; WAL lets readers run beside the writer.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/database.h"
#include "domain/result.h"
#include "offline-store/records.h"

namespace pk::store {

struct StoreOptions {
  // A registered sqlite3 VFS to use instead of the default (tests inject faults with it).
  std::string vfs_name;
  int busy_timeout_ms = 5000;
  // Wall-clock seconds for audit rows the store writes itself; tests pin it.
  std::function<int64_t()> now_unix;
};

class Store {
 public:
  // Refuses, without modifying it, a file that is foreign, corrupt or from a newer firmware;
  // creates and migrates a missing one.
  [[nodiscard]] static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file,
                                                           StoreOptions options = {});

  [[nodiscard]] int schema_version() const { return m_schema_version; }
  [[nodiscard]] const std::filesystem::path& path() const { return m_db.path(); }

  // In ONE transaction: takes the next "tracking" sequence value, forms the tracking code with
  // make_tracking_code(sequence), inserts the application, its documents, an outbox row with a
  // fresh random idempotency key and an audit row. Returns only after the COMMIT is durable, so
  // the code may then be shown and printed. A sequence value is never handed out twice: the
  // sequence is only advanced by a commit that also stores the application that used it.
  // If make_tracking_code fails (an error, or an empty code), the transaction is rolled back
  // (nothing is saved, the sequence value is not taken) and the error is returned with its kind.
  [[nodiscard]] Result<SavedApplication> save_application(
      const NewApplication& application,
      const std::function<Result<std::string>(int64_t sequence)>& make_tracking_code);

  [[nodiscard]] Result<std::optional<ApplicationRecord>> find_by_tracking_code(
      std::string_view tracking_code);
  // Whether the centre has acknowledged the capture (confirmed, purged, or any status from the
  // centre): one row, no pages read. False for an unknown code. For a screen that asks often.
  [[nodiscard]] Result<bool> reached_centre(std::string_view tracking_code);

  // Undelivered entries due at `now_unix`, oldest first (first come, first served).
  [[nodiscard]] Result<std::vector<OutboxEntry>> pending_outbox(int limit, int64_t now_unix);
  // A failed delivery attempt: counts it, keeps the error and when to try again.
  [[nodiscard]] Result<void> record_attempt(int64_t outbox_id, std::string_view error,
                                            int64_t next_attempt_at_unix);
  // The centre acknowledged the entry: marks it delivered and its application sent. Repeating it
  // for an already delivered entry succeeds and keeps the first delivery time.
  [[nodiscard]] Result<void> mark_delivered(int64_t outbox_id, int64_t at_unix);
  // NULLs the sealed content of the application's documents (size and sha256 stay) and moves it
  // to `purged`. Refused until the centre has received it (state sent or confirmed).
  [[nodiscard]] Result<void> purge_documents(int64_t application_id);

  // Captures delivered at or after `delivered_since_unix` whose centre status is not final yet,
  // least recently asked about first (never asked: first of all).
  [[nodiscard]] Result<std::vector<std::string>> centre_statuses_to_poll(int limit,
                                                                         int64_t delivered_since_unix);
  // What the centre said about a capture at `at_unix`: its status and, when the back office has
  // decided, its latest decision. Stores the status when it moves forward (a higher rank, or the
  // other status of the same non-final rank: in review and documents requested), and the
  // decision when it is later than the stored one or the same time with other words, each with
  // an audit row, and returns true; otherwise only records that we asked. A final status never
  // changes again. An unknown tracking code is an Error.
  [[nodiscard]] Result<bool> record_centre_status(
      std::string_view tracking_code, CentreStatus status, int64_t at_unix,
      const std::optional<CentreDecision>& decision = std::nullopt);

  // Returns the new entry's id.
  [[nodiscard]] Result<int64_t> append_audit(std::string_view actor, std::string_view action,
                                             std::string_view detail);
  [[nodiscard]] Result<std::vector<AuditEntry>> audit_entries(int64_t since_id, int limit);

  [[nodiscard]] Result<StoreStats> stats(int64_t now_unix);

 private:
  Store(Database db, int schema_version, StoreOptions options);
  [[nodiscard]] int64_t now() const;
  // Inserts an audit row inside the caller's transaction.
  [[nodiscard]] Result<void> insert_audit(int64_t at_unix, std::string_view actor, std::string_view action,
                                          std::string_view detail);

  Database m_db;
  int m_schema_version = 0;
  StoreOptions m_options;
};

}  // namespace pk::store
