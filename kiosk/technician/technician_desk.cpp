#include "kiosk/technician/technician_desk.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/strings/technician_strings.h"
#include "provisioning/diagnostics.h"
#include "provisioning/terminal_identity.h"

namespace pk::kiosk::tech {

Result<std::unique_ptr<TechnicianDesk>> TechnicianDesk::create(const std::filesystem::path& data_dir) {
  std::unique_ptr<TechnicianDesk> desk(new TechnicianDesk());
  auto accounts = op::OperatorAccounts::open(data_dir / "technicians.json");
  if (!accounts) return accounts.error();
  desk->m_accounts = std::move(accounts.value());
  return desk;
}

Result<void> TechnicianDesk::set_technician(std::string_view id, std::string_view pin, int64_t now_unix) {
  return m_accounts->set_operator(id, pin, now_unix);
}

bool TechnicianDesk::draw(TechContext& ctx) {
  const auto now = std::chrono::steady_clock::now();
  for (size_t r = 0; r < m_tests.size(); ++r) {
    m_setup.roles[r].testing = m_tests[r].pending;
    m_setup.roles[r].testing_seconds =
        static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(now - m_tests[r].started).count());
  }
  m_setup.searching = m_searching;
  fill(ctx);
  ctx.enroll = &m_enroll;
  draw_technician(ctx);
  if (!ctx.exit_requested) return false;
  // A running test may hold the kiosk's own device: the citizen screens wait for it.
  if (busy()) {
    m_setup.devices_message = strings::kWaitForDevices.in(ctx.language);
    m_setup.devices_message_ok = false;
    return false;
  }
  m_flow.reset();
  m_data.reset();
  m_active = false;
  return true;
}

bool TechnicianDesk::busy() const {
  if (m_searching) return true;
  return std::any_of(m_tests.begin(), m_tests.end(), [](const RoleTest& t) { return t.pending; });
}

bool TechnicianDesk::holds(provisioning::DeviceRole role) const {
  const RoleTest& test = m_tests[static_cast<size_t>(role)];
  return test.lent && test.task.running();
}

void TechnicianDesk::scanned(std::string_view text) {
  if (m_flow.state().screen == TechScreen::Enrollment) m_enroll.scanned(text);
}

void TechnicianDesk::perform(const TechContext& ctx, TechServices& services) {
  if (auto enrolled = m_enroll.perform(services.config)) {
    const bool fetched_again = enrolled->status == provisioning::EnrollStatus::AlreadyEnrolled;
    (void)services.store.append_audit("technician:" + m_flow.state().technician,
                                      fetched_again    ? "catalog_fetched"
                                      : enrolled->ok() ? "terminal_enrolled"
                                                       : "terminal_enroll_failed",
                                      enrolled->ok()
                                          ? enrolled->identity->terminal_id
                                          : std::string(provisioning::to_string(enrolled->failure)));
    if (enrolled->ok() && services.enrolled) services.enrolled(*enrolled);
  }
  collect_device_work(services);
  finish_upload(services);
  if (!ctx.login_requested) return perform_request(ctx, services);
  store::Store& store = services.store;
  const int64_t now_unix = services.now_unix;
  const std::string id = to_ascii_digits(m_flow.state().id);
  const op::LoginResult result = m_accounts->verify(id, m_flow.state().pin, now_unix);
  const bool persian = persian_or_english(ctx.language) == Language::Persian;
  switch (result.outcome) {
    case op::LoginOutcome::Ok:
      (void)store.append_audit("technician:" + id, "technician_login", "");
      m_flow.login_succeeded(id);
      refresh_setup(services);
      m_enroll.refresh(services.config);
      break;
    case op::LoginOutcome::WrongCredentials:
      (void)store.append_audit("technician:" + id, "technician_login_failed", "");
      m_flow.login_failed(persian ? "شناسه یا رمز درست نیست." : "Wrong id or PIN.");
      break;
    case op::LoginOutcome::LockedOut:
      (void)store.append_audit("technician:" + id, "technician_locked_out", "");
      m_flow.login_failed(persian ? "ورود تا چند دقیقه بسته است: رمز چند بار اشتباه وارد شد."
                                  : "Signing in is locked for a few minutes after repeated wrong PINs.");
      break;
  }
}

void TechnicianDesk::refresh(sla::Ledger* ledger, const std::string& ledger_problem, store::Store& store,
                             const catalog::Catalog& catalog, const DeskDevices& devices, Language language) {
  if (!m_flow.logged_in()) return;
  m_data.reset();
  m_data_problem = ledger_problem;
  if (ledger) {
    std::vector<int> services;
    for (const catalog::Service& s : catalog.services) services.push_back(s.number);
    auto data = ledger->technician_data(services);
    if (data)
      m_data = std::move(data.value());
    else
      m_data_problem = data.error().message;
  }
  const bool persian = persian_or_english(language) == Language::Persian;
  m_devices = {{persian ? "چاپگر رسید" : "Receipt printer", devices.printer, devices.printer_ok},
               {persian ? "اسکنر" : "Scanner", devices.scanner, devices.scanner_ok}};
  if (!devices.card_reader.empty())
    m_devices.push_back(
        {persian ? "کارت‌خوان" : "Card reader", devices.card_reader, devices.card_reader_ok});
  if (!devices.barcode.empty())
    m_devices.push_back({persian ? "بارکدخوان" : "Barcode scanner", devices.barcode, devices.barcode_ok});
  auto stats = store.stats(static_cast<int64_t>(std::time(nullptr)));
  if (stats) m_outbox = stats.value();
}

