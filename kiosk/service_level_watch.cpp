#include "kiosk/service_level_watch.h"

#include <spdlog/spdlog.h>

#include <ctime>

#include "domain/sla_notice_format.h"

namespace pk::kiosk {

std::unique_ptr<ServiceLevelWatch> ServiceLevelWatch::open(const std::filesystem::path& store_file,
                                                           ProbeOptions probes) {
  std::unique_ptr<ServiceLevelWatch> watch(new ServiceLevelWatch(probes));
  auto ledger = sla::Ledger::open(store_file, watch->m_time);
  if (!ledger) {
    watch->m_problem = ledger.error().message;
    spdlog::error("service-level ledger: {}", watch->m_problem);
    return watch;
  }
  watch->m_ledger = std::move(ledger.value());
  if (watch->m_ledger->recovery().closed_outages > 0)
    spdlog::warn("service-level ledger: {} outage(s) left open by the last run closed at its last heartbeat",
                 watch->m_ledger->recovery().closed_outages);
  auto detector = sla::OutageDetector::create(*watch->m_ledger);
  if (detector)
    watch->m_detector.emplace(std::move(detector.value()));
  else
    watch->m_problem = detector.error().message;
  return watch;
}

void ServiceLevelWatch::close() {
  m_detector.reset();
  m_ledger.reset();
}

void ServiceLevelWatch::observe_at_start(const tech::DeskDevices& devices) {
  if (!devices.card_reader.empty() && !devices.card_reader_ok)  // e.g. the saved reader is not attached
    spdlog::warn("card reader: {}", devices.card_reader);
  sla::Observation at_start;
  at_start.printer = devices.printer_ok ? sla::Status::Up : sla::Status::Down;
  at_start.scanner = devices.scanner_ok ? sla::Status::Up : sla::Status::Down;
  at_start.kiosk = sla::Status::Up;
  at_start.detail = devices.printer_ok ? devices.scanner : devices.printer;
  observe(at_start);
}

void ServiceLevelWatch::observe(const sla::Observation& observation) {
  if (!m_detector) return;
  if (auto done = m_detector->observe(observation); !done)
    spdlog::error("service-level ledger: {}", done.error().message);
}

void ServiceLevelWatch::heartbeat() {
  if (!m_detector) return;
  if (auto beat = m_detector->tick(); !beat) spdlog::error("service-level ledger: {}", beat.error().message);
}

void ServiceLevelWatch::probe(double now, const ProbeTargets& targets) {
  for (const sla::Observation& seen : m_probes.poll(now, targets)) observe(seen);
}

void ServiceLevelWatch::refresh_notices(const catalog::Catalog& catalog) {
  for (auto& worded : m_notices) worded.clear();
  if (!m_ledger) return;
  auto notices = m_ledger->welcome_notices();
  if (!notices) return spdlog::warn("outage notices: {}", notices.error().message);
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const sla::ServiceTitle title = [&catalog](int number, pk::Language language) -> std::string {
    const catalog::Service* service = catalog.find(number);
    return service ? service->title.in(language) : std::string();
  };
  for (const pk::Language language : kLanguages)
    for (const sla::Notice& n : notices.value())
      m_notices[static_cast<size_t>(language)].push_back(sla::format_notice(n, language, now, title));
}

bool ServiceLevelWatch::refresh_notices_each_minute(double now, const catalog::Catalog& catalog) {
  if (now - m_last_notice_refresh <= 60) return false;
  m_last_notice_refresh = now;
  const auto before = m_notices;
  refresh_notices(catalog);
  return m_notices != before;
}

}  // namespace pk::kiosk
