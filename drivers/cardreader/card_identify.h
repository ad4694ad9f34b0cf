#pragma once
// What card is on the reader: from its ATR first (a storage card is known without a single
// APDU), then by SELECTing each known application's AIDs.
#include <cstdint>
#include <string>

#include "drivers/cardreader/apdu_channel.h"
#include "drivers/cardreader/apps/card_app.h"
#include "drivers/cardreader/atr.h"

namespace pk::cardreader {

enum class CardKind : std::uint8_t {
  Application,       // a registered application answered: app_id says which
  StorageCard,       // contactless memory card (MIFARE and friends): no application to select
  UnknownProcessor,  // a processor card that none of our applications answered on
  Unreadable,        // the ATR does not parse or the card did not answer
};

struct CardIdentity {
  CardKind kind = CardKind::Unreadable;
  std::string app_id;       // CardApp::id() for Application
  std::string description;  // for a technician: "MIFARE Classic 1K", "ATR 3B...: no known application"
};

[[nodiscard]] CardIdentity identify_card(ApduChannel& channel, ByteView atr_bytes,
                                         const CardAppRegistry& apps);

}  // namespace pk::cardreader
