#include "drivers/printer/printer.h"

namespace pk {

std::string_view describe(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::Online:
      return "Printer ready.";
    case PrinterStatus::PaperNearEnd:
      return "Paper roll nearly empty: replace it soon.";
    case PrinterStatus::PaperOut:
      return "Printer is out of paper. The receipt is kept and will print after a new roll is loaded.";
    case PrinterStatus::CoverOpen:
      return "Printer cover is open. Close it; the receipt is kept and will print.";
    case PrinterStatus::Error:
      return "Printer reports an error (cutter jam or mechanism). Check it; the receipt is kept.";
    case PrinterStatus::Offline:
      return "Printer is offline or unplugged. Check cable and power; the receipt is kept.";
  }
  return "Printer status unknown.";
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
