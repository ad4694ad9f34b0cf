// The App's link to the centre: the sync worker, taking on an enrollment made on the
// technician's screen, and switching to a newer catalog the worker stored.
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <thread>

#include "kiosk/app.h"
#include "kiosk/catalog_source.h"
#include "kiosk/centre_key.h"
#include "kiosk/enrolled_identity.h"
#include "kiosk/passport_trust.h"
#include "provisioning/terminal_identity.h"

namespace pk::kiosk {

void App::start_sync(const provisioning::TerminalIdentity& identity) {
  if (m_sync) m_sync->stop();
  m_sync.reset();
  sync::SyncOptions options;
  options.http.tls = provisioning::tls_options(identity);
  options.store_file = m_config.data_dir / "pishkhan.db";
  options.centre_url = m_config.centre_url;
  options.terminal_id = m_config.terminal_id;
  options.ledger = sync::LedgerSync::On;                             // notices in, clock and ledger rows out
  options.catalog_file = last_good_catalog_path(m_config.data_dir);  // newer ones stored there
  options.catalog_public_key = identity.catalog_public_key;
  // The CSCA master list travels with the catalog; it is parsed whole before it is stored.
  options.csca_master_list_file = csca_master_list_path(m_config.data_dir);
  options.csca_master_list_check = [](std::string_view text) -> Result<int64_t> {
    auto list = cardreader::icao::parse_master_list(text);
    if (!list) return list.error();
    return list->version();
  };
  // The heartbeat is also the link's probe for the centre outages (kiosk/idle_probes.h).
  options.heartbeat_every = std::chrono::seconds(m_config.heartbeat_seconds);
  options.on_status_asked = [this](const std::string& code, bool answered) {
    std::lock_guard lock(m_status_asked_mutex);
    if (m_status_asked.size() >= 4096) m_status_asked.clear();
    m_status_asked[code] = answered;
  };
  m_sync = std::make_unique<sync::SyncWorker>(std::move(options));
  if (auto started = m_sync->start(); !started) {
    spdlog::error("sync: {}", started.error().message);
    m_sync.reset();
  }
}

// Only an enrolled terminal talks to the centre (mutual TLS); until then captures wait.
void App::start_sync_if_enrolled() {
  if (m_config.centre_url.empty()) return;
  auto identity = provisioning::load_identity(m_config.data_dir);
  if (identity && identity->has_value()) return start_sync(**identity);
  spdlog::warn(
      "sync: not enrolled with a centre{}: captures wait in the outbox (pishkhan-kiosk --enroll CODE)",
      identity ? "" : ": " + identity.error().message);
}

void App::adopt_enrollment(const provisioning::EnrollOutcome& outcome) {
  if (!outcome.ok() || !outcome.identity) return;
  const provisioning::TerminalIdentity& identity = *outcome.identity;
  apply_enrolled_identity(m_config, identity);
  // The sealing key: from now on captures are accepted (sealed to it).
  if (auto key = load_centre_key(centre_key_path(m_config.data_dir)))
    m_centre_key = key.value();
  else
    spdlog::error("after enrollment: {}", key.error().message);
  // The catalog enrollment stored, by the same last-good rule as at start. The citizen flow is
  // at its welcome screen while a technician works, so no session holds a service of the old one.
  if (outcome.catalog.result == provisioning::CatalogFetch::Stored) use_stored_catalog("after enrollment");
  // A catalog fetched again (AlreadyEnrolled) leaves a running sync worker alone.
  if (m_config.centre_url.empty())
    spdlog::warn(
        "after enrollment: centre.url is empty in the configuration, so nothing is sent to the centre");
  else if (outcome.status == provisioning::EnrollStatus::Enrolled || !m_sync)
    start_sync(identity);
  spdlog::info("enrolled from the technician screen as {} (number {}, office {}); sync {}",
               m_config.terminal_id, m_config.terminal_number, m_config.office, m_sync ? "started" : "off");
}

// The flow and the technician screens hold the catalog by reference and a session holds a
// service of it: only at the welcome screen, outside technician mode and counter mode (an
// operator's form has no idle point; a restart takes the new one), is it swapped.
void App::adopt_synced_catalog() {
  if (!m_sync || m_desk || (m_tech && m_tech->active()) || !m_citizen->at_welcome()) return;
  const int64_t stored = m_sync->catalog_version_stored();
  if (stored <= m_catalog.version || stored == m_synced_catalog_tried) return;
  m_synced_catalog_tried = stored;
  use_stored_catalog("catalog from the centre");
}

// The last good catalog by the same rule as at start (kiosk/catalog_source.h), in use from now
// on when it is another version than the one shown.
void App::use_stored_catalog(std::string_view why) {
  auto loaded = load_catalog(m_config.catalog_file, last_good_catalog_path(m_config.data_dir));
  if (!loaded) return spdlog::error("{}: {}", why, loaded.error().message);
  if (loaded->catalog.version == m_catalog.version) return;
  spdlog::info("{}: catalog version {} from {} now in use (was {})", why, loaded->catalog.version,
               loaded->from.string(), m_catalog.version);
  m_catalog = std::move(loaded->catalog);
}

int64_t App::wait_until_delivered(double max_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(max_seconds);
  for (;;) {
    auto stats = m_store->stats(static_cast<int64_t>(std::time(nullptr)));
    const int64_t pending = stats ? stats->pending_outbox : -1;
    if (pending == 0 || !m_sync || std::chrono::steady_clock::now() > deadline) return pending;
    m_sync->wake();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

App::FirstLedgerSync App::wait_for_first_ledger_sync(double max_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(max_seconds);
  for (;;) {
    if (!m_sync) return FirstLedgerSync::NoCentre;
    if (m_sync->counters().ledger_syncs > 0) {
      refresh_notices();
      return FirstLedgerSync::Done;
    }
    if (std::chrono::steady_clock::now() > deadline) return FirstLedgerSync::TimedOut;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

App::StatusPoll App::wait_for_status_poll(const std::string& digits, double max_seconds) {
  const auto asked = [&]() -> std::optional<StatusPoll> {
    std::lock_guard lock(m_status_asked_mutex);
    auto found = m_status_asked.find(digits);
    if (found == m_status_asked.end()) return std::nullopt;
    return found->second ? StatusPoll::Answered : StatusPoll::Failed;
  };
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(max_seconds);
  for (;;) {
    if (auto done = asked()) return *done;
    // A capture the worker never asks about: waiting would only run out the clock. A final
    // status may be one the worker has just stored (it says so right after): a moment's grace.
    auto record = m_store->find_by_tracking_code(digits);
    if (record && !record.value()) return StatusPoll::NotAsked;
    if (record && record.value()->centre_status && store::is_final(*record.value()->centre_status)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      return asked().value_or(StatusPoll::NotAsked);
    }
    if (!m_sync) return StatusPoll::NoCentre;
    if (std::chrono::steady_clock::now() > deadline) return StatusPoll::TimedOut;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace pk::kiosk
