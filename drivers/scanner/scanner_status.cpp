#include "drivers/scanner/scanner.h"

namespace pk::scanner {

std::string_view describe(ScannerStatus status) {
  switch (status) {
    case ScannerStatus::Ready:
      return "Scanner ready.";
    case ScannerStatus::NoDocuments:
      return "No paper in the feeder: load the pages and scan again.";
    case ScannerStatus::Jammed:
      return "Paper jam: open the feeder, remove the sheet and rescan from it. Pages already scanned "
             "are kept.";
    case ScannerStatus::CoverOpen:
      return "Scanner cover is open: close it and scan again.";
    case ScannerStatus::Busy:
      return "Scanner is busy (another program or scan): wait a moment and try again.";
    case ScannerStatus::Unplugged:
      return "Scanner not reachable: check its cable and power, then reopen it.";
    case ScannerStatus::Error:
      return "Scanner error: see the technician log for details.";
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
