#pragma once
// What goes into and comes out of the offline store. Personal data and page content are only
// ever held here sealed (see sealing.h); the store never sees them in clear.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pk::store {

enum class ApplicationKind { Application, FailureReport };
enum class Channel { Kiosk, Counter };
// Only ever moves forward (the schema refuses a step back).
enum class ApplicationState { Captured, Queued, Sent, Confirmed, Purged };

// Where a capture stands at the centre, as the centre last told us (schema v3, v4). The same
// words and the same ranking as sync::CentreStatus on the wire: only moves forward, InReview and
// DocumentsRequested are one step (either may follow the other), Approved, Rejected and
// Resolved are final.
enum class CentreStatus { Receiving, Received, InReview, DocumentsRequested, Approved, Rejected, Resolved };

// The latest decision of the centre's back office on a capture (schema v4): staff's words for
// the citizen (documents to bring, the reason for a rejection, the reply to a failure report)
// and, for a failure report, a credit granted (empty: none).
struct CentreDecision {
  std::string note;
  std::string credit;
  int64_t decided_unix = 0;
  bool operator==(const CentreDecision&) const = default;
};

[[nodiscard]] std::string_view to_string(ApplicationKind kind);
[[nodiscard]] std::string_view to_string(CentreStatus status);
[[nodiscard]] std::optional<CentreStatus> centre_status_from(std::string_view text);
[[nodiscard]] bool is_final(CentreStatus status);
// 0 receiving .. 3 final; a status may only move to one of the same or a higher rank, and never
// away from a final one.
[[nodiscard]] int rank(CentreStatus status);
[[nodiscard]] std::string_view to_string(Channel channel);
[[nodiscard]] std::string_view to_string(ApplicationState state);
[[nodiscard]] std::optional<ApplicationKind> application_kind_from(std::string_view text);
[[nodiscard]] std::optional<Channel> channel_from(std::string_view text);
[[nodiscard]] std::optional<ApplicationState> application_state_from(std::string_view text);

using Sha256 = std::array<uint8_t, 32>;

struct NewDocument {
  std::string doc_kind;  // e.g. "passport", "amayesh_card"
  int page_no = 1;
  std::string mime;       // e.g. "image/jpeg"
  int64_t byte_size = 0;  // of the clear content
  Sha256 sha256{};        // of the clear content, computed by the caller before sealing
  std::vector<uint8_t> sealed_content;
};

struct NewApplication {
  ApplicationKind kind = ApplicationKind::Application;
  std::optional<int64_t> service_number;  // required unless kind is FailureReport
  Channel channel = Channel::Kiosk;
  std::string terminal_id;
  std::optional<std::string> operator_id;  // required for Channel::Counter
  int64_t created_at_unix = 0;
  int64_t created_monotonic_ms = 0;
  std::vector<uint8_t> sealed_personal;
  std::vector<NewDocument> documents;
};

// Returned only after the COMMIT is durable: from then on the tracking code may be shown/printed.
struct SavedApplication {
  int64_t id = 0;
  std::string tracking_code;
  int64_t sequence = 0;
  int64_t outbox_id = 0;
  std::string idempotency_key;
};

struct DocumentRecord {
  int64_t id = 0;
  std::string doc_kind;
  int page_no = 0;
  std::string mime;
  int64_t byte_size = 0;
  Sha256 sha256{};
  std::optional<std::vector<uint8_t>> sealed_content;  // nullopt once purged
};

struct ApplicationRecord {
  int64_t id = 0;
  std::string tracking_code;
  int64_t sequence = 0;
  ApplicationKind kind = ApplicationKind::Application;
  std::optional<int64_t> service_number;
  Channel channel = Channel::Kiosk;
  std::string terminal_id;
  std::optional<std::string> operator_id;
  int64_t created_at_unix = 0;
  int64_t created_monotonic_ms = 0;
  ApplicationState state = ApplicationState::Captured;
  std::optional<CentreStatus> centre_status;      // nullopt: not heard from the centre yet
  std::optional<int64_t> centre_status_at_unix;   // when we first heard the current one
  std::optional<CentreDecision> centre_decision;  // nullopt: the back office has said nothing yet
  std::vector<uint8_t> sealed_personal;
  std::vector<DocumentRecord> documents;  // ordered by doc_kind, page_no
};

struct OutboxEntry {
  int64_t id = 0;
  int64_t application_id = 0;
  std::string tracking_code;
  std::string idempotency_key;
  int64_t created_at_unix = 0;
  int64_t attempts = 0;
  int64_t next_attempt_at_unix = 0;
  std::optional<std::string> last_error;
};

struct AuditEntry {
  int64_t id = 0;
  int64_t at_unix = 0;
  std::string actor;
  std::string action;
  std::string detail;
};

struct StoreStats {
  std::array<int64_t, 5> applications_by_state{};  // indexed by ApplicationState
  int64_t pending_outbox = 0;
  std::optional<int64_t> oldest_pending_age_seconds;  // nullopt when nothing is pending
  int64_t database_bytes = 0;                         // main file plus its WAL, as on disk

  [[nodiscard]] int64_t count(ApplicationState state) const {
    return applications_by_state[static_cast<size_t>(state)];
  }
};

}  // namespace pk::store
