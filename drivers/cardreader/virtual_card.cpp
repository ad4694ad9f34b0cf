#include "drivers/cardreader/virtual_card.h"

#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/apps/icao/virtual_passport.h"

namespace pk::cardreader {

Bytes GarbageCard::atr() const {
  return hex(
      "3B8880010000000000000000"
      "09");
}

Bytes GarbageCard::process(ByteView) {
  auto next = [this] {
    // xorshift64: deterministic junk, no dependence on the platform's rand().
    m_state ^= m_state << 13;
    m_state ^= m_state >> 7;
    m_state ^= m_state << 17;
    return m_state;
  };
  const std::uint64_t kind = next() % 6;
  if (kind == 0) return {0x90, 0x00};
  if (kind == 1) return {static_cast<std::uint8_t>(next())};
  Bytes out(next() % 300);
  for (auto& b : out) b = static_cast<std::uint8_t>(next());
  if (kind == 2 && out.size() >= 2) {
    out[out.size() - 2] = 0x90;
    out[out.size() - 1] = 0x00;
  }
  return out;
}

Result<std::shared_ptr<VirtualCard>> make_virtual_card(std::string_view profile) {
  if (profile == "passport" || profile == "passport-jp2") {
    icao::TestPassportSpec spec;
    spec.face_format = profile == "passport" ? icao::ImageFormat::Jpeg : icao::ImageFormat::Jpeg2000;
    auto passport = icao::make_test_passport(spec);
    if (!passport) return passport.error();
    return std::shared_ptr<VirtualCard>(std::make_shared<icao::VirtualPassport>(std::move(*passport)));
  }
  if (profile == "garbage") return std::shared_ptr<VirtualCard>(std::make_shared<GarbageCard>(0x5EED));
  if (profile.substr(0, 4) == "atr:") {
    auto atr = from_hex(profile.substr(4));
    if (!atr || atr->empty()) return make_error("\"" + std::string(profile) + "\": the ATR is not hex");
    return std::shared_ptr<VirtualCard>(std::make_shared<SilentProcessorCard>(std::move(*atr)));
  }
  return make_error("unknown virtual card \"" + std::string(profile) +
                    "\" (known: passport, passport-jp2, garbage, atr:<hex>)");
}

}  // namespace pk::cardreader
