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

constexpr const Text& text_of(cardreader::CardState state) {
  using cardreader::CardState;
  switch (state) {
    case CardState::NoReader:
      return strings::kCardNoReader;
    case CardState::NoCard:
      return strings::kCardNoCard;
    case CardState::CardPresent:
      return strings::kCardPresent;
    case CardState::Connected:
      return strings::kCardConnected;
    case CardState::CardMute:
      return strings::kCardMute;
    case CardState::RemovedMidRead:
      return strings::kCardRemovedMidRead;
    case CardState::ReaderBusy:
      return strings::kCardReaderBusy;
    case CardState::Unplugged:
      return strings::kCardUnplugged;
    case CardState::Error:
      break;
  }
  return strings::kCardError;
}

// A failure the reader itself caused reads as the reader's state does.
constexpr const Text& text_of(cardreader::icao::ReadFailure failure) {
  using cardreader::CardState;
  using cardreader::icao::ReadFailure;
  switch (failure) {
    case ReadFailure::None:
      return strings::kPassportChipRead;
    case ReadFailure::NoReader:
      return text_of(CardState::NoReader);
    case ReadFailure::NoCard:
      return strings::kPassportPlacePhotoPage;
    case ReadFailure::CardMute:
      return text_of(CardState::CardMute);
    case ReadFailure::CardRemoved:
      return text_of(CardState::RemovedMidRead);
    case ReadFailure::ReaderBusy:
      return text_of(CardState::ReaderBusy);
    case ReadFailure::NotAPassport:
      return strings::kPassportNotAChipPassport;
    case ReadFailure::AccessDenied:
      return strings::kPassportAccessDenied;
    case ReadFailure::Malformed:
      return strings::kPassportChipMalformed;
    case ReadFailure::HashMismatch:
      return strings::kPassportHashMismatch;
    case ReadFailure::ReaderError:
      break;
  }
  return text_of(CardState::Error);
}

}  // namespace

std::string_view device_words(cardreader::CardState state, Language language) {
  return text_of(state).in(language);
}

std::string_view device_words(cardreader::icao::ReadFailure failure, Language language) {
  return text_of(failure).in(language);
}

std::string_view device_words(PrinterStatus status, Language language) {
  return text_of(status).in(language);
}

std::string_view device_words(scanner::ScannerStatus status, Language language) {
  return text_of(status).in(language);
}

}  // namespace pk::kiosk
