#include "drivers/cardreader/apps/icao/read_failure.h"

namespace pk::cardreader::icao {

std::string_view to_string(ReadFailure failure) {
  switch (failure) {
    case ReadFailure::None:
      return "none";
    case ReadFailure::NoReader:
      return "no-reader";
    case ReadFailure::NoCard:
      return "no-card";
    case ReadFailure::CardMute:
      return "card-mute";
    case ReadFailure::CardRemoved:
      return "card-removed";
    case ReadFailure::ReaderBusy:
      return "reader-busy";
    case ReadFailure::NotAPassport:
      return "not-a-passport";
    case ReadFailure::AccessDenied:
      return "access-denied";
    case ReadFailure::Malformed:
      return "malformed";
    case ReadFailure::HashMismatch:
      return "hash-mismatch";
    case ReadFailure::ReaderError:
      return "reader-error";
  }
  return "unknown";
}

ReadFailure failure_from(CardState state) {
  switch (state) {
    case CardState::NoReader:
      return ReadFailure::NoReader;
    case CardState::Unplugged:
      return ReadFailure::NoReader;
    case CardState::NoCard:
      return ReadFailure::CardRemoved;
    case CardState::RemovedMidRead:
      return ReadFailure::CardRemoved;
    case CardState::CardMute:
      return ReadFailure::CardMute;
    case CardState::ReaderBusy:
      return ReadFailure::ReaderBusy;
    // The exchange failed although the card is still connected: its answer was unusable
    // (shorter than a status word, say).
    case CardState::Connected:
      return ReadFailure::Malformed;
    case CardState::CardPresent:
    case CardState::Error:
      return ReadFailure::ReaderError;
  }
  return ReadFailure::ReaderError;
}

}  // namespace pk::cardreader::icao
