#include "kiosk/idle_probes.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace pk::kiosk {

std::vector<sla::Observation> IdleProbes::look_at_centre(const sync::SyncWorker& sync) {
  const sync::SyncCounters counters = sync.counters();
  const int64_t beats =
      counters.heartbeats_answered + counters.heartbeats_refused + counters.heartbeats_missed;
  if (beats == m_beats_seen) return {};
  m_beats_seen = beats;
  sla::Observation seen;
  if (counters.heartbeats_missed_in_row >= m_options.missed_heartbeats) {
    seen.centre = sla::Status::Down;
    seen.detail =
        "sync: " + std::to_string(counters.heartbeats_missed_in_row) + " heartbeats missed in a row";
    // The centre was already away at the first of them: the outage starts there.
    seen.down_since_ago = std::max(std::chrono::milliseconds(0),
                                   std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - counters.first_missed_in_row));
  } else if (counters.heartbeats_missed_in_row == 0) {
    seen.centre = sla::Status::Up;
  } else {
    return {};  // one missed beat may be a blip: wait for the next
  }
  return {seen};
}

std::vector<sla::Observation> IdleProbes::poll(double now, const ProbeTargets& targets) {
  std::vector<sla::Observation> seen;
  if (targets.sync) seen = look_at_centre(*targets.sync);
  if (now < m_next_device_probe || (!targets.printer && !targets.scanner)) return seen;
  m_next_device_probe = now + m_options.device_every_seconds;
  if (targets.printer) seen.push_back(probe_printer(*targets.printer));
  if (targets.scanner) seen.push_back(probe_scanner(*targets.scanner));
  return seen;
}

sla::Observation probe_printer(PrinterDriver& printer) {
  auto status = printer.status();
  // Replugged or reconnected since: one open, as the print queue does before a job.
  if (!status && printer.open()) status = printer.status();
  sla::Observation seen;
  if (!status) {
    seen.printer = sla::Status::Down;
    seen.detail = "printer: " + status.error().message;
  } else {
    seen.printer = can_print(*status) ? sla::Status::Up : sla::Status::Down;
    seen.detail = "printer: " + std::string(to_string(*status));
  }
  return seen;
}

sla::Observation probe_scanner(scanner::ScannerDriver& scanner) {
  // A scanner that went away is open()ed again to see whether it is back (open() is a no-op on
  // an open one); its status() is then the one it reports without a scan.
  if (scanner.state().connection != Connection::Open) (void)scanner.open();
  const scanner::ScannerStatus status = scanner.status();
  sla::Observation seen;
  seen.detail = "scanner: " + std::string(scanner::to_string(status));
  switch (status) {
    case scanner::ScannerStatus::Ready:
    case scanner::ScannerStatus::NoDocuments:  // an empty feeder is how an idle scanner waits
    case scanner::ScannerStatus::Busy:         // someone else's job: it works
      seen.scanner = sla::Status::Up;
      break;
    case scanner::ScannerStatus::Jammed:
    case scanner::ScannerStatus::CoverOpen:
    case scanner::ScannerStatus::Unplugged:
    case scanner::ScannerStatus::Error:
      seen.scanner = sla::Status::Down;
      break;
  }
  return seen;
}

}  // namespace pk::kiosk
