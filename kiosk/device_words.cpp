#include "kiosk/device_words.h"

#include "kiosk/strings.h"

namespace pk::kiosk {
namespace {

constexpr const Text& text_of(PrinterStatus status) {
  switch (status) {
    case PrinterStatus::Online:
      return strings::kPrinterReady;
    case PrinterStatus::PaperNearEnd:
      return strings::kPrinterPaperNearEnd;
    case PrinterStatus::PaperOut:
      return strings::kPrinterPaperOut;
    case PrinterStatus::CoverOpen:
      return strings::kPrinterCoverOpen;
    case PrinterStatus::Error:
      return strings::kPrinterError;
    case PrinterStatus::Offline:
      return strings::kPrinterOffline;
  }
  return strings::kPrinterUnknown;
}

constexpr const Text& text_of(scanner::ScannerStatus status) {
  switch (status) {
    case scanner::ScannerStatus::Ready:
      return strings::kScannerReady;
    case scanner::ScannerStatus::NoDocuments:
      return strings::kScannerNoDocuments;
    case scanner::ScannerStatus::Jammed:
      return strings::kScannerJammed;
    case scanner::ScannerStatus::CoverOpen:
      return strings::kScannerCoverOpen;
    case scanner::ScannerStatus::Busy:
      return strings::kScannerBusy;
    case scanner::ScannerStatus::Unplugged:
      return strings::kScannerUnplugged;
    case scanner::ScannerStatus::Error:
      break;
  }
  return strings::kScannerError;
}

}  // namespace

std::string_view device_words(PrinterStatus status, Language language) {
  return text_of(status).in(language);
}

std::string_view device_words(scanner::ScannerStatus status, Language language) {
  return text_of(status).in(language);
}

}  // namespace pk::kiosk
