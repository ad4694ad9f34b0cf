#pragma once
// The kiosk's four devices (receipt printer, document scanner, card reader, barcode scanner),
// opened from the configuration in one place. Each is the one device set-up saved, and no other:
// a saved device that is missing stays missing (said in the log and on the technician's device
// lines) rather than the kiosk quietly using another. The set owns the devices; the App, the
// operator's desk and the idle probes borrow them, and a technician's self-test borrows the one
// the kiosk holds (a second handle on it would be refused as busy).
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "domain/language.h"
#include "drivers/barcode/barcode_scanner.h"
#include "drivers/cardreader/card_reader.h"
#include "drivers/device.h"
#include "drivers/printer/printer.h"
#include "drivers/scanner/scanner.h"
#include "kiosk/config.h"
#include "kiosk/receipt_printing.h"
#include "provisioning/device_setup.h"

namespace pk::ui {
class TextEngine;
}

namespace pk::kiosk {

namespace tech {
struct DeskDevices;
}

class DeviceSet {
 public:
  // Opens every device the configuration names. One that cannot be made or opened is said in
  // the log and left missing (its accessor returns null); the kiosk runs without it. The text
  // engine renders the receipts and must outlive the set.
  static DeviceSet open(const Config& config, ui::TextEngine& text);

  DeviceSet() = default;
  DeviceSet(DeviceSet&&) noexcept = default;
  DeviceSet& operator=(DeviceSet&&) noexcept = default;

  // Null when none is configured or it could not be made.
  [[nodiscard]] scanner::ScannerDriver* scanner() { return m_scanner.get(); }
  [[nodiscard]] ReceiptPrinting* printing() { return m_printing.get(); }
  [[nodiscard]] PrinterDriver* printer() { return m_printing ? &m_printing->printer() : nullptr; }
  [[nodiscard]] cardreader::CardReaderDriver* card_reader() { return m_card_reader.get(); }
  [[nodiscard]] barcode::BarcodeScannerDriver* barcode() { return m_barcode.get(); }

  // A code the barcode scanner has read, without waiting; nothing when there is none, or none was
  // read, or the read failed (said in the log).
  [[nodiscard]] std::optional<std::string> read_code();

  // The connection opened for a role: "" when none is configured.
  [[nodiscard]] const std::string& connection(provisioning::DeviceRole role) const {
    return m_opened[static_cast<size_t>(role)];
  }
  // The device the kiosk holds on exactly this connection, for a technician's self-test; null
  // when it holds none there (the test then opens the device itself).
  [[nodiscard]] Device* lend(provisioning::DeviceRole role, const std::string& connection);

  // Uses another scanner from now on (the caller checks that no batch is using the old one).
  void replace_scanner(std::unique_ptr<scanner::ScannerDriver> scanner) { m_scanner = std::move(scanner); }
  // Closes the printer for good (a factory reset wipes the folder a simulated one writes to).
  void close_printer() { m_printing.reset(); }

  // Receipts that did not print are tried again, at most every 10 seconds of `now`, while the
  // caller says nobody is using the kiosk or the printer. Returns true when it tried.
  bool retry_receipts(double now, bool kiosk_idle);

  // One line per device for the technician's screen and the outage detector at start.
  [[nodiscard]] tech::DeskDevices summary(const Config& config, Language language);

 private:
  std::unique_ptr<scanner::ScannerDriver> m_scanner;
  std::unique_ptr<cardreader::CardReaderDriver> m_card_reader;
  std::unique_ptr<barcode::BarcodeScannerDriver> m_barcode;
  std::unique_ptr<ReceiptPrinting> m_printing;
  std::array<std::string, 4> m_opened;  // the connection opened per provisioning::DeviceRole
  std::string m_card_reader_problem;    // why m_card_reader is null though one is configured
  double m_last_print_retry = 0;
};

}  // namespace pk::kiosk
