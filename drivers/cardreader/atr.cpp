#include "drivers/cardreader/atr.h"

#include <algorithm>

namespace pk::cardreader {

bool Atr::offers(int protocol) const {
  return std::find(protocols.begin(), protocols.end(), protocol) != protocols.end();
}

int Atr::fi() const {
  static constexpr std::array<int, 16> kFi{372, 372, 558, 744,  1116, 1488, 1860, 0,
                                           0,   512, 768, 1024, 1536, 2048, 0,    0};
  if (groups.empty() || !groups[0].ta) return 372;
  return kFi[*groups[0].ta >> 4];
}

int Atr::di() const {
  static constexpr std::array<int, 16> kDi{0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0};
  if (groups.empty() || !groups[0].ta) return 1;
  return kDi[*groups[0].ta & 0x0F];
}

Result<Atr> parse_atr(ByteView bytes) {
  if (bytes.size() < 2)
    return make_error("ATR of " + std::to_string(bytes.size()) + " byte(s) is shorter than TS and T0");
  if (bytes.size() > kMaxAtrSize)
    return make_error("ATR of " + std::to_string(bytes.size()) + " bytes is longer than 33");
  Atr atr;
  atr.raw.assign(bytes.begin(), bytes.end());
  if (bytes[0] == 0x3B) {
    atr.convention = Convention::Direct;
  } else if (bytes[0] == 0x3F) {
    atr.convention = Convention::Inverse;
  } else {
    return make_error("ATR starts with TS=" + to_hex(bytes.first(1)) + ", neither 3B nor 3F");
  }
  std::size_t pos = 1;
  const std::uint8_t t0 = bytes[pos++];
  const std::size_t historical_count = t0 & 0x0F;
  std::uint8_t y = static_cast<std::uint8_t>(t0 >> 4);
  bool needs_tck = false;
  auto take = [&](const char* name, std::size_t group) -> Result<std::uint8_t> {
    if (pos >= bytes.size())
      return make_error(std::string("ATR ends where ") + name + std::to_string(group) + " was announced");
    return bytes[pos++];
  };
  for (std::size_t i = 1; y != 0; ++i) {
    InterfaceGroup group;
    if (y & 0x1) {
      auto b = take("TA", i);
      if (!b) return b.error();
      group.ta = *b;
    }
    if (y & 0x2) {
      auto b = take("TB", i);
      if (!b) return b.error();
      group.tb = *b;
    }
    if (y & 0x4) {
      auto b = take("TC", i);
      if (!b) return b.error();
      group.tc = *b;
    }
    if (y & 0x8) {
      auto b = take("TD", i);
      if (!b) return b.error();
      group.td = *b;
      const int protocol = *b & 0x0F;
      atr.protocols.push_back(protocol);
      if (protocol != 0) needs_tck = true;
      y = static_cast<std::uint8_t>(*b >> 4);
    } else {
      y = 0;
    }
    atr.groups.push_back(group);
  }
  if (atr.protocols.empty()) atr.protocols.push_back(0);
  if (bytes.size() - pos < historical_count)
    return make_error("ATR announces " + std::to_string(historical_count) + " historical bytes but has " +
                      std::to_string(bytes.size() - pos));
  atr.historical.assign(bytes.begin() + static_cast<std::ptrdiff_t>(pos),
                        bytes.begin() + static_cast<std::ptrdiff_t>(pos + historical_count));
  pos += historical_count;
  if (needs_tck) {
    if (pos >= bytes.size()) return make_error("ATR announces a protocol other than T=0 but has no TCK");
    atr.tck = bytes[pos++];
    // TCK makes the XOR of every byte from T0 to TCK zero (ISO 7816-3, 8.2.5).
    std::uint8_t check = 0;
    for (std::size_t i = 1; i < pos; ++i) check ^= bytes[i];
    if (check != 0)
      return make_error("ATR check byte TCK=" + to_hex(bytes.subspan(pos - 1, 1)) + " is wrong (XOR is " +
                        to_hex(Bytes{check}) + ")");
  }
  if (pos != bytes.size())
    return make_error("ATR has " + std::to_string(bytes.size() - pos) +
                      " byte(s) after its last announced field");
  return atr;
}

std::optional<ContactlessStorageCard> contactless_storage_card(const Atr& atr) {
  static constexpr std::array<std::uint8_t, 8> kPrefix{0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06};
  const Bytes& h = atr.historical;
  if (h.size() < 11 || !std::equal(kPrefix.begin(), kPrefix.end(), h.begin())) return std::nullopt;
  return ContactlessStorageCard{h[8], static_cast<std::uint16_t>((h[9] << 8) | h[10])};
}

bool is_contactless_processor_card(const Atr& atr) {
  // PC/SC part 3 section 3.1.3.2.3.1: 3B 8n 80 01 <historical bytes from the ATS> TCK.
  return atr.raw.size() >= 4 && atr.raw[0] == 0x3B && (atr.raw[1] & 0xF0) == 0x80 && atr.raw[2] == 0x80 &&
         atr.raw[3] == 0x01 && !contactless_storage_card(atr);
}

}  // namespace pk::cardreader
