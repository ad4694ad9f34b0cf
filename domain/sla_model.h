#pragma once
// What the service-level ledger records, as plain values: outages, the centre's outage
// notices, runs of the terminal (from its heartbeats), clock events and citizens' failure
// reports. The terminal's ledger (sla/) loads them from the store into a LedgerSnapshot; the
// figures (sla_figures.h) are pure functions of a snapshot.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/sla_intervals.h"

namespace pk::sla {

enum class OutageCause { CentreUnreachable, PrinterDown, ScannerDown, KioskNotServing };
// "centre_unreachable", "printer_down", "scanner_down", "kiosk_not_serving": the stored names.
[[nodiscard]] std::string_view to_string(OutageCause cause);
[[nodiscard]] std::optional<OutageCause> outage_cause_from(std::string_view name);

// Which catalog services something concerns: every one, or a listed few.
class ServiceScope {
 public:
  [[nodiscard]] static ServiceScope all();
  // Sorted and deduplicated; numbers < 1 are dropped. An empty list concerns no service.
  [[nodiscard]] static ServiceScope only(std::vector<int> numbers);
  // "all" or "1,3,7" (sorted, no spaces): how scopes are stored.
  [[nodiscard]] static std::optional<ServiceScope> from_text(std::string_view text);
  [[nodiscard]] std::string to_text() const;

  [[nodiscard]] bool covers(int service) const;
  [[nodiscard]] bool is_all() const { return m_kind == Kind::All; }
  [[nodiscard]] const std::vector<int>& numbers() const { return m_numbers; }
  friend bool operator==(const ServiceScope&, const ServiceScope&) = default;

 private:
  enum class Kind { All, Listed };
  Kind m_kind = Kind::Listed;
  std::vector<int> m_numbers;
};

enum class OutageEnd {
  Open,           // still going on
  Observed,       // the terminal saw it end
  LastHeartbeat,  // the terminal stopped (crash, power cut) during it: closed at its last beat
};

struct Outage {
  int64_t id = 0;
  OutageCause cause = OutageCause::CentreUnreachable;
  ServiceScope services = ServiceScope::all();
  int64_t start_unix = 0;           // wall clock when it began
  std::optional<int64_t> end_unix;  // wall clock when it ended, as recorded; empty while open
  // Its length on the monotonic clock (start and end seen by one run of the terminal; for an
  // open outage, up to the snapshot). It wins over the wall-clock end, which a clock change
  // between start and end would falsify.
  std::optional<int64_t> monotonic_duration_ms;
  OutageEnd end = OutageEnd::Open;
};

// Where an outage lies on the time line: from its start for its monotonic duration; failing
// that, to its wall-clock end; an open outage with neither lasts until as_of_unix.
[[nodiscard]] Interval effective_interval(const Outage& outage, int64_t as_of_unix);

// An outage notice published by the centre on its portal.
struct Notice {
  std::string id;
  int64_t published_unix = 0;
  int64_t starts_unix = 0;
  int64_t ends_unix = 0;  // exclusive
  ServiceScope services = ServiceScope::all();
  std::string text_fa;
  std::string text_en;
  friend bool operator==(const Notice&, const Notice&) = default;
};

// A stretch of time the terminal was running and beating regularly. Its end is its start plus
// the monotonic time between its first and last beat, so a wall-clock change cannot stretch or
// shrink it; last_wall_unix is kept to detect such changes.
struct Run {
  std::string boot_id;
  int64_t start_unix = 0;
  int64_t monotonic_duration_ms = 0;
  int64_t last_wall_unix = 0;
  [[nodiscard]] Interval interval() const { return {start_unix, start_unix + monotonic_duration_ms / 1000}; }
};

enum class ClockEventKind {
  WallJump,    // the wall clock moved against the monotonic one by offset_seconds
  CentreSync,  // the centre's time minus ours was offset_seconds
};

struct ClockEvent {
  ClockEventKind kind = ClockEventKind::CentreSync;
  int64_t at_unix = 0;  // the terminal's wall clock when it was seen
  int64_t offset_seconds = 0;
};

struct FailureReport {
  std::optional<int> service;  // a report may concern no particular service
  int64_t at_unix = 0;
};

struct LedgerSnapshot {
  int64_t as_of_unix = 0;
  std::vector<Outage> outages;
  std::vector<Notice> notices;
  std::vector<Run> runs;
  std::vector<ClockEvent> clock_events;
  std::vector<FailureReport> failure_reports;
};

}  // namespace pk::sla
