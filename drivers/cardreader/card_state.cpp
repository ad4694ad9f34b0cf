#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader {

std::string_view to_string(CardState state) {
  switch (state) {
    case CardState::NoReader:
      return "no-reader";
    case CardState::NoCard:
      return "no-card";
    case CardState::CardPresent:
      return "card-present";
    case CardState::Connected:
      return "connected";
    case CardState::CardMute:
      return "card-mute";
    case CardState::RemovedMidRead:
      return "removed-mid-read";
    case CardState::ReaderBusy:
      return "reader-busy";
    case CardState::Unplugged:
      return "unplugged";
    case CardState::Error:
      return "error";
  }
  return "unknown";
}

ErrorKind error_kind_of(CardState state) {
  switch (state) {
    case CardState::NoReader:
    case CardState::Unplugged:
      return ErrorKind::NotFound;
    case CardState::NoCard:
    case CardState::RemovedMidRead:
      return ErrorKind::NoMedia;
    case CardState::ReaderBusy:
      return ErrorKind::Busy;
    case CardState::CardMute:
      return ErrorKind::Timeout;
    case CardState::CardPresent:
    case CardState::Connected:
    case CardState::Error:
      break;
  }
  return ErrorKind::Unspecified;
}

std::string_view to_string(ReaderEventKind kind) {
  switch (kind) {
    case ReaderEventKind::ReaderAdded:
      return "reader-added";
    case ReaderEventKind::ReaderRemoved:
      return "reader-removed";
    case ReaderEventKind::CardInserted:
      return "card-inserted";
    case ReaderEventKind::CardRemoved:
      return "card-removed";
  }
  return "unknown";
}

}  // namespace pk::cardreader
