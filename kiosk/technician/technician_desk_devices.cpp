// The technician desk's devices: finding them (off the frame loop), the configured one chosen
// for each role, and self-tests that run on a task of their own per role.
#include <spdlog/spdlog.h>

#include <chrono>

#include "kiosk/strings/technician_strings.h"
#include "kiosk/technician/technician_desk.h"
#include "provisioning/diagnostics.h"

namespace pk::kiosk::tech {

void TechnicianDesk::refresh_setup(TechServices& services) {
  const Config& config = services.config;
  // SANE may take seconds to list its scanners: the drivers are asked on the search's thread.
  provisioning::DiscoveryOptions discovery;
  // The self-test's simulated printer has a folder of its own: the kiosk's receipts stay.
  discovery.sim_printer_dir = config.data_dir / "selftest-receipts";
  if (!config.printer_connection.empty()) discovery.known_connections.push_back(config.printer_connection);
  if (!m_searching)
    m_searching = m_search.start([discovery] { return provisioning::discover_devices(discovery); });
  m_setup.devices_message.clear();
  m_setup.destinations = provisioning::export_destinations({config.export_dir});
  m_setup.destination = 0;
  m_setup.diagnostics = provisioning::collect_diagnostics(diagnostics_sources(services)).summary;
  if (auto backlog = provisioning::reset_backlog(services.store)) {
    m_setup.unsent = backlog->unsent;
    m_setup.unsent_codes = backlog->tracking_codes;
  }
}

void TechnicianDesk::apply_discovery(std::vector<provisioning::RoleDevices> found, TechServices& services) {
  const Config& config = services.config;
  // The configured device of each role is the one chosen, until the technician picks another.
  auto configured = [&](provisioning::DeviceRole role, const DeviceInfo& d) {
    switch (role) {
      case provisioning::DeviceRole::Printer:
        return config.printer == DeviceBackend::Simulated ? d.backend == "sim"
                                                          : d.connection == config.printer_connection;
      case provisioning::DeviceRole::Scanner:
        return config.scanner == DeviceBackend::Simulated
                   ? d.backend == "sim"
                   : d.connection == config.scanner_connection ||
                         (config.scanner_connection.empty() && d.backend == "sane");
      case provisioning::DeviceRole::CardReader:
        return config.card_reader == DeviceBackend::Simulated
                   ? d.backend == "sim"
                   : d.connection == config.card_reader_connection ||
                         (config.card_reader_connection.empty() && d.backend == "pcsc");
      case provisioning::DeviceRole::Barcode:
        return config.barcode == DeviceBackend::Simulated ? d.backend == "sim"
                                                          : d.connection == config.barcode_connection;
    }
    return false;
  };
  for (size_t r = 0; r < found.size() && r < m_setup.roles.size(); ++r) {
    RoleSetup& role = m_setup.roles[r];
    role.found = std::move(found[r]);
    role.chosen = -1;
    role.result.reset();
    for (size_t i = 0; i < role.found.devices.size() && role.chosen < 0; ++i)
      if (configured(role.found.role, role.found.devices[i])) role.chosen = static_cast<int>(i);
  }
  // The summary counts the devices found.
  m_setup.diagnostics = provisioning::collect_diagnostics(diagnostics_sources(services)).summary;
}

void TechnicianDesk::collect_device_work(TechServices& services) {
  bool finished = false;
  if (m_searching) {
    if (auto found = m_search.take()) {
      m_searching = false;
      finished = true;
      apply_discovery(std::move(found.value()), services);
    }
  }
  for (size_t r = 0; r < m_tests.size(); ++r) {
    RoleTest& test = m_tests[r];
    if (!test.pending) continue;
    auto result = test.task.take();
    if (!result) continue;
    test.pending = false;
    test.lent = false;
    finished = true;
    RoleSetup& role = m_setup.roles[r];
    role.result = std::move(result.value());
    spdlog::info("self-test {} {}: {}", provisioning::to_string(role.found.role), role.result->connection,
                 role.result->summary);
    (void)services.store.append_audit("technician:" + m_flow.state().technician, "device_self_test",
                                      std::string(provisioning::to_string(role.found.role)) +
                                          (role.result->passed() ? " passed" : " failed"));
  }
  // "Wait for it" is said while work runs; once it has ended it is no longer true.
  const std::string& message = m_setup.devices_message;
  for (const Text* wait : {&strings::kWaitForDevices, &strings::kTestRunning})
    for (Language language : {Language::Persian, Language::English})
      if (finished && message == wait->in(language)) m_setup.devices_message.clear();
}

void TechnicianDesk::start_self_test(const TechContext& ctx, TechServices& services, size_t r) {
  RoleSetup& role = m_setup.roles[r];
  RoleTest& test = m_tests[r];
  if (role.chosen < 0 || m_searching) return;
  if (test.pending) {  // one test per device at a time: the second tap is told so
    m_setup.devices_message = strings::kTestRunning.in(ctx.language);
    m_setup.devices_message_ok = false;
    return;
  }
  provisioning::SelfTestOptions options;
  options.language = ctx.language;
  options.terminal_id = services.config.terminal_id;
  options.terminal_number = services.config.terminal_number;
  options.now_unix = services.now_unix;
  const provisioning::DeviceRole which = role.found.role;
  const std::string connection = role.found.devices[static_cast<size_t>(role.chosen)].connection;
  Device* lent = services.lend_device ? services.lend_device(which, connection) : nullptr;
  test.started = std::chrono::steady_clock::now();
  test.lent = lent != nullptr;
  role.result.reset();
  m_setup.devices_message.clear();
  // The work owns copies and its own receipt renderer (the App's text engine is the frame
  // loop's); a lent device is the task's alone until it ends (holds()).
  test.pending = test.task.start([which, connection, options, lent]() mutable {
    std::unique_ptr<receipts::ReceiptRenderer> renderer;
    if (which == provisioning::DeviceRole::Printer) {
      auto made = receipts::ReceiptRenderer::create();
      if (!made)
        return provisioning::SelfTestResult{
            which, connection, provisioning::TestOutcome::Failed, made.error().message,
            provisioning::Problem{provisioning::ProblemKind::Other, made.error().message}};
      renderer = std::move(made.value());
      options.renderer = renderer.get();
    }
    provisioning::SelfTestResult result = lent ? provisioning::self_test(which, *lent, options)
                                               : provisioning::self_test(which, connection, options);
    result.connection = connection;
    return result;
  });
}

}  // namespace pk::kiosk::tech
