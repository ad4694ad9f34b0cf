#pragma once
// The kiosk's receipts: the tracking-code receipt after an application, the failure receipt
// after a failure report. Rendered with the kiosk's own Persian text engine, sent through a
// print queue that keeps a job until the printer confirms it, so a receipt that failed
// (paper out, unplugged) prints later, when the printer is back.
#include <memory>
#include <string>
#include <string_view>

#include "domain/catalog.h"
#include "domain/identity.h"
#include "domain/result.h"
#include "drivers/printer/print_queue.h"
#include "drivers/printer/printer.h"
#include "kiosk/config.h"
#include "receipts/receipt_render.h"
#include "receipts/templates.h"

namespace pk::kiosk {

// What a receipt says besides its code and the terminal. Of the person, an application's receipt
// names only the kind of identity document (never its number); a failure receipt repeats the
// words they wrote, for them to keep. The kiosk's citizen and the counter's operator both know it.
struct ApplicationReceipt {
  Language language = Language::Persian;
  int service = 0;
  identity::IdKind id_kind = identity::IdKind::NationalCode;
};
struct FailureReceipt {
  Language language = Language::Persian;
  int service = 0;  // 0: the kiosk in general
  receipts::FailureKind kind = receipts::FailureKind::Other;
  std::string_view details;  // the person's own words, printed for them (a view: no copy to wipe)
};

struct PrintOutcome {
  bool printed = false;
  std::string problem;  // for the citizen, in their language, when not printed
};

class ReceiptPrinting {
 public:
  // connection: a printer connection string ("sim:DIR", "tcp:HOST:PORT", "usb[:VID:PID]").
  static Result<std::unique_ptr<ReceiptPrinting>> create(const std::string& connection, ui::TextEngine& text);

  PrintOutcome print_application(const catalog::Catalog& catalog, const ApplicationReceipt& receipt,
                                 const std::string& tracking_digits, int64_t now_unix, const Config& config);
  PrintOutcome print_failure_report(const catalog::Catalog& catalog, const FailureReceipt& receipt,
                                    const std::string& tracking_digits, int64_t now_unix,
                                    const Config& config);
  // The slip for a counter-only service: its documents and the code the counter's barcode
  // scanner reads to open the application with the service chosen.
  PrintOutcome print_counter_slip(const catalog::Catalog& catalog, Language language, int service,
                                  int64_t now_unix, const Config& config);
  // Tries the queued receipts again (called when the kiosk is idle).
  void retry();
  [[nodiscard]] size_t pending() const { return m_queue->pending(); }
  [[nodiscard]] PrinterDriver& printer() { return *m_printer; }

 private:
  ReceiptPrinting() = default;
  PrintOutcome print(const Result<receipts::Receipt>& receipt, Language language);

  std::unique_ptr<PrinterDriver> m_printer;
  Features m_features;
  std::unique_ptr<PrintQueue> m_queue;
  std::unique_ptr<receipts::ReceiptRenderer> m_renderer;
};

// The connection string for the configured backend: simulated printers write their
// receipts (byte stream and PNG) to <receipts_dir>.
[[nodiscard]] std::string printer_connection(const Config& config, const std::filesystem::path& receipts_dir);

}  // namespace pk::kiosk
