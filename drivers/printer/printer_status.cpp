#include "drivers/printer/printer.h"

namespace pk {

std::string_view describe(PrinterStatus status, Language language) {
  const bool fa = language == Language::Persian;
  switch (status) {
    case PrinterStatus::Online:
      return fa ? "چاپگر آماده است." : "Printer ready.";
    case PrinterStatus::PaperNearEnd:
      return fa ? "کاغذ چاپگر رو به پایان است؛ رسید شما چاپ می‌شود."
                : "Paper roll nearly empty: replace it soon.";
    case PrinterStatus::PaperOut:
      return fa ? "کاغذ چاپگر تمام شده است. رسید شما نگه داشته شده و پس از گذاشتن کاغذ چاپ می‌شود؛ لطفاً به متصدی اطلاع دهید."
                : "Printer is out of paper. The receipt is kept and will print after a new roll is loaded.";
    case PrinterStatus::CoverOpen:
      return fa ? "درِ چاپگر باز است. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید."
                : "Printer cover is open. Close it; the receipt is kept and will print.";
    case PrinterStatus::Error:
      return fa ? "چاپگر دچار خطا شده است. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید."
                : "Printer reports an error (cutter jam or mechanism). Check it; the receipt is kept.";
    case PrinterStatus::Offline:
      return fa ? "چاپگر در دسترس نیست. رسید شما نگه داشته شده است؛ لطفاً به متصدی اطلاع دهید."
                : "Printer is offline or unplugged. Check cable and power; the receipt is kept.";
  }
  return fa ? "وضعیت چاپگر نامشخص است." : "Printer status unknown.";
}

std::string_view to_string(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::Online:
      return "online";
    case PrinterStatus::PaperOut:
      return "paper out";
    case PrinterStatus::PaperNearEnd:
      return "paper near end";
    case PrinterStatus::CoverOpen:
      return "cover open";
    case PrinterStatus::Error:
      return "error";
    case PrinterStatus::Offline:
      return "offline";
  }
  return "unknown";
}

}  // namespace pk
