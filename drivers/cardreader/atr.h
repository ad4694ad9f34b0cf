#pragma once
// Answer-to-Reset parsing per ISO/IEC 7816-3 section 8: TS, T0, the TA/TB/TC/TD chains,
// historical bytes and the TCK check character. A PC/SC reader builds an ATR for contactless
// cards too (PC/SC part 3), so the same parser serves passports held on a reader.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader {

enum class Convention : std::uint8_t { Direct, Inverse };  // TS = 3B, TS = 3F

// Interface bytes of one group i (TA_i, TB_i, TC_i, TD_i); absent bytes are nullopt.
struct InterfaceGroup {
  std::optional<std::uint8_t> ta;
  std::optional<std::uint8_t> tb;
  std::optional<std::uint8_t> tc;
  std::optional<std::uint8_t> td;
};

struct Atr {
  Bytes raw;
  Convention convention = Convention::Direct;
  std::vector<InterfaceGroup> groups;  // groups[0] is i = 1
  std::vector<int> protocols;          // T values announced by the TD bytes, in order; {0} when none
  Bytes historical;
  std::optional<std::uint8_t> tck;  // present when a protocol other than T=0 is announced

  [[nodiscard]] bool offers(int protocol) const;
  // Fi and Di from TA1 (ISO 7816-3 tables 7 and 8); the defaults (372, 1) without TA1.
  [[nodiscard]] int fi() const;
  [[nodiscard]] int di() const;
};

inline constexpr std::size_t kMaxAtrSize = 33;

// Rejects what no compliant card sends: an unknown TS, fewer bytes than T0 and the TD chain
// announce, more than 33 bytes, trailing bytes, and a TCK whose XOR check fails.
[[nodiscard]] Result<Atr> parse_atr(ByteView bytes);

// PC/SC part 3: the ATR a reader builds for a contactless card. Storage cards (MIFARE and
// friends) carry their standard and name in the historical bytes (80 4F 0C A0 00 00 03 06 ...).
struct ContactlessStorageCard {
  std::uint8_t standard = 0;    // 03 = ISO 14443 A part 3
  std::uint16_t card_name = 0;  // 0001 = MIFARE Classic 1K ...
};
[[nodiscard]] std::optional<ContactlessStorageCard> contactless_storage_card(const Atr& atr);
// True for the ATR a PC/SC reader builds for an ISO 14443-4 (processor) contactless card:
// 3B 8n 80 01 ... — how passports look on a contactless reader.
[[nodiscard]] bool is_contactless_processor_card(const Atr& atr);

}  // namespace pk::cardreader