provisioning::DiagnosticsSources TechnicianDesk::diagnostics_sources(TechServices& services) const {
  provisioning::DiagnosticsSources src;
  src.config_file = services.config.source_file;
  src.data_dir = services.config.data_dir;
  src.store = &services.store;
  src.ledger = services.ledger;
  for (const catalog::Service& s : services.catalog.services) src.services.push_back(s.number);
  for (const RoleSetup& r : m_setup.roles) {
    src.devices.push_back(r.found);
    if (r.result) src.self_tests.push_back(*r.result);
  }
  src.log_files = {services.config.data_dir / "logs" / "kiosk.log"};
  src.terminal_id = services.config.terminal_id;
  src.now_unix = services.now_unix;
  return src;
}

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

void TechnicianDesk::perform_request(const TechContext& ctx, TechServices& services) {
  const auto role_index = static_cast<size_t>(std::clamp(ctx.request_role, 0, 3));
  RoleSetup& role = m_setup.roles[role_index];
  switch (ctx.request) {
    case TechRequest::None:
      break;
    case TechRequest::ChooseDevice:
      if (m_tests[role_index].pending) {
        m_setup.devices_message = strings::kTestRunning.in(ctx.language);
        m_setup.devices_message_ok = false;
      } else if (ctx.request_index < static_cast<int>(role.found.devices.size())) {
        role.chosen = ctx.request_index;
        role.result.reset();
      }
      break;
    case TechRequest::SelfTest:
      start_self_test(ctx, services, role_index);
      break;
    case TechRequest::SaveDevices: {
      if (services.config.source_file.empty()) {
        m_setup.devices_message = strings::kNoConfigFile.in(ctx.language);
        m_setup.devices_message_ok = false;
        break;
      }
      provisioning::DeviceChoice choice;
      for (size_t r = 0; r < m_setup.roles.size(); ++r) {
        const RoleSetup& each = m_setup.roles[r];
        if (each.chosen >= 0)
          choice.connection[r] = each.found.devices[static_cast<size_t>(each.chosen)].connection;
      }
      auto saved = provisioning::save_device_choice(services.config.source_file, choice);
      m_setup.devices_message_ok = saved.ok();
      m_setup.devices_message = saved ? std::string(strings::kSaved.in(ctx.language)) : saved.error().message;
      if (saved)
        (void)services.store.append_audit("technician:" + m_flow.state().technician, "devices_saved",
                                          services.config.source_file.string());
      break;
    }
    case TechRequest::RefreshDevices:
      if (busy()) {  // the lists a running test was started from stay as they are
        m_setup.devices_message = strings::kWaitForDevices.in(ctx.language);
        m_setup.devices_message_ok = false;
        break;
      }
      refresh_setup(services);
      break;
    case TechRequest::ChooseDestination:
      if (ctx.request_index >= 0 && ctx.request_index < static_cast<int>(m_setup.destinations.size()))
        m_setup.destination = ctx.request_index;
      break;
    case TechRequest::Export: {
      if (m_setup.destinations.empty()) break;
      const provisioning::Bundle bundle = provisioning::collect_diagnostics(diagnostics_sources(services));
      m_setup.diagnostics = bundle.summary;
      auto file =
          provisioning::export_bundle(bundle, m_setup.destinations[static_cast<size_t>(m_setup.destination)],
                                      services.config.terminal_id, services.now_unix);
      m_setup.export_ok = file.ok();
      m_setup.export_message = file ? std::string(strings::kExported.in(ctx.language)) + ": " + file->string()
                                    : file.error().message;
      (void)services.store.append_audit("technician:" + m_flow.state().technician, "diagnostics_exported",
                                        file ? file->filename().string() : "failed");
      break;
    }
    case TechRequest::SendToCentre:
      start_upload(ctx, services);
      break;
    case TechRequest::ConfirmReset:
      confirm_reset(services);
      break;
  }
}

void TechnicianDesk::start_upload(const TechContext& ctx, TechServices& services) {
  if (m_upload.running()) return;  // one bundle on its way at a time
  const provisioning::Bundle bundle = provisioning::collect_diagnostics(diagnostics_sources(services));
  m_setup.diagnostics = bundle.summary;
  // The archive is made here (small, and it reads nothing the store is writing); only the
  // network part runs on the task's thread.
  const std::filesystem::path data_dir = services.config.data_dir;
  auto identity = provisioning::load_identity(data_dir);
  const std::string terminal = identity && *identity ? (*identity)->terminal_id : services.config.terminal_id;
  std::string archive = provisioning::bundle_archive(bundle, terminal, services.now_unix);
  sync::HttpOptions http;
  http.connect_timeout = std::chrono::seconds(10);
  http.total_timeout = std::chrono::seconds(60);
  m_upload_language = ctx.language;
  m_setup.upload_bytes = static_cast<long long>(archive.size());
  m_setup.upload_message.clear();
  m_setup.uploading = m_upload.start([data_dir, archive = std::move(archive), http] {
    return provisioning::upload_archive(data_dir, archive, http);
  });
}

