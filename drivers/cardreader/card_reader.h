#pragma once
// The smart-card reader device class: what the kiosk relies on from any reader backend
// (PC/SC through pcscd, or the simulated twin). A backend sees every reader attached to it
// (a PC/SC host may have several) and one card connection at a time.
//
// Threading: one thread may block in wait_for_events() while another connects and transmits;
// cancel_wait() may be called from any thread. connect/transmit/disconnect belong to one thread.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "domain/result.h"
#include "drivers/cardreader/bytes.h"
#include "drivers/device.h"

namespace pk::cardreader {

using pk::Language;

// Why the last operation failed, or where the card stands. The kiosk words each value for a
// citizen, saying what to do next (kiosk/device_words.h); the driver words nothing.
enum class CardState : std::uint8_t {
  NoReader,        // no reader attached (or pcscd not running)
  NoCard,          // reader present, no card on or in it
  CardPresent,     // a card is there, not connected
  Connected,       // connected, APDUs flow
  CardMute,        // the card does not answer (bad contact, dead chip, passport held too far)
  RemovedMidRead,  // the card left while we were talking to it
  ReaderBusy,      // another program holds the card
  Unplugged,       // the reader itself went away
  Error,           // anything else; last_error says what, for a technician
};

[[nodiscard]] std::string_view to_string(CardState state);
// The kind of the error that leaves the card in this state, set where the error arises so that
// device set-up decides on it and never on the text: no reader or an unplugged one is NotFound,
// no card or one that left is NoMedia, a held card Busy, a mute card Timeout; Error says nothing
// more (Unspecified).
[[nodiscard]] ErrorKind error_kind_of(CardState state);

struct ReaderStatus {
  std::string name;
  bool card_present = false;
  Bytes atr;  // empty when no card
};

enum class ReaderEventKind : std::uint8_t { ReaderAdded, ReaderRemoved, CardInserted, CardRemoved };
[[nodiscard]] std::string_view to_string(ReaderEventKind kind);

struct ReaderEvent {
  ReaderEventKind kind = ReaderEventKind::CardInserted;
  std::string reader;
  Bytes atr;  // CardInserted only
};

class CardReaderDriver : public Device {
 public:
  // Connects to the reader service. Safe to call again after a failure.
  [[nodiscard]] virtual Result<void> open() = 0;
  // Every reader attached now, with its card if any.
  [[nodiscard]] virtual Result<std::vector<ReaderStatus>> readers() = 0;
  // Blocks until readers or cards change, the timeout passes (empty list) or cancel_wait().
  // Backed by the service's own notifications (SCardGetStatusChange): never a busy poll.
  [[nodiscard]] virtual Result<std::vector<ReaderEvent>> wait_for_events(
      std::chrono::milliseconds timeout) = 0;
  virtual void cancel_wait() = 0;
  // Connects exclusively to the card in `reader`; an empty name takes the first reader that
  // holds a card. Returns the card's ATR.
  [[nodiscard]] virtual Result<Bytes> connect(std::string_view reader) = 0;
  // Sends one command APDU and returns the raw response (data and status word). A card that
  // gives no answer within `timeout` is reported as CardMute.
  [[nodiscard]] virtual Result<Bytes> transmit(ByteView command, std::chrono::milliseconds timeout) = 0;
  virtual void disconnect() = 0;
  // After a failed call: why. Otherwise where the card stands.
  [[nodiscard]] virtual CardState card_state() const = 0;
};

}  // namespace pk::cardreader
