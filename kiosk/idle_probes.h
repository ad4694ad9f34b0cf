#pragma once
// Looks at the centre link and the devices while nobody is using them, so that an idle terminal
// records its outages too: before this, a centre outage opened only when a delivery failed and
// closed only when one went through, and a printer's only when a receipt did not print.
//
// What callers may rely on:
//  - The centre: the sync worker heartbeats on a fixed pace (centre.heartbeat_seconds, never
//    backed off). An outage is reported Down once `missed_heartbeats` beats in a row have failed,
//    dated back to the first of them, and Up at the first beat answered after that. One missed
//    beat alone changes nothing.
//  - The printer and the scanner: asked at most every `device_every_seconds`, only when the
//    caller passes them (it passes null while a job uses one: a citizen's print or scan, a
//    counter batch, a technician's self-test). A device that could not be asked is reopened once.
//  - poll() returns one observation per thing it looked at (each with its own detail), and none
//    when nothing was due: cheap to call on every turn of the frame loop.
#include <cstdint>
#include <vector>

#include "drivers/printer/printer.h"
#include "drivers/scanner/scanner.h"
#include "sla/outage_detector.h"
#include "sync/sync_worker.h"

namespace pk::kiosk {

struct ProbeOptions {
  int missed_heartbeats = 2;  // a centre outage opens after this many failed heartbeats in a row
  double device_every_seconds = 30;
};

// What may be looked at now; null: not there, or in use by a job.
struct ProbeTargets {
  const sync::SyncWorker* sync = nullptr;  // null: no centre configured, or not enrolled
  PrinterDriver* printer = nullptr;
  scanner::ScannerDriver* scanner = nullptr;
};

class IdleProbes {
 public:
  IdleProbes() = default;
  explicit IdleProbes(ProbeOptions options) : m_options(options) {}

  // `now`: monotonic seconds.
  [[nodiscard]] std::vector<sla::Observation> poll(double now, const ProbeTargets& targets);

 private:
  [[nodiscard]] std::vector<sla::Observation> look_at_centre(const sync::SyncWorker& sync);

  ProbeOptions m_options;
  int64_t m_beats_seen = 0;  // heartbeats (answered or missed) already judged
  double m_next_device_probe = 0;
};

// One look at a device: Up when it can do its job now. Public for tests.
[[nodiscard]] sla::Observation probe_printer(PrinterDriver& printer);
[[nodiscard]] sla::Observation probe_scanner(scanner::ScannerDriver& scanner);

}  // namespace pk::kiosk
