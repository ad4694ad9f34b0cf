#include "kiosk/receipt_printing.h"

#include <spdlog/spdlog.h>

#include "domain/tracking_code.h"
#include "drivers/barcode/service_slip.h"
#include "drivers/printer/printer_registry.h"
#include "kiosk/device_words.h"
#include "kiosk/identity/identity_documents.h"
#include "receipts/receipt_format.h"
#include "receipts/receipt_print_job.h"
#include "receipts/templates.h"

namespace pk::kiosk {

std::string printer_connection(const Config& config, const std::filesystem::path& receipts_dir) {
  if (!config.printer_connection.empty()) return config.printer_connection;
  switch (config.printer) {
    case DeviceBackend::Usb:
      return "usb";
    default:
      return "sim:" + receipts_dir.string();
  }
}

Result<std::unique_ptr<ReceiptPrinting>> ReceiptPrinting::create(const std::string& connection,
                                                                 ui::TextEngine& text) {
  std::unique_ptr<ReceiptPrinting> p(new ReceiptPrinting());
  const PrinterRegistry registry = make_printer_registry();
  auto printer = create_printer(registry, connection);
  if (!printer) return printer.error();
  p->m_printer = std::move(printer.value());
  // Native QR / Code 128 only when the driver says the printer has them; raster otherwise.
  for (const auto& entry : registry.drivers())
    if (entry.metadata->id == p->m_printer->info().backend) p->m_features = entry.metadata->features;
  if (auto opened = p->m_printer->open(); !opened) spdlog::warn("printer: {}", opened.error().message);
  p->m_queue = std::make_unique<PrintQueue>(*p->m_printer);
  p->m_renderer = std::make_unique<receipts::ReceiptRenderer>(text);
  return p;
}

PrintOutcome ReceiptPrinting::print(const Result<receipts::Receipt>& receipt, Language language) {
  if (!receipt) return {false, receipt.error().message};
  receipts::RenderOptions options;
  options.width_dots = m_printer->paper_width_dots();
  auto rendered = m_renderer->render(*receipt, options);
  if (!rendered) return {false, rendered.error().message};
  const PrintQueue::JobId id =
      m_queue->submit(receipts::build_print_job(*rendered, m_features), Cut::Partial);
  const PumpReport report = m_queue->pump();
  if (!m_queue->contains(id)) return {true, ""};
  spdlog::warn("receipt queued for reprint: {}", report.message);
  // The job stays queued; the citizen has the code on screen meanwhile.
  return {false, std::string(report.status ? device_words(*report.status, language)
                                           : device_words(PrinterStatus::Offline, language))};
}

PrintOutcome ReceiptPrinting::print_application(const catalog::Catalog& catalog,
                                                const ApplicationReceipt& receipt,
                                                const std::string& tracking_digits, int64_t now_unix,
                                                const Config& config) {
  auto code = parse_tracking_code(tracking_digits);
  if (!code) return {false, code.error().message};
  const Language lang = receipt.language;
  const catalog::Service* service = catalog.find(receipt.service);
  const catalog::Office* office = service ? catalog.office(service->office_id) : nullptr;
  receipts::TrackingReceiptData data{.language = lang,
                                     .office_name = office ? office->name.in(lang) : "",
                                     .terminal_number = config.terminal_number,
                                     .service_number = receipt.service,
                                     .service_title = service ? service->title.in(lang) : "",
                                     .code = code.value(),
                                     .submitted_unix = now_unix,
                                     .fee_rials = service ? service->fee_rials : 0,
                                     .handling_days = service ? service->handling_days : 0,
                                     .identity_document = id_document(receipt.id_kind).name.in(lang)};
  return print(receipts::tracking_receipt(data), lang);
}

PrintOutcome ReceiptPrinting::print_failure_report(const catalog::Catalog& catalog,
                                                   const FailureReceipt& receipt,
                                                   const std::string& tracking_digits, int64_t now_unix,
                                                   const Config& config) {
  auto code = parse_tracking_code(tracking_digits);
  if (!code) return {false, code.error().message};
  const Language lang = receipt.language;
  const catalog::Service* service = catalog.find(receipt.service);
  // A report about the kiosk in general takes the first service's policy text: the
  // compensation policy is the governorate's, the same for every service in the catalog.
  const catalog::Service* policy_source =
      service ? service : (catalog.services.empty() ? nullptr : &catalog.services[0]);
  const catalog::Office* office = service ? catalog.office(service->office_id) : nullptr;
  receipts::FailureReceiptData data{
      .language = lang,
      .office_name = office ? office->name.in(lang) : config.terminal_id,
      .terminal_number = config.terminal_number,
      .service_number = receipt.service,
      .service_title = service ? service->title.in(lang) : "",
      .kind = receipt.kind,
      .details = std::string(receipt.details),
      .code = code.value(),
      .reported_unix = now_unix,
      .credit_policy = policy_source ? policy_source->credit_policy.in(lang) : ""};
  return print(receipts::failure_receipt(data), lang);
}

PrintOutcome ReceiptPrinting::print_counter_slip(const catalog::Catalog& catalog, Language lang,
                                                 int service_number, int64_t now_unix, const Config& config) {
  const catalog::Service* service = catalog.find(service_number);
  if (!service) return {false, "no such service"};
  auto code = barcode::format_service_slip(service->number);
  if (!code) return {false, code.error().message};
  const catalog::Office* office = catalog.office(service->office_id);
  receipts::CounterSlipData data{.language = lang,
                                 .office_name = office ? office->name.in(lang) : "",
                                 .terminal_number = config.terminal_number,
                                 .service_number = service->number,
                                 .service_title = service->title.in(lang),
                                 .documents = {},
                                 .code = code.value(),
                                 .printed_unix = now_unix};
  for (const catalog::RequiredDocument& doc : service->documents) {
    std::string line = doc.title.in(lang);
    if (doc.pages > 1)
      line += " (" + receipts::localized_digits(std::to_string(doc.pages), lang) + " " +
              strings::kPages.in(lang) + ")";
    if (!doc.mandatory) line += std::string(" — ") + strings::kOptional.in(lang);
    data.documents.push_back(std::move(line));
  }
  return print(receipts::counter_slip(data), lang);
}

void ReceiptPrinting::retry() {
  if (m_queue->pending() == 0) return;
  const PumpReport report = m_queue->pump();
  if (report.printed > 0) spdlog::info("reprinted {} queued receipt(s)", report.printed);
}

}  // namespace pk::kiosk
