#include "sla/outage_detector.h"

namespace pk::sla {

Result<OutageDetector> OutageDetector::create(Ledger& ledger, DetectorConfig config) {
  OutageDetector detector(ledger, std::move(config));
  auto open = ledger.open_outages();
  if (!open) return open.error();
  for (const OpenOutageRecord& outage : *open) detector.m_open[index(outage.cause)] = outage.id;
  return detector;
}

const ServiceScope& OutageDetector::scope(OutageCause cause) const {
  switch (cause) {
    case OutageCause::CentreUnreachable:
      return m_config.centre;
    case OutageCause::PrinterDown:
      return m_config.printer;
    case OutageCause::ScannerDown:
      return m_config.scanner;
    case OutageCause::KioskNotServing:
      return m_config.kiosk;
  }
  return m_config.centre;
}

Result<void> OutageDetector::apply(OutageCause cause, const Observation& observation,
                                   std::optional<Status> status) {
  if (!status) return {};
  std::optional<int64_t>& open = m_open[index(cause)];
  if (*status == Status::Down && !open) {
    auto opened = m_ledger->open_outage(cause, scope(cause), observation.detail, observation.down_since_ago);
    if (!opened) return opened.error();
    open = *opened;
  } else if (*status == Status::Up && open) {
    if (auto closed = m_ledger->close_outage(*open); !closed) return closed.error();
    open.reset();
  }
  return {};
}

Result<void> OutageDetector::observe(const Observation& observation) {
  if (auto r = apply(OutageCause::CentreUnreachable, observation, observation.centre); !r) return r;
  if (auto r = apply(OutageCause::PrinterDown, observation, observation.printer); !r) return r;
  if (auto r = apply(OutageCause::ScannerDown, observation, observation.scanner); !r) return r;
  if (auto r = apply(OutageCause::KioskNotServing, observation, observation.kiosk); !r) return r;
  return m_ledger->heartbeat_if_due();
}

}  // namespace pk::sla
