#include "kiosk/device_words.h"

#include "kiosk/strings.h"

namespace pk::kiosk {
namespace {

// The printer's states. A receipt that did not print is kept and printed later: the words
// say so, so that nobody leaves without a code they cannot find again.
constexpr Text kPrinterReady{"device_printer_ready", "چاپگر آماده است.", "Printer ready."};
constexpr Text kPrinterPaperNearEnd{
    "device_printer_paper_near_end",
    "کاغذ چاپگر رو به پایان است؛ رسید شما چاپ می‌شود.",
    "Paper roll nearly empty: replace it soon."};
constexpr Text kPrinterPaperOut{
    "device_printer_paper_out",
    "کاغذ چاپگر تمام شده است. رسید شما نگه داشته شده و پس از گذاشتن کاغذ چاپ می‌شود؛ لطفاً به متصدی اطلاع دهید.",
    "Printer is out of paper. The receipt is kept and will print after a new roll is loaded."};
constexpr Text kPrinterCoverOpen{"device_printer_cover_open",
                                 "درِ چاپگر باز است. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید.",
                                 "Printer cover is open. Close it; the receipt is kept and will print."};
constexpr Text kPrinterError{
    "device_printer_error", "چاپگر دچار خطا شده است. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید.",
    "Printer reports an error (cutter jam or mechanism). Check it; the receipt is kept."};
constexpr Text kPrinterOffline{
    "device_printer_offline", "چاپگر در دسترس نیست. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید.",
    "Printer is offline or unplugged. Check cable and power; the receipt is kept."};
constexpr Text kPrinterUnknown{"device_printer_unknown", "وضعیت چاپگر نامشخص است.",
                               "Printer status unknown."};

constexpr Text kScannerReady{"device_scanner_ready", "اسکنر آماده است.", "Scanner ready."};
constexpr Text kScannerNoDocuments{
    "device_scanner_no_documents",
    "کاغذی در اسکنر نیست. لطفاً برگه‌ها را در سینی بگذارید.",
    "No paper in the feeder: load the pages and scan again."};
constexpr Text kScannerJammed{
    "device_scanner_jammed",
    "کاغذ در اسکنر گیر کرده است. برگه‌های اسکن‌شده نگه داشته شده‌اند؛ لطفاً به متصدی اطلاع دهید.",
    "Paper jam: open the feeder, remove the sheet and rescan from it. Pages already scanned are kept."};
constexpr Text kScannerCoverOpen{"device_scanner_cover_open", "درِ اسکنر باز است. لطفاً آن را ببندید.",
                                 "Scanner cover is open: close it and scan again."};
constexpr Text kScannerBusy{"device_scanner_busy", "اسکنر مشغول است. لطفاً چند لحظه صبر کنید.",
                            "Scanner is busy (another program or scan): wait a moment and try again."};
constexpr Text kScannerUnplugged{"device_scanner_unplugged", "اسکنر در دسترس نیست؛ لطفاً به متصدی اطلاع دهید.",
                                 "Scanner not reachable: check its cable and power, then reopen it."};
constexpr Text kScannerError{
    "device_scanner_error",
    "اسکنر با خطا روبه‌رو شد؛ لطفاً به متصدی اطلاع دهید.",
    "Scanner error: see the technician log for details."};

constexpr const Text& text_of(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::Online:
      return kPrinterReady;
    case PrinterStatus::PaperNearEnd:
      return kPrinterPaperNearEnd;
    case PrinterStatus::PaperOut:
      return kPrinterPaperOut;
    case PrinterStatus::CoverOpen:
      return kPrinterCoverOpen;
    case PrinterStatus::Error:
      return kPrinterError;
    case PrinterStatus::Offline:
      return kPrinterOffline;
  }
  return kPrinterUnknown;
}

constexpr const Text& text_of(scanner::ScannerStatus status) {
  switch (status) {
    case scanner::ScannerStatus::Ready:
      return kScannerReady;
    case scanner::ScannerStatus::NoDocuments:
      return kScannerNoDocuments;
    case scanner::ScannerStatus::Jammed:
      return kScannerJammed;
    case scanner::ScannerStatus::CoverOpen:
      return kScannerCoverOpen;
    case scanner::ScannerStatus::Busy:
      return kScannerBusy;
    case scanner::ScannerStatus::Unplugged:
      return kScannerUnplugged;
    case scanner::ScannerStatus::Error:
      break;
  }
  return kScannerError;
}

}  // namespace

std::string_view device_words(PrinterStatus status, Language language) {
  return text_of(status).in(language);
}

std::string_view device_words(scanner::ScannerStatus status, Language language) {
  return text_of(status).in(language);
}

}  // namespace pk::kiosk
