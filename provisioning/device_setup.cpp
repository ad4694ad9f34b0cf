#include "provisioning/device_setup.h"

#include <algorithm>
#include <cctype>

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "drivers/cardreader/bytes.h"
#include "drivers/cardreader/card_reader_registry.h"
#include "drivers/cardreader/pcsc_reader.h"
#include "drivers/cardreader/sim_card_reader.h"
#include "drivers/printer/printer_registry.h"
#include "drivers/printer/sim_printer.h"
#include "drivers/printer/usb_printer.h"
#include "drivers/scanner/sane_runtime.h"
#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "receipts/receipt_print_job.h"
#include "receipts/test_receipt.h"

namespace pk::provisioning {

std::string_view to_string(DeviceRole role) {
  switch (role) {
    case DeviceRole::Printer:
      return "printer";
    case DeviceRole::Scanner:
      return "scanner";
    case DeviceRole::CardReader:
      return "card_reader";
    case DeviceRole::Barcode:
      return "barcode";
  }
  return "?";
}

std::string_view role_name(DeviceRole role, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  switch (role) {
    case DeviceRole::Printer:
      return fa ? "چاپگر رسید" : "Receipt printer";
    case DeviceRole::Scanner:
      return fa ? "اسکنر مدارک" : "Document scanner";
    case DeviceRole::CardReader:
      return fa ? "کارت‌خوان" : "Card reader";
    case DeviceRole::Barcode:
      return fa ? "بارکدخوان" : "Barcode scanner";
  }
  return "?";
}

std::string_view to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::PermissionDenied:
      return "permission-denied";
    case ProblemKind::Busy:
      return "busy";
    case ProblemKind::MissingBackend:
      return "missing-backend";
    case ProblemKind::Unplugged:
      return "unplugged";
    case ProblemKind::NoMedia:
      return "no-media";
    case ProblemKind::DeviceFault:
      return "device-fault";
    case ProblemKind::Other:
      return "other";
  }
  return "?";
}

ProblemKind problem_of(const Error& error) {
  switch (error.kind) {
    case ErrorKind::PermissionDenied:
      return ProblemKind::PermissionDenied;
    case ErrorKind::Busy:
      return ProblemKind::Busy;
    case ErrorKind::Unavailable:
      return ProblemKind::MissingBackend;
    case ErrorKind::NotFound:
      return ProblemKind::Unplugged;
    case ErrorKind::NoMedia:
      return ProblemKind::NoMedia;
    case ErrorKind::DeviceFault:
      return ProblemKind::DeviceFault;
    case ErrorKind::Unspecified:  // no driver said more: the technician reads the detail
    case ErrorKind::Refused:
    case ErrorKind::Timeout:
    case ErrorKind::Malformed:
    case ErrorKind::Io:
      break;
  }
  return ProblemKind::Other;
}

std::string_view device_group(DeviceRole role) {
  switch (role) {
    case DeviceRole::Printer:
      return "lp";
    case DeviceRole::Scanner:
      return "scanner";
    case DeviceRole::Barcode:
      return "input";
    case DeviceRole::CardReader:
      break;  // pcscd opens the readers; its polkit policy admits the kiosk's local session
  }
  return "plugdev";
}

std::string explain(const Problem& problem, DeviceRole role, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  std::string device(role_name(role, language));
  if (!fa && !device.empty())
    device[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(device[0])));
  std::string what;
  switch (problem.kind) {
    case ProblemKind::PermissionDenied:
      what =
          fa ? "برنامه اجازه باز کردن " + device + " را ندارد. قاعده udev در " + std::string(kUdevRuleFile) +
                   " باید نصب باشد و کاربر کیوسک عضو گروه «" + std::string(device_group(role)) +
                   "» باشد؛ سپس دستگاه را جدا و دوباره وصل کنید (یا udevadm trigger)."
             : "The kiosk may not open the " + device + ". Install the udev rule " +
                   std::string(kUdevRuleFile) + ", make sure the kiosk user is in the group \"" +
                   std::string(device_group(role)) + "\", then replug the device (or run udevadm trigger).";
      break;
    case ProblemKind::Busy:
      what =
          fa ? device +
                   " در دست برنامهٔ دیگری است. برنامه‌های دیگر (مثلاً CUPS یا ippusbxd برای چاپگر، "
                   "scanbd برای اسکنر) را ببندید و دوباره آزمایش کنید."
             : "Another program holds the " + device +
                   ". Stop it (CUPS or ippusbxd for a printer, scanbd for a scanner) and test again.";
      break;
    case ProblemKind::MissingBackend: {
      const bool reader = role == DeviceRole::CardReader;
      const bool scanner = role == DeviceRole::Scanner;
      what =
          fa ? "نرم‌افزار راه‌انداز " + device + " در دسترس نیست. " +
                   (reader ? std::string("سرویس pcscd را روشن کنید (systemctl start pcscd).")
                    : scanner ? std::string(
                                    "بستهٔ راه‌انداز SANE سازنده را نصب کنید.")
                              : std::string("نشانی اتصال را بررسی کنید."))
             : "The " + device + "'s driver or service is missing. " +
                   (reader    ? std::string("Start pcscd (systemctl start pcscd).")
                    : scanner ? std::string("Install the maker's SANE backend package.")
                              : std::string("Check the connection string."));
      break;
    }
    case ProblemKind::Unplugged:
      what =
          fa ? device +
                   " پیدا نشد. کابل و برق آن را بررسی کنید، آن را به درگاه USB دیگری وصل کنید و فهرست را تازه کنید."
             : "The " + device +
                   " was not found. Check its cable and power, try another USB port, and refresh the list.";
      break;
    case ProblemKind::NoMedia:
      what =
          fa ? device +
                   " پاسخ می‌دهد ولی چیزی برای آزمایش نبود: کاغذ، کارت یا بارکد را بگذارید و دوباره آزمایش کنید."
             : "The " + device +
                   " answers but had nothing to work on: load paper, put a card on it or scan a code, and "
                   "test again.";
      break;
    case ProblemKind::DeviceFault:
      what =
          fa ? device +
                   " خطا گزارش می‌کند (گیر کاغذ، درِ باز، خرابی). آن را بررسی و دوباره آزمایش کنید."
             : "The " + device +
                   " reports a fault (a jam, an open cover, an error). Check it and test again.";
      break;
    case ProblemKind::Other:
      what =
          fa ? "آزمایش " + device +
                   " انجام نشد. پیام دستگاه را در بستهٔ عیب‌یابی برای پشتیبانی بفرستید."
             : "The " + device + " test failed. Send the diagnostics bundle with this message to support.";
      break;
  }
  if (problem.detail.empty()) return what;
  // The driver's words are English: in a Persian sentence they are an isolate (LRI..PDI), or
  // the bidi algorithm mirrors their brackets and moves their colon and full stop.
  return fa ? what + " (\u2066" + problem.detail + "\u2069)" : what + " (" + problem.detail + ")";
}

