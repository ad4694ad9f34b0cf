#pragma once
// Where the reference centre keeps what terminals send. An interface, so a real deployment
// can put it elsewhere; SqliteCentreStorage (SQLite + one file per upload) is the default.
// Implementations must be safe to call from several server threads at once.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/result.h"
#include "domain/sla_model.h"
#include "protocol/wire.h"

namespace pk::centre {

struct UploadInfo {
  std::string id;
  int64_t length = 0;
  int64_t offset = 0;
  std::string metadata;  // the Upload-Metadata header as received
  bool complete = false;
};

enum class SubmitOutcome {
  Created,            // stored now
  Replayed,           // this key was seen with this body: the first reply, nothing stored
  KeyReused,          // this key was seen with ANOTHER body: refused (422)
  TrackingCodeTaken,  // another submission already holds this tracking code (409)
};

struct SubmitResult {
  SubmitOutcome outcome = SubmitOutcome::Created;
  std::string reply_json;  // the first reply to this key (Created / Replayed)
};

enum class AppendOutcome {
  Appended,
  NotFound,
  OffsetMismatch,
  TooLong,                // the chunk would go past Upload-Length
  WholeChecksumMismatch,  // last chunk in, but the page's SHA-256 is not the announced one: reset to 0
};

struct AppendResult {
  AppendOutcome outcome = AppendOutcome::Appended;
  int64_t offset = 0;  // the upload's offset after the call
};

// What a terminal has asked the centre to hold and not yet sent: the basis of its quotas.
struct TerminalUsage {
  int64_t pending_uploads = 0;  // uploads not yet complete
  int64_t pending_bytes = 0;    // their declared lengths less what has arrived
};

// A terminal's latest heartbeat: when it was last heard from, and what its outbox held.
struct HeartbeatRecord {
  std::string terminal_id;
  int64_t last_seen_unix = 0;
  int64_t pending_outbox = 0;
  std::string software;  // the version the terminal runs, as its heartbeat named it
};

struct CentreCounts {
  int64_t applications = 0;
  int64_t uploads = 0;
  int64_t complete_uploads = 0;
};

// One terminal's service-level ledger as the centre holds it: what its terminal sent, plus the
// failure reports it submitted. as_of_unix and notices are left for the caller to fill.
struct TerminalLedger {
  std::string terminal_id;
  sla::LedgerSnapshot snapshot;
  int64_t suspect_clock_outages = 0;  // outages the terminal flagged as resting on a suspect clock
};

// The back office's view of what terminals submitted: a case is an application or a failure
// report, under its tracking code.
struct CaseSummary {
  std::string tracking_code;
  std::string terminal_id;
  std::string kind;  // "application" | "failure_report" (the submission's kind)
  std::optional<int64_t> service_number;
  std::string channel;  // "kiosk" | "counter"
  int64_t created_at_unix = 0;
  sync::CentreStatus status = sync::CentreStatus::Receiving;
  int pages = 0;
  int pages_complete = 0;
  std::optional<sync::CentreDecision> decision;
  std::string decided_by;  // the staff member who made the latest decision
};

struct CaseDetail {
  CaseSummary summary;
  sync::Submission submission;               // as the terminal sent it (personal data still sealed)
  std::vector<std::string> page_upload_ids;  // by page index; read them with read_upload()
};

struct CaseFilter {
  // Only cases of these terminals (an office's); nullopt: every terminal. An empty list
  // matches nothing.
  std::optional<std::vector<std::string>> terminal_ids;
  std::string kind;  // empty: both
  std::optional<int64_t> service_number;
  std::optional<sync::CentreStatus> status;
  int limit = 500;  // newest first
};

// A decision of the back office on a case: its next status and what the citizen is told.
struct CaseDecisionRequest {
  sync::CentreStatus status = sync::CentreStatus::InReview;
  sync::CentreDecision decision;
  std::string decided_by;
};

// bind_keys()'s comparison, shared by the implementations.
[[nodiscard]] inline Result<void> compare_keys(const std::string& recorded_sealing,
                                               const std::string& recorded_catalog,
                                               const std::string& sealing, const std::string& catalog) {
  if (recorded_sealing != sealing)
    return make_error("centre: the records belong to a centre with another sealing key (" +
                      recorded_sealing.substr(0, 16) + "..., this folder has " + sealing.substr(0, 16) +
                      "...): give this instance the centre's key folder (restore it from the backup)");
  if (recorded_catalog != catalog)
    return make_error(
        "centre: the records belong to a centre with another catalog-signing key: give this "
        "instance the centre's key folder (restore it from the backup)");
  return {};
}

// Every application and upload belongs to the terminal that created it (`terminal_id`, always
// the client certificate's, never a body field). A terminal sees only its own: another
// terminal's application or upload is reported as not there at all, so its existence is not
// confirmed to the asker.
class CentreStorage {
 public:
  virtual ~CentreStorage() = default;

