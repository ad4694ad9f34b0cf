// The self-test of each device role: open the device, make it do its job once (a test receipt,
// a page, a card's ATR, a scanned code) and report what it did or the problem it met.
#include "provisioning/device_setup.h"

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "drivers/cardreader/bytes.h"
#include "drivers/cardreader/card_reader_registry.h"
#include "drivers/cardreader/sim_card_reader.h"
#include "drivers/printer/printer_registry.h"
#include "drivers/printer/sim_printer.h"
#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "receipts/receipt_print_job.h"
#include "receipts/test_receipt.h"

namespace pk::provisioning {

namespace {

SelfTestResult failed(DeviceRole role, std::string connection, std::string message, ProblemKind kind) {
  SelfTestResult r{role, std::move(connection), TestOutcome::Failed, {}, {}};
  r.problem = Problem{kind, message};
  r.summary = std::move(message);
  return r;
}

SelfTestResult failed(DeviceRole role, std::string connection, const Error& error) {
  return failed(role, std::move(connection), error.message, problem_of(error));
}

SelfTestResult passed(DeviceRole role, std::string connection, std::string summary) {
  return SelfTestResult{role, std::move(connection), TestOutcome::Passed, std::move(summary), std::nullopt};
}

ProblemKind printer_problem(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::PaperOut:
      return ProblemKind::NoMedia;
    case PrinterStatus::Offline:
      return ProblemKind::Unplugged;
    default:
      return ProblemKind::DeviceFault;
  }
}

Features printer_features(std::string_view backend) {
  const PrinterRegistry registry = make_printer_registry();
  for (const auto& entry : registry.drivers())
    if (entry.metadata->id == backend) return entry.metadata->features;
  return {};
}

}  // namespace

SelfTestResult test_printer(PrinterDriver& printer, const SelfTestOptions& options) {
  const std::string connection = printer.info().connection;
  if (!options.renderer)
    return failed(DeviceRole::Printer, connection, "no receipt renderer", ProblemKind::Other);
  if (auto opened = printer.open(); !opened) return failed(DeviceRole::Printer, connection, opened.error());
  auto before = printer.status();
  if (!before) return failed(DeviceRole::Printer, connection, before.error());
  if (!can_print(before.value()))
    return failed(DeviceRole::Printer, connection, std::string(describe(before.value())),
                  printer_problem(before.value()));
  receipts::TestReceiptData data{
      options.language,    options.terminal_id, options.terminal_number,
      printer.info().name, options.now_unix,    receipts::sample_tracking_digits(options.terminal_number)};
  auto receipt = receipts::test_receipt(data);
  if (!receipt) return failed(DeviceRole::Printer, connection, receipt.error().message, ProblemKind::Other);
  receipts::RenderOptions render;
  render.width_dots = printer.paper_width_dots();
  auto rendered = options.renderer->render(*receipt, render);
  if (!rendered) return failed(DeviceRole::Printer, connection, rendered.error().message, ProblemKind::Other);
  if (auto printed = printer.print(
          receipts::build_print_job(*rendered, printer_features(printer.info().backend)), Cut::Partial);
      !printed)
    return failed(DeviceRole::Printer, connection, printed.error());
  // print() succeeding means the bytes were accepted; the status after says the paper came out.
  auto after = printer.status();
  if (!after) return failed(DeviceRole::Printer, connection, after.error());
  if (!can_print(after.value()))
    return failed(DeviceRole::Printer, connection, std::string(describe(after.value())),
                  printer_problem(after.value()));
  return passed(DeviceRole::Printer, connection,
                "test receipt printed (" + std::to_string(render.width_dots) + " dots wide), printer " +
                    std::string(to_string(after.value())));
}

SelfTestResult test_scanner(scanner::ScannerDriver& scanner) {
  const std::string connection = scanner.info().connection;
  if (auto opened = scanner.open(); !opened) return failed(DeviceRole::Scanner, connection, opened.error());
  scanner::ScanSettings settings;
  settings.source = scanner::Source::Flatbed;
  settings.mode = scanner::ColorMode::Gray;
  settings.dpi = 200;
  if (auto started = scanner.start(settings); !started)
    return failed(DeviceRole::Scanner, connection, started.error());
  auto page = scanner.next_page();
  scanner.cancel();
  if (!page) return failed(DeviceRole::Scanner, connection, page.error());
  if (!page.value())
    return failed(DeviceRole::Scanner, connection, "no documents: nothing was scanned", ProblemKind::NoMedia);
  const imaging::Page& p = *page.value();
  if (p.width <= 0 || p.height <= 0 || p.pixels.size() != p.expected_size())
    return failed(DeviceRole::Scanner, connection, "the scanner delivered a malformed page",
                  ProblemKind::DeviceFault);
  return passed(DeviceRole::Scanner, connection,
                "page " + std::to_string(p.width) + " x " + std::to_string(p.height) + " px at " +
                    std::to_string(p.dpi) + " dpi");
}

