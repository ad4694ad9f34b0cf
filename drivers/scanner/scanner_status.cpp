#include "drivers/scanner/scanner.h"

namespace pk::scanner {

std::string_view describe(ScannerStatus status, Language language) {
  const bool fa = language == Language::Persian;
  switch (status) {
    case ScannerStatus::Ready:
      return fa ? "اسکنر آماده است." : "Scanner ready.";
    case ScannerStatus::NoDocuments:
      return fa ? "کاغذی در اسکنر نیست. لطفاً برگه‌ها را در سینی بگذارید."
                : "No paper in the feeder: load the pages and scan again.";
    case ScannerStatus::Jammed:
      return fa ? "کاغذ در اسکنر گیر کرده است. برگه‌های اسکن‌شده نگه داشته شده‌اند؛ لطفاً به متصدی اطلاع دهید."
                : "Paper jam: open the feeder, remove the sheet and rescan from it. Pages already scanned "
                  "are kept.";
    case ScannerStatus::CoverOpen:
      return fa ? "درِ اسکنر باز است. لطفاً آن را ببندید." : "Scanner cover is open: close it and scan again.";
    case ScannerStatus::Busy:
      return fa ? "اسکنر مشغول است. لطفاً چند لحظه صبر کنید."
                : "Scanner is busy (another program or scan): wait a moment and try again.";
    case ScannerStatus::Unplugged:
      return fa ? "اسکنر در دسترس نیست؛ لطفاً به متصدی اطلاع دهید."
                : "Scanner not reachable: check its cable and power, then reopen it.";
    case ScannerStatus::Error:
      return fa ? "اسکنر با خطا روبه‌رو شد؛ لطفاً به متصدی اطلاع دهید."
                : "Scanner error: see the technician log for details.";
  }
  return "?";
}

std::string_view to_string(ScannerStatus status) {
  switch (status) {
    case ScannerStatus::Ready:
      return "ready";
    case ScannerStatus::NoDocuments:
      return "no-documents";
    case ScannerStatus::Jammed:
      return "jammed";
    case ScannerStatus::CoverOpen:
      return "cover-open";
    case ScannerStatus::Busy:
      return "busy";
    case ScannerStatus::Unplugged:
      return "unplugged";
    case ScannerStatus::Error:
      return "error";
  }
  return "?";
}

}  // namespace pk::scanner
