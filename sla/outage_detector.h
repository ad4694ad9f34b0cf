#pragma once
// Turns observations of the terminal's health into outages in the ledger: an outage of a cause
// opens at the first observation that it is down and closes at the first that it is up again.
// What "down" means (how many failed probes, how long a printer may be busy) is the observer's
// call: the sync client reports the centre unreachable after its own retries, the printer
// driver reports the printer down when it cannot print a receipt.
#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "domain/result.h"
#include "domain/sla_model.h"
#include "sla/ledger.h"

namespace pk::sla {

enum class Status { Up, Down };

// One look at the terminal. An empty field was not looked at this time and changes nothing.
struct Observation {
  std::optional<Status> centre;   // the central service reachable
  std::optional<Status> printer;  // receipts can be printed
  std::optional<Status> scanner;  // documents can be scanned
  std::optional<Status> kiosk;    // the kiosk application is serving citizens
  std::string detail;             // kept with an outage this observation opens
  // How long before this observation what it reports Down was first seen failing: an outage it
  // opens starts then (the first of the missed heartbeats, not the one that reached the count).
  std::chrono::milliseconds down_since_ago{0};
};

// The services each cause takes away. Every service needs the centre, a printed receipt and a
// serving kiosk; a terminal may narrow the scanner's scope to the services that take documents.
struct DetectorConfig {
  ServiceScope centre = ServiceScope::all();
  ServiceScope printer = ServiceScope::all();
  ServiceScope scanner = ServiceScope::all();
  ServiceScope kiosk = ServiceScope::all();
};

class OutageDetector {
 public:
  // Adopts the outages the ledger holds open, so a detector made again after an error continues
  // them rather than opening copies.
  [[nodiscard]] static Result<OutageDetector> create(Ledger& ledger, DetectorConfig config = {});

  // Opens and closes outages as the observation says; beats when a heartbeat is due. On an
  // error the detector's state is unchanged, so the next observation tries again.
  [[nodiscard]] Result<void> observe(const Observation& observation);
  // Call often (every frame or second): a heartbeat when one is due.
  [[nodiscard]] Result<void> tick() { return m_ledger->heartbeat_if_due(); }

  [[nodiscard]] bool is_down(OutageCause cause) const { return m_open[index(cause)].has_value(); }
  [[nodiscard]] std::optional<int64_t> open_outage(OutageCause cause) const { return m_open[index(cause)]; }

 private:
  OutageDetector(Ledger& ledger, DetectorConfig config) : m_ledger(&ledger), m_config(std::move(config)) {}
  static size_t index(OutageCause cause) { return static_cast<size_t>(cause); }
  [[nodiscard]] const ServiceScope& scope(OutageCause cause) const;
  [[nodiscard]] Result<void> apply(OutageCause cause, const Observation& observation,
                                   std::optional<Status> status);

  Ledger* m_ledger;
  DetectorConfig m_config;
  std::array<std::optional<int64_t>, 4> m_open{};  // the open outage's id, per cause
};

}  // namespace pk::sla