void TechnicianDesk::finish_upload(TechServices& services) {
  auto result = m_upload.take();
  m_setup.uploading = m_upload.running();
  if (!result) return;
  const Language language = m_upload_language;
  switch (result->outcome) {
    case provisioning::UploadOutcome::Sent:
      // The receipt as the centre lists it (--list-diagnostics): a code support types, in Latin
      // characters in either language (۰ beside Latin letters reads as a dot).
      m_setup.upload_message = std::string(strings::kSentToCentre.in(language)) + " " + result->receipt_id;
      break;
    case provisioning::UploadOutcome::NotEnrolled:
      m_setup.upload_message = strings::kUploadNotEnrolled.in(language);
      break;
    case provisioning::UploadOutcome::Unreachable:
      m_setup.upload_message = strings::kUploadUnreachable.in(language);
      break;
    case provisioning::UploadOutcome::Refused:
      m_setup.upload_message = std::string(strings::kUploadRefused.in(language)) + " " + result->detail;
      break;
  }
  m_setup.upload_ok = result->ok();
  if (result->ok())
    spdlog::info("diagnostics: sent to the centre, receipt {} ({} bytes)", result->receipt_id, result->bytes);
  else
    spdlog::warn("diagnostics: not sent to the centre: {}: {}", provisioning::to_string(result->outcome),
                 result->detail);
  (void)services.store.append_audit(
      "technician:" + m_flow.state().technician, "diagnostics_sent",
      result->ok() ? result->receipt_id : std::string(provisioning::to_string(result->outcome)));
}

void TechnicianDesk::confirm_reset(TechServices& services) {
  const TechState& s = m_flow.state();
  const bool persian = persian_or_english(services.config.language) == Language::Persian;
  // A running self-test may hold a device the reset is about to close.
  if (busy()) return m_flow.reset_refused(strings::kWaitForDevices.in(services.config.language));
  // An enrollment writes keys into the folder the reset is about to wipe.
  if (m_enroll.running())
    return m_flow.reset_refused(strings::kEnrollBlocksReset.in(services.config.language));
  // The PIN again: the person at the screen now is the one who signed in.
  const op::LoginResult check = m_accounts->verify(s.technician, s.reset_pin, services.now_unix);
  if (check.outcome != op::LoginOutcome::Ok) {
    (void)services.store.append_audit("technician:" + s.technician, "factory_reset_pin_failed", "");
    m_flow.reset_refused(persian ? "رمز درست نیست؛ بازنشانی انجام نشد." : "Wrong PIN: nothing was reset.");
    return;
  }
  provisioning::ResetRequest request;
  request.technician = s.technician;
  request.override_backlog =
      s.reset_override ? provisioning::ResetOverride::LoseUnsentCaptures : provisioning::ResetOverride::None;
  request.accepted_loss = s.reset_accepted_loss;
  request.now_unix = services.now_unix;
  auto plan = provisioning::authorize_factory_reset(services.store, services.config.data_dir, request);
  if (!plan) {
    m_flow.reset_refused(plan.error().message);
    if (auto backlog = provisioning::reset_backlog(services.store)) m_setup.unsent = backlog->unsent;
    return;
  }
  auto report = services.factory_reset ? services.factory_reset(plan.value())
                                       : Result<provisioning::ResetReport>(make_error("no reset available"));
  if (!report) {
    m_flow.reset_refused(report.error().message);
    return;
  }
  // The accounts file went with everything else: nobody signs in with the old PINs again.
  if (auto accounts = op::OperatorAccounts::open(services.config.data_dir / "technicians.json"))
    m_accounts = std::move(accounts.value());
  m_setup.unsent = 0;
  m_setup.unsent_codes.clear();
  m_enroll.refresh(services.config);  // the keys are gone: the Enrollment tab offers to enroll again
  m_flow.reset_done(
      persian
          ? "دستگاه بازنشانی شد: " + to_persian_digits(std::to_string(report->files_wiped)) +
                " پرونده پاک شد. پایانه به راه‌اندازی نخست برگشته است و باید دوباره ثبت شود."
          : "The terminal was reset: " + std::to_string(report->files_wiped) +
                " files wiped. It is back at first boot and must be enrolled again.");
}

void TechnicianDesk::fill(TechContext& ctx) const {
  ctx.setup = &m_setup;
  ctx.service_levels = m_data ? &*m_data : nullptr;
  ctx.service_levels_problem = m_data_problem;
  ctx.devices = m_devices;
  ctx.outbox = m_outbox;
}

}  // namespace pk::kiosk::tech