  // Idempotent by (terminal, key): the application, one upload per page (sized and with the
  // SHA-256 the terminal announced) and the reply are stored in one transaction. Tracking codes
  // are unique across terminals.
  [[nodiscard]] virtual Result<SubmitResult> submit(const std::string& terminal_id,
                                                    const std::string& idempotency_key,
                                                    const std::string& body_sha256_hex,
                                                    const sync::Submission& submission) = 0;
  // nullopt when there is no such application, or it is another terminal's.
  [[nodiscard]] virtual Result<std::optional<sync::ApplicationStatus>> status(
      const std::string& terminal_id, const std::string& tracking_code) = 0;
  // Moves an application forward (a reviewer's decision); refuses a step back.
  [[nodiscard]] virtual Result<void> set_status(const std::string& tracking_code,
                                                sync::CentreStatus status) = 0;

  // The back office (centre/staff): cases newest first, one case, and a decision on one.
  [[nodiscard]] virtual Result<std::vector<CaseSummary>> list_cases(const CaseFilter& filter) = 0;
  [[nodiscard]] virtual Result<std::optional<CaseDetail>> find_case(const std::string& tracking_code) = 0;
  // Sets the status (only forward, sync::rank) and the decision the terminal's status check
  // then shows, in one transaction. An error names what was refused: no such case, a step
  // back, a case still receiving its pages, an application status on a failure report or the
  // other way round.
  [[nodiscard]] virtual Result<void> decide(const std::string& tracking_code,
                                            const CaseDecisionRequest& request, int64_t now_unix) = 0;

  [[nodiscard]] virtual Result<UploadInfo> create_upload(const std::string& terminal_id, int64_t length,
                                                         const std::string& metadata) = 0;
  // nullopt when there is no such upload, or it is another terminal's.
  [[nodiscard]] virtual Result<std::optional<UploadInfo>> find_upload(const std::string& terminal_id,
                                                                      const std::string& id) = 0;
  // Appends the chunk only if `offset` is the upload's offset; durable before it returns.
  // Another terminal's upload is NotFound.
  [[nodiscard]] virtual Result<AppendResult> append(const std::string& terminal_id, const std::string& id,
                                                    int64_t offset, std::span<const uint8_t> chunk) = 0;
  // Returns false when there was no such standalone upload of this terminal.
  [[nodiscard]] virtual Result<bool> remove_upload(const std::string& terminal_id, const std::string& id) = 0;
  // The centre's own read of a page (review, tests): no terminal is asking.
  [[nodiscard]] virtual Result<std::vector<uint8_t>> read_upload(const std::string& id) = 0;
  // What the terminal has pending, for its quotas.
  [[nodiscard]] virtual Result<TerminalUsage> usage(const std::string& terminal_id) = 0;

  // The centre's public keys, so that every instance sharing these records holds the same
  // secrets: recorded by the first call, compared on every later one. Keys other than the
  // recorded ones are an error (an instance with a wrong or newly made key folder would seal,
  // sign and issue certificates no terminal or record could match).
  [[nodiscard]] virtual Result<void> bind_keys(const std::string& sealing_public_key_hex,
                                               const std::string& catalog_public_key_hex,
                                               int64_t now_unix) = 0;

  // Outage notices in the domain's format (domain/sla_notice_json.h), soonest first.
  [[nodiscard]] virtual Result<std::vector<sync::OutageNotice>> notices() = 0;
  [[nodiscard]] virtual Result<void> add_notice(const sync::OutageNotice& notice) = 0;
  [[nodiscard]] virtual Result<void> record_heartbeat(const std::string& terminal_id, int64_t at_unix,
                                                      int64_t pending_outbox,
                                                      const std::string& software) = 0;
  // Every terminal's latest heartbeat (the fleet page), by terminal id.
  [[nodiscard]] virtual Result<std::vector<HeartbeatRecord>> heartbeats() = 0;
  [[nodiscard]] virtual Result<CentreCounts> counts() = 0;

  // Stores a terminal's ledger rows under (terminal, row id), in one transaction: a row sent
  // again replaces itself, an open outage is updated when it closes, a closed one never
  // changes, a run only grows. Returns how many rows of each kind it took.
  [[nodiscard]] virtual Result<sync::LedgerReceipt> store_ledger(const sync::LedgerUpload& upload) = 0;
  // Every terminal that sent a ledger or a failure report, ordered by terminal id; a failure
  // report counts for the terminal that submitted it.
  [[nodiscard]] virtual Result<std::vector<TerminalLedger>> terminal_ledgers() = 0;
};

}  // namespace pk::centre
