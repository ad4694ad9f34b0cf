// The technician desk's upkeep: the diagnostics bundle (what goes in it, sending it to the
// centre off the frame loop) and the factory reset after the PIN is typed again.
#include <spdlog/spdlog.h>

#include <chrono>

#include "domain/text_normalize.h"
#include "kiosk/strings/technician_strings.h"
#include "kiosk/technician/technician_desk.h"
#include "provisioning/diagnostics.h"
#include "provisioning/terminal_identity.h"

namespace pk::kiosk::tech {

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

}  // namespace pk::kiosk::tech