SelfTestResult test_card_reader(cardreader::CardReaderDriver& reader, std::string_view reader_name) {
  const std::string connection = reader.info().connection;
  if (auto opened = reader.open(); !opened) return failed(DeviceRole::CardReader, connection, opened.error());
  auto readers = reader.readers();
  if (!readers) return failed(DeviceRole::CardReader, connection, readers.error());
  if (readers->empty())
    return failed(DeviceRole::CardReader, connection, "no reader attached", ProblemKind::Unplugged);
  auto atr = reader.connect(reader_name);
  if (!atr) {
    const cardreader::CardState state = reader.card_state();
    const ProblemKind kind =
        state == cardreader::CardState::NoCard       ? ProblemKind::NoMedia
        : state == cardreader::CardState::ReaderBusy ? ProblemKind::Busy
        : state == cardreader::CardState::NoReader || state == cardreader::CardState::Unplugged
            ? ProblemKind::Unplugged
            : problem_of(atr.error());
    return failed(DeviceRole::CardReader, connection, atr.error().message, kind);
  }
  reader.disconnect();
  std::string hex = cardreader::to_hex(atr.value());
  std::string spaced;
  for (size_t i = 0; i < hex.size(); i += 2) spaced += (i ? " " : "") + hex.substr(i, 2);
  return passed(DeviceRole::CardReader, connection, "ATR " + spaced);
}

SelfTestResult test_barcode(barcode::BarcodeScannerDriver& scanner, std::chrono::milliseconds wait,
                            std::string_view expected) {
  const std::string connection = scanner.info().connection;
  if (auto opened = scanner.open(); !opened) return failed(DeviceRole::Barcode, connection, opened.error());
  auto code = scanner.read_code(wait);
  scanner.close();
  if (!code) return failed(DeviceRole::Barcode, connection, code.error());
  if (!code.value())
    return failed(DeviceRole::Barcode, connection,
                  "no code was read in " + std::to_string(wait.count() / 1000) + " s", ProblemKind::NoMedia);
  // Another code is still a working scanner; the test receipt's code says it reads ours.
  const std::string& read = *code.value();
  return passed(DeviceRole::Barcode, connection,
                "read \"" + read + "\"" + (read == expected ? " (the test receipt's code)" : ""));
}

SelfTestResult self_test(DeviceRole role, Device& held, const SelfTestOptions& options) {
  const std::string connection = held.info().connection;
  switch (role) {
    case DeviceRole::Printer:
      if (auto* printer = dynamic_cast<PrinterDriver*>(&held)) return test_printer(*printer, options);
      break;
    case DeviceRole::Scanner:
      if (auto* scanner = dynamic_cast<scanner::ScannerDriver*>(&held)) {
        // The simulated scanner's glass is empty until something is put there.
        if (auto* sim = dynamic_cast<scanner::SimScanner*>(scanner)) (void)sim->inject("LOAD 1 text");
        return test_scanner(*scanner);
      }
      break;
    case DeviceRole::CardReader:
      if (auto* reader = dynamic_cast<cardreader::CardReaderDriver*>(&held)) {
        const std::string_view name =
            connection.starts_with("pcsc:") ? std::string_view(connection).substr(5) : std::string_view{};
        return test_card_reader(*reader, name);
      }
      break;
    case DeviceRole::Barcode:
      if (auto* scanner = dynamic_cast<barcode::BarcodeScannerDriver*>(&held)) {
        const bool was_open = scanner->state().connection == Connection::Open;
        const std::string expected = receipts::sample_tracking_digits(options.terminal_number);
        // The simulated scanner is shown the test receipt's barcode.
        if (auto* sim = dynamic_cast<barcode::SimBarcodeScanner*>(scanner))
          (void)sim->inject("SCAN " + expected);
        SelfTestResult result = test_barcode(*scanner, options.barcode_wait, expected);
        if (was_open) (void)scanner->open();  // test_barcode closes it; the kiosk reads codes from it
        return result;
      }
      break;
  }
  return failed(role, connection, "not a " + std::string(to_string(role)), ProblemKind::Other);
}

SelfTestResult self_test(DeviceRole role, const std::string& connection, const SelfTestOptions& options) {
  if (connection.empty()) return failed(role, connection, "no device chosen", ProblemKind::Unplugged);
  auto result = [&](auto made) {
    if (!made) return failed(role, connection, made.error().message, ProblemKind::MissingBackend);
    SelfTestResult r = self_test(role, **made, options);
    r.connection = connection;  // as chosen ("sim:" rather than the twin's "sim:seed=7")
    return r;
  };
  switch (role) {
    case DeviceRole::Printer:
      return result(make_printer_registry().create(connection));
    case DeviceRole::Scanner:
      return result(scanner::make_scanner_registry().create(connection));
    case DeviceRole::CardReader:
      return result(cardreader::make_card_reader_registry().create(connection));
    case DeviceRole::Barcode:
      return result(barcode::make_barcode_scanner_registry().create(connection));
  }
  return failed(role, connection, "unknown role", ProblemKind::Other);
}

}  // namespace pk::provisioning
