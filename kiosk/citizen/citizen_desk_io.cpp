// The citizen desk's I/O, run after the frame is drawn so a tap shows at once: a page from the
// scanner, a status look-up, sealing and saving an application or a failure report and printing
// its receipt, the counter-only service's slip, and reading a passport's chip.
#include <spdlog/spdlog.h>

#include <ctime>

#include "base/secure_wipe.h"
#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "drivers/cardreader/apps/icao/read_passport.h"
#include "kiosk/citizen/capture.h"
#include "kiosk/citizen/citizen_desk.h"
#include "kiosk/citizen/citizen_submission.h"
#include "kiosk/citizen/status_lookup.h"
#include "kiosk/device_words.h"
#include "kiosk/passport_trust.h"

namespace pk::kiosk {

namespace {

sla::Observation printer_observation(const PrintOutcome& printed) {
  sla::Observation seen;
  seen.printer = printed.printed ? sla::Status::Up : sla::Status::Down;
  seen.detail = printed.problem;
  return seen;
}

// The report screen's choice, printed in the same words.
receipts::FailureKind failure_kind(ProblemKind problem) {
  switch (problem) {
    case ProblemKind::ServiceUnavailable:
      return receipts::FailureKind::ServiceOutage;
    case ProblemKind::DeviceFault:
      return receipts::FailureKind::DeviceFault;
    case ProblemKind::SlowOrPoorService:
      return receipts::FailureKind::QualityDrop;
    case ProblemKind::WrongInformation:
      return receipts::FailureKind::WrongInformation;
    case ProblemKind::Other:
      return receipts::FailureKind::Other;
  }
  return receipts::FailureKind::Other;
}

FailureReceipt failure_receipt(const CitizenState& state) {
  return FailureReceipt{.language = state.language,
                        .service = state.report.service,
                        .kind = failure_kind(state.report.problem),
                        .details = state.report.text};
}

}  // namespace

void CitizenDesk::perform(PendingAction action, double now) {
  switch (action) {
    case PendingAction::None:
    case PendingAction::OpenTechnician:  // the App's: it opens the technician's desk
      return;
    case PendingAction::ScanPage:
      scan_page();
      return;
    case PendingAction::LookUpStatus: {
      auto status = look_up_status(m_services.store(), m_flow.state().tracking_input, m_flow.language(),
                                   &m_services.catalog);
      if (status)
        m_flow.status_found(std::move(status.value()));
      else
        spdlog::error("status lookup: {}", status.error().message);
      return;
    }
    case PendingAction::SubmitApplication:
    case PendingAction::SubmitReport:
      submit(action, now);
      return;
    case PendingAction::ReadPassport:
      read_passport_chip();
      return;
    case PendingAction::PrintCounterSlip:
      print_counter_slip();
      return;
  }
}

void CitizenDesk::scan_page() {
  if (!m_flow.can_scan()) return;
  const Language lang = m_flow.language();
  scanner::ScannerDriver* scanner = m_services.devices.scanner();
  if (!scanner) {
    m_flow.capture_failed(std::string(device_words(scanner::ScannerStatus::Unplugged, lang)));
    return;
  }
  auto page = capture_page(*scanner, m_next_preview_id++, lang);
  sla::Observation scanned;
  scanned.scanner = page ? sla::Status::Up : sla::Status::Down;
  if (!page) scanned.detail = page.error().message;
  m_services.observe(scanned);
  if (page) {
    m_preview_dirty = true;
    m_flow.page_captured(std::move(page.value()));
  } else {
    spdlog::warn("scan failed: {}", page.error().message);
    m_flow.capture_failed(page.error().message);
  }
}

void CitizenDesk::submit(PendingAction action, double now) {
  if (!m_services.centre_key) return;  // the screens offer no submit without it
  const Language lang = m_flow.language();
  const Config& config = m_services.config;
  SubmissionContext ctx{m_services.store(), *m_services.centre_key, config,
                        static_cast<int64_t>(std::time(nullptr)), static_cast<int64_t>(now * 1000)};
  const std::optional<std::string> counter_operator = m_services.counter_operator();
  if (counter_operator) ctx.operator_id = *counter_operator;  // a walk-in's, at the counter
  auto saved = action == PendingAction::SubmitApplication ? submit_application(ctx, m_flow.state())
                                                          : submit_failure_report(ctx, m_flow.state());
  if (!saved) {
    // Nothing was saved, and the citizen is told so: no code is shown for an unsaved request.
    spdlog::error("submit failed: {}", saved.error().message);
    m_flow.submit_failed(
        std::string((counter_operator ? strings::kNotSavedCounter : strings::kNotSaved).in(lang)) + "(" +
        saved.error().message + ")");
    return;
  }
  SavedOutcome outcome;
  outcome.is_failure_report = action == PendingAction::SubmitReport;
  outcome.tracking_digits = saved->tracking_code;
  auto code = parse_tracking_code(saved->tracking_code);
  outcome.tracking_display = code ? format(code.value(), lang) : saved->tracking_code;
  if (ReceiptPrinting* printing = m_services.devices.printing()) {
    const catalog::Catalog& catalog = m_services.catalog;
    const CitizenState& state = m_flow.state();
    const PrintOutcome printed =
        outcome.is_failure_report
            ? printing->print_failure_report(catalog, failure_receipt(state), saved->tracking_code,
                                             ctx.now_unix, config)
            : printing->print_application(
                  catalog, ApplicationReceipt{state.language, state.service, state.identity.kind},
                  saved->tracking_code, ctx.now_unix, config);
    outcome.printed = printed.printed;
    outcome.print_problem = printed.problem;
    m_services.observe(printer_observation(printed));
  } else {
    outcome.print_problem = std::string(device_words(PrinterStatus::Offline, lang));
  }
  spdlog::info("saved {} {} (outbox {})", outcome.is_failure_report ? "failure report" : "application",
               saved->tracking_code, saved->outbox_id);
  if (m_services.sync) m_services.sync->wake();  // deliver now rather than at the next idle check
  m_flow.saved(std::move(outcome));
}

// The slip for a service offered only at the counter, printed from the service's card (the
// service, what to bring, a Code 128 code): at the counter the barcode scanner reads the code
// and the operator's desk opens a new application with that service chosen.
void CitizenDesk::print_counter_slip() {
  if (!m_flow.counter_slip_requested()) return;
  const catalog::Language lang = m_flow.language();
  ReceiptPrinting* printing = m_services.devices.printing();
  if (!printing) {
    m_flow.counter_slip_printed(false, std::string(device_words(PrinterStatus::Offline, lang)));
    return;
  }
  const PrintOutcome printed =
      printing->print_counter_slip(m_services.catalog, lang, m_flow.state().service,
                                   static_cast<int64_t>(std::time(nullptr)), m_services.config);
  m_services.observe(printer_observation(printed));
  spdlog::info("counter slip for service {}: {}", m_flow.state().service,
               printed.printed ? "printed" : "not printed: " + printed.problem);
  m_flow.counter_slip_printed(printed.printed, printed.problem);
}

void CitizenDesk::read_passport_chip() {
  const Language lang = m_flow.language();
  cardreader::CardReaderDriver* reader = m_services.devices.card_reader();
  if (!reader || !m_flow.passport_read_requested()) return;
  const MrzDraft& mrz = m_flow.state().mrz;
  std::string birth = to_ascii_digits(mrz.birth);
  const WipeAtScopeEnd wipe_birth(birth);
  std::string expiry = to_ascii_digits(mrz.expiry);
  const WipeAtScopeEnd wipe_expiry(expiry);
  auto key = cardreader::icao::MrzKey::make(mrz.document, birth, expiry);
  if (!key) {
    m_flow.passport_failed(key.error().message);
    return;
  }
  cardreader::icao::PassportReadReport report;
  const auto master_list = load_csca_master_list(m_services.config.data_dir);
  cardreader::icao::ReadOptions options;
  options.master_list = master_list ? &*master_list : nullptr;
  auto identity = cardreader::icao::read_passport(*reader, key.value(), options, report);
  if (!identity) {
    // All or nothing: a failed read fills nothing; the message says what to do.
    spdlog::warn("passport read failed after {} APDU(s): {}", report.apdu_count, identity.error().message);
    m_flow.passport_failed(report.failure != cardreader::icao::ReadFailure::None
                               ? std::string(device_words(report.failure, lang))
                               : identity.error().message);
    return;
  }
  // The chip's answer is the citizen's: the flow keeps the number and the name it shows (only
  // when passive authentication verified the chip), and every other copy is wiped here.
  cardreader::icao::PassportIdentity& chip = identity.value();
  spdlog::info("passport read: {} APDU(s) in {} ms, hashes checked, chip {} ({})", report.apdu_count,
               report.elapsed.count(), cardreader::icao::to_string(chip.authenticity.outcome),
               chip.authenticity.reason);
  std::string holder;
  holder.reserve(chip.given_names.size() + 1 + chip.surname.size());
  holder.append(chip.given_names).append(" ").append(chip.surname);
  m_flow.passport_read(chip.document_number, std::move(holder), chip.authenticity.outcome);
  for (std::string* field : {&chip.document_number, &chip.surname, &chip.given_names, &chip.nationality,
                             &chip.issuing_state, &chip.mrz})
    secure_wipe(*field);
  secure_wipe(chip.face.pixels);
}

}  // namespace pk::kiosk
