#include "kiosk/device_set.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "drivers/cardreader/card_reader_registry.h"
#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/device_words.h"
#include "kiosk/technician/technician_desk.h"

namespace pk::kiosk {

using provisioning::DeviceRole;

namespace {

// What open() says of a device that is configured but could not be made or opened.
void said_missing(std::string_view what, const std::string& connection, const Error& error) {
  if (connection.empty())
    spdlog::warn("{}: {}", what, error.message);
  else
    spdlog::warn("{} {}: {}", what, connection, error.message);
}

}  // namespace

DeviceSet DeviceSet::open(const Config& config, ui::TextEngine& text) {
  DeviceSet set;
  auto opened = [&](DeviceRole role) -> std::string& { return set.m_opened[static_cast<size_t>(role)]; };

  if (config.scanner != DeviceBackend::None) {
    const std::string connection = scanner_connection(config);
    opened(DeviceRole::Scanner) = connection;
    auto made = scanner::create_scanner(scanner::make_scanner_registry(), connection);
    if (made) {
      set.m_scanner = std::move(made.value());
      if (auto ready = set.m_scanner->open(); !ready)
        said_missing("scanner", connection, ready.error());
      else if (connection == "sane:")  // the first SANE scanner: set-up lists it by name
        opened(DeviceRole::Scanner) = "sane:" + set.m_scanner->info().name;
      // The simulated scanner's glass holds a printed document, as a citizen would put there.
      // (At the counter the operator loads the feeder; the scripted journey does it there.)
      if (auto* sim = dynamic_cast<scanner::SimScanner*>(set.m_scanner.get());
          sim && config.mode == TerminalMode::Citizen)
        (void)sim->inject("LOAD 1 text");
    } else {
      said_missing("scanner", {}, made.error());
    }
  }

  if (config.printer != DeviceBackend::None) {
    const std::string connection = printer_connection(config, config.data_dir / "receipts");
    opened(DeviceRole::Printer) = connection;
    auto made = ReceiptPrinting::create(connection, text);
    if (made)
      set.m_printing = std::move(made.value());
    else
      said_missing("printer", {}, made.error());
  }

  if (config.card_reader != DeviceBackend::None) {
    const std::string connection = card_reader_connection(config);
    opened(DeviceRole::CardReader) = connection;
    auto made = cardreader::create_card_reader(cardreader::make_card_reader_registry(), connection);
    if (!made) {
      set.m_card_reader_problem = made.error().message;
    } else if (auto ready = (*made)->open(); !ready) {
      set.m_card_reader_problem = ready.error().message;
    } else {
      set.m_card_reader = std::move(made.value());
    }
    if (!set.m_card_reader_problem.empty())
      spdlog::warn("card reader {}: {}", connection, set.m_card_reader_problem);
  }

  if (config.barcode != DeviceBackend::None) {
    const std::string connection = barcode_connection(config);
    opened(DeviceRole::Barcode) = connection;
    auto made = barcode::make_barcode_scanner_registry().create(connection);
    if (!made) {
      said_missing("barcode scanner", {}, made.error());
    } else if (auto ready = (*made)->open(); !ready) {
      said_missing("barcode scanner", connection, ready.error());
    } else {
      set.m_barcode = std::move(made.value());
    }
  }
  return set;
}

Device* DeviceSet::lend(DeviceRole role, const std::string& connection) {
  if (connection.empty() || connection != this->connection(role)) return nullptr;
  switch (role) {
    case DeviceRole::Printer:
      return printer();
    case DeviceRole::Scanner:
      return m_scanner.get();
    case DeviceRole::CardReader:
      return m_card_reader.get();
    case DeviceRole::Barcode:
      return m_barcode.get();
  }
  return nullptr;
}

std::optional<std::string> DeviceSet::read_code() {
  if (!m_barcode) return std::nullopt;
  auto code = m_barcode->read_code(std::chrono::milliseconds(0));
  if (!code) {
    spdlog::warn("barcode scanner: {}", code.error().message);
    return std::nullopt;
  }
  return std::move(code.value());
}

bool DeviceSet::retry_receipts(double now, bool kiosk_idle) {
  if (!m_printing || !kiosk_idle || m_printing->pending() == 0 || now - m_last_print_retry <= 10)
    return false;
  m_last_print_retry = now;
  m_printing->retry();
  return true;
}

tech::DeskDevices DeviceSet::summary(const Config& config, Language lang) {
  tech::DeskDevices d;
  if (!m_printing) {
    d.printer =
        persian_or_english(lang) == Language::Persian ? "چاپگری تنظیم نشده است" : "no printer configured";
  } else if (auto status = m_printing->printer().status(); status) {
    d.printer = std::string(device_words(status.value(), lang));
    d.printer_ok = can_print(status.value());
  } else {
    d.printer = status.error().message;
  }
  if (!m_scanner) {
    d.scanner =
        persian_or_english(lang) == Language::Persian ? "اسکنری تنظیم نشده است" : "no scanner configured";
  } else {
    const scanner::ScannerStatus status = m_scanner->status();
    d.scanner = std::string(device_words(status, lang));
    d.scanner_ok = status == scanner::ScannerStatus::Ready;
    // Which scanner: a saved one that is missing is named, not replaced by another.
    if (!d.scanner_ok) d.scanner += " (" + connection(DeviceRole::Scanner) + ")";
  }
  if (config.card_reader != DeviceBackend::None) {
    const std::string& at = connection(DeviceRole::CardReader);
    if (!m_card_reader) {
      d.card_reader = m_card_reader_problem + " (" + at + ")";
    } else if (auto readers = m_card_reader->readers(); !readers) {
      d.card_reader = readers.error().message + " (" + at + ")";
    } else if (const std::string& pinned = m_card_reader->info().name;
               at.starts_with("pcsc:") && at.size() > 5 &&
               std::none_of(readers->begin(), readers->end(),
                            [&](const cardreader::ReaderStatus& r) { return r.name == pinned; })) {
      d.card_reader = std::string(device_words(cardreader::CardState::NoReader, lang)) + " (" + at + ")";
    } else {
      d.card_reader = std::string(device_words(m_card_reader->card_state(), lang));
      d.card_reader_ok = true;
    }
  }
  if (config.barcode != DeviceBackend::None) {
    const bool open = m_barcode && m_barcode->state().connection == Connection::Open;
    d.barcode = open ? (persian_or_english(lang) == Language::Persian ? "آماده" : "ready")
                     : (m_barcode ? m_barcode->state().last_error : std::string("-")) + " (" +
                           connection(DeviceRole::Barcode) + ")";
    d.barcode_ok = open;
  }
  return d;
}

}  // namespace pk::kiosk
