#pragma once
// The running terminal's part of the service-level agreement: the ledger (in the store's file,
// its own connection), the outage detector fed by the jobs' outcomes and by the idle probes, the
// heartbeat that bounds what a crash can blur, and the centre's outage notices worded for the
// screens in every language. Without a ledger the kiosk still serves citizens: observations are
// dropped and problem() says why (the technician's screen shows it).
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/language.h"
#include "kiosk/idle_probes.h"
#include "kiosk/technician/technician_desk.h"
#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "sla/time_source.h"

namespace pk::kiosk {

class ServiceLevelWatch {
 public:
  // Opens the ledger in `store_file`; a failure is logged and kept in problem().
  [[nodiscard]] static std::unique_ptr<ServiceLevelWatch> open(const std::filesystem::path& store_file,
                                                               ProbeOptions probes);
  ServiceLevelWatch(const ServiceLevelWatch&) = delete;  // the ledger keeps a reference to m_time
  ServiceLevelWatch& operator=(const ServiceLevelWatch&) = delete;

  // Null when it could not be opened, or after close().
  [[nodiscard]] sla::Ledger* ledger() { return m_ledger.get(); }
  [[nodiscard]] const std::string& problem() const { return m_problem; }
  // Closes the ledger for good (a factory reset wipes its file).
  void close();

  // Where the devices stand at start: an outage opens now if one is missing.
  void observe_at_start(const tech::DeskDevices& devices);
  // How a job or a probe found the centre link or a device.
  void observe(const sla::Observation& observation);
  // The ledger's heartbeat (one small write every interval); cheap on every turn of the loop.
  void heartbeat();
  // The centre's heartbeats and the devices in `targets` (those no job is using).
  void probe(double now, const ProbeTargets& targets);

  // Words the notices again, services by the names citizens read on the catalog's cards.
  void refresh_notices(const catalog::Catalog& catalog);
  // The same at most once a minute of `now`, so a new notice shows without a restart; true when
  // the words changed (a frame is due).
  bool refresh_notices_each_minute(double now, const catalog::Catalog& catalog);
  // The notices as the last refresh worded them, in `language`.
  [[nodiscard]] const std::vector<std::string>& notices_in(Language language) const {
    return m_notices[static_cast<size_t>(language)];
  }

 private:
  explicit ServiceLevelWatch(ProbeOptions probes) : m_probes(probes) {}

  sla::SystemTimeSource m_time;
  std::unique_ptr<sla::Ledger> m_ledger;  // null when it could not be opened (said in the log)
  std::optional<sla::OutageDetector> m_detector;
  std::string m_problem;
  IdleProbes m_probes;
  double m_last_notice_refresh = 0;
  std::array<std::vector<std::string>, kLanguages.size()> m_notices;  // by Language's enum value
};

}  // namespace pk::kiosk
