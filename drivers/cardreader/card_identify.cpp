#include "drivers/cardreader/card_identify.h"

#include <algorithm>

namespace pk::cardreader {

namespace {

std::string storage_card_name(std::uint16_t name) {
  // PC/SC part 3 supplement, card names.
  switch (name) {
    case 0x0001:
      return "MIFARE Classic 1K";
    case 0x0002:
      return "MIFARE Classic 4K";
    case 0x0003:
      return "MIFARE Ultralight";
    case 0x0026:
      return "MIFARE Mini";
    case 0x003A:
      return "MIFARE Ultralight C";
    default:
      return "contactless storage card " +
             to_hex(Bytes{static_cast<std::uint8_t>(name >> 8), static_cast<std::uint8_t>(name)});
  }
}

}  // namespace

CardIdentity identify_card(ApduChannel& channel, ByteView atr_bytes, const CardAppRegistry& apps) {
  auto atr = parse_atr(atr_bytes);
  if (!atr)
    return CardIdentity{CardKind::Unreadable, {}, "ATR " + to_hex(atr_bytes) + ": " + atr.error().message};
  if (auto storage = contactless_storage_card(*atr))
    return CardIdentity{CardKind::StorageCard, {}, storage_card_name(storage->card_name)};

  // Applications the ATR hints at are tried first: fewer APDUs in the common case.
  std::vector<const CardApp*> order;
  for (const auto& app : apps.apps()) order.push_back(app.get());
  std::stable_partition(order.begin(), order.end(),
                        [&](const CardApp* app) { return app->atr_suggests(*atr); });
  for (const CardApp* app : order) {
    for (const Bytes& aid : app->aids()) {
      auto answer = channel.send(CommandApdu{0x00, 0xA4, 0x04, 0x0C, aid, std::nullopt});
      if (!answer) return CardIdentity{CardKind::Unreadable, {}, "SELECT failed: " + answer.error().message};
      if (answer->ok())
        return CardIdentity{CardKind::Application, std::string(app->id()), std::string(app->name())};
    }
  }
  return CardIdentity{CardKind::UnknownProcessor, {}, "ATR " + to_hex(atr_bytes) + ": no known application"};
}

}  // namespace pk::cardreader
