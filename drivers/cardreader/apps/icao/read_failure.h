#pragma once
// Why reading a passport failed, for the kiosk to word (kiosk/device_words.h) and act on. Every
// value leaves nothing filled in: a read either gives the whole identity or one of these.
#include <cstdint>
#include <string_view>

#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader::icao {

enum class ReadFailure : std::uint8_t {
  None,
  NoReader,      // no reader, or pcscd not running
  NoCard,        // nothing on the reader
  CardMute,      // the chip does not answer
  CardRemoved,   // taken off before the end
  ReaderBusy,    // another program holds the reader
  NotAPassport,  // a card, but without the ICAO passport application
  AccessDenied,  // BAC refused: the typed MRZ numbers do not match this passport
  Malformed,     // the chip's answers do not parse (damaged chip or not a compliant passport)
  HashMismatch,  // data group does not match the hash in EF.SOD: data not trusted
  ReaderError,   // anything else from the reader
};

[[nodiscard]] std::string_view to_string(ReadFailure failure);
// Maps a driver state after a failed exchange to what the citizen is told.
[[nodiscard]] ReadFailure failure_from(CardState state);

}  // namespace pk::cardreader::icao
