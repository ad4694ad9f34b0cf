#pragma once
// The JSON documents terminal and centre exchange under /v1 (kWireVersion). The centre parses
// what terminals send and terminals parse what the centre replies: both parsers refuse any
// document that is not exactly what this header describes, with a message naming the field.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/sla_model.h"
#include "protocol/ledger_changes.h"

namespace pk::sync {

inline constexpr int kWireVersion = 1;

// One sealed page, as announced in a submission. Checksums are of the SEALED bytes: the
// centre's transport layer never needs the secret key to verify what it received.
struct PageManifest {
  std::string doc_kind;
  int page_no = 1;
  std::string mime;
  int64_t byte_size = 0;    // of the clear content (informative)
  int64_t sealed_size = 0;  // bytes that will be uploaded
  std::string sealed_sha256_hex;
  bool operator==(const PageManifest&) const = default;
};

struct Submission {
  std::string tracking_code;
  std::string kind;  // "application" | "failure_report"
  std::optional<int64_t> service_number;
  std::string channel;  // "kiosk" | "counter"
  std::string terminal_id;
  std::optional<std::string> operator_id;
  int64_t created_at_unix = 0;
  std::string sealed_personal_base64;
  std::vector<PageManifest> pages;
  bool operator==(const Submission&) const = default;
};

// Where an application or a failure report stands at the centre. Only moves forward: in review
// and documents requested are one step (a reviewer may go between them); approved, rejected and
// resolved are final. Applications end approved or rejected; failure reports are answered (in
// review, with a reply) and end resolved.
enum class CentreStatus { Receiving, Received, InReview, DocumentsRequested, Approved, Rejected, Resolved };
[[nodiscard]] std::string_view to_string(CentreStatus status);
[[nodiscard]] std::optional<CentreStatus> centre_status_from(std::string_view text);
// Approved, Rejected and Resolved never change again: a terminal stops asking.
[[nodiscard]] bool is_final(CentreStatus status);
// How far along a status is (0 receiving .. 3 final): a status may only move to one of the same
// or a higher rank, and never away from a final one.
[[nodiscard]] int rank(CentreStatus status);

// What the back office said about an application or a failure report, for the citizen's status
// check: the reason for a rejection, the documents asked for, the reply to a report; and for a
// failure report, a credit the competent authority granted (empty: none). Staff write the
// texts; they hold no personal data of the citizen.
struct CentreDecision {
  std::string note;
  std::string credit;
  int64_t decided_unix = 0;
  bool operator==(const CentreDecision&) const = default;
};

struct PageStatus {
  int index = 0;
  std::string upload_path;  // tus upload URL path, e.g. /v1/uploads/<id>
  int64_t sealed_size = 0;
  int64_t received = 0;  // the upload's offset
  std::string sealed_sha256_hex;
  bool complete = false;  // every byte received and the whole page's SHA-256 verified
  bool operator==(const PageStatus&) const = default;
};

struct ApplicationStatus {
  std::string tracking_code;
  CentreStatus status = CentreStatus::Receiving;
  std::vector<PageStatus> pages;
  std::optional<CentreDecision> decision;  // absent until the back office has said something
  bool operator==(const ApplicationStatus&) const = default;
};

[[nodiscard]] std::string to_json(const Submission& submission);
[[nodiscard]] Result<Submission> parse_submission(std::string_view json_text);
[[nodiscard]] std::string to_json(const ApplicationStatus& status);
[[nodiscard]] Result<ApplicationStatus> parse_application_status(std::string_view json_text);

// Outage notices the centre publishes (SLA: planned outages are announced 72 h ahead), in the
// domain's format (domain/sla_notice_json.h): what the centre serves at /v1/notices is exactly
// what the terminal's ledger stores and the welcome screen shows.
using OutageNotice = sla::Notice;
[[nodiscard]] std::string to_json(const std::vector<OutageNotice>& notices);
[[nodiscard]] Result<std::vector<OutageNotice>> parse_notices(std::string_view json_text);

// POST /v1/ledger: the terminal's ledger rows the centre has not acknowledged yet. The centre
// keeps each row under (terminal_id, its id), so a retry replaces a row with itself.
//   {"version":1, "terminal_id":"...",
//    "outages":[{"id":3, "cause":"printer_down", "services":"all"|"3,7", "boot_id":"...",
//                "start_unix":..., "started_monotonic_ms":..., "end":"open"|"observed"|"last_heartbeat",
//                "end_unix":...|null, "duration_ms":...|null, "clock_suspect":false}],
//    "runs":[{"id":1, "boot_id":"...", "start_unix":..., "duration_ms":..., "last_wall_unix":...}],
//    "clock_events":[{"id":1, "kind":"centre_sync"|"wall_jump", "at_unix":..., "offset_seconds":...}]}
struct LedgerUpload {
  std::string terminal_id;
  sla::LedgerChanges changes;
  bool operator==(const LedgerUpload&) const = default;
};
inline constexpr size_t kMaxLedgerRows = 1000;  // of each kind, per request
[[nodiscard]] std::string to_json(const LedgerUpload& upload);
[[nodiscard]] Result<LedgerUpload> parse_ledger_upload(std::string_view json_text);

// The centre's reply: how many rows of each kind it stored. The terminal acknowledges its rows
// only when the counts are those it sent.
struct LedgerReceipt {
  int64_t outages = 0;
  int64_t runs = 0;
  int64_t clock_events = 0;
  bool operator==(const LedgerReceipt&) const = default;
};
[[nodiscard]] std::string to_json(const LedgerReceipt& receipt);
[[nodiscard]] Result<LedgerReceipt> parse_ledger_receipt(std::string_view json_text);

}  // namespace pk::sync