std::vector<RoleDevices> discover_devices(const DiscoveryOptions& options) {
  std::vector<RoleDevices> roles;
  for (DeviceRole role : kDeviceRoles) roles.push_back(RoleDevices{role, {}, {}});
  auto add = [&](DeviceRole role, DeviceInfo info) {
    roles[static_cast<size_t>(role)].devices.push_back(info);
  };
  auto problem = [&](DeviceRole role, const Error& error) {
    roles[static_cast<size_t>(role)].problems.push_back(Problem{problem_of(error), error.message});
  };
  auto add_all = [&](DeviceRole role, Result<std::vector<DeviceInfo>> found) {
    if (!found) return problem(role, found.error());
    for (DeviceInfo& info : found.value()) add(role, std::move(info));
  };

  add(DeviceRole::Printer,
      {"sim", "Simulated receipt printer", "PK-SIM-80", "sim:" + options.sim_printer_dir.string()});
  add(DeviceRole::Scanner, {"sim", "Simulated document scanner", "PK-SIM-ADF", "sim:"});
  add(DeviceRole::CardReader,
      {"sim", "Simulated card reader (ICAO test passport)", "PK-SIM-PCSC", "sim:passport"});
  add(DeviceRole::Barcode, {"sim", "Simulated barcode scanner", "PK-SIM-HID", "sim:"});
  for (const std::string& known : options.known_connections)
    if (known.starts_with("tcp:"))
      add(DeviceRole::Printer, {"tcp", "Network printer " + known.substr(4), "", known});
  if (!options.real_backends) return roles;

  add_all(DeviceRole::Printer, UsbPrinter::discover());
  add_all(DeviceRole::Scanner, scanner::discover_sane_devices());
  {
    auto reader = cardreader::PcscReader::create("pcsc:");
    if (auto opened = (*reader)->open(); !opened) {
      problem(DeviceRole::CardReader, opened.error());
    } else if (auto names = (*reader)->readers(); !names) {
      problem(DeviceRole::CardReader, names.error());
    } else {
      for (const cardreader::ReaderStatus& r : names.value())
        add(DeviceRole::CardReader, {"pcsc", r.name, "", "pcsc:" + r.name});
    }
  }
  add_all(DeviceRole::Barcode, barcode::EvdevScanner::discover(options.evdev_dir));
  return roles;
}

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

Result<std::vector<Setting>> device_settings(const DeviceChoice& choice) {
  std::vector<Setting> out;
  struct Scheme {
    std::string_view prefix;
    std::string_view backend;
    bool keep_connection;
  };
  struct RoleKeys {
    DeviceRole role;
    std::string_view backend_key;
    std::string_view connection_key;
    std::vector<Scheme> schemes;
  };
  const RoleKeys table[] = {
      {DeviceRole::Printer,
       "printer",
       "printer_connection",
       {{"sim:", "simulated", false}, {"usb", "usb", true}, {"tcp:", "network", true}}},
      {DeviceRole::Scanner,
       "scanner",
       "scanner_connection",
       {{"sim:", "simulated", false}, {"sane:", "sane", true}}},
      {DeviceRole::CardReader,
       "card_reader",
       "card_reader_connection",
       {{"sim:", "simulated", false}, {"pcsc:", "pcsc", true}}},
      {DeviceRole::Barcode,
       "barcode",
       "barcode_connection",
       {{"sim:", "simulated", false}, {"evdev:", "usb", true}}},
  };
  for (const RoleKeys& keys : table) {
    const std::string& connection = choice[keys.role];
    if (connection.empty()) {
      out.emplace_back(keys.backend_key, "none");
      out.emplace_back(keys.connection_key, "");
      continue;
    }
    const Scheme* match = nullptr;
    for (const Scheme& s : keys.schemes)
      if (connection.starts_with(s.prefix)) match = &s;
    if (!match)
      return make_error("\"" + connection + "\" is not a " + std::string(to_string(keys.role)) +
                        " connection");
    out.emplace_back(keys.backend_key, match->backend);
    // The simulated devices' places are the kiosk's own (receipts under data_dir).
    out.emplace_back(keys.connection_key, match->keep_connection ? connection : "");
  }
  return out;
}

Result<EditedText> save_device_choice(const std::filesystem::path& config_file, const DeviceChoice& choice) {
  auto settings = device_settings(choice);
  if (!settings) return settings.error();
  return write_table_strings(config_file, "devices", *settings);
}

}  // namespace pk::provisioning
