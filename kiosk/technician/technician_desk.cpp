// The desk itself: sign-in, the frame's drawing and requests, the data the screens show. Its
// devices are in technician_desk_devices.cpp, the diagnostics bundle and the factory reset in
// technician_desk_upkeep.cpp.
#include "kiosk/technician/technician_desk.h"

#include <algorithm>
#include <chrono>

#include "domain/text_normalize.h"
#include "kiosk/format.h"
#include "kiosk/strings/technician_strings.h"
#include "provisioning/diagnostics.h"

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

void TechnicianDesk::fill(TechContext& ctx) const {
  ctx.setup = &m_setup;
  ctx.service_levels = m_data ? &*m_data : nullptr;
  ctx.service_levels_problem = m_data_problem;
  ctx.devices = m_devices;
  ctx.outbox = m_outbox;
}

}  // namespace pk::kiosk::tech
