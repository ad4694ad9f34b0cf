#pragma once
// A card in software: what the simulated reader holds and what the vpcd bridge serves to a
// real pcscd. The same objects answer in both, so a test through pcscd and a test through the
// simulator exercise the same card.
#include <cstdint>
#include <memory>
#include <string_view>

#include "domain/result.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader {

class VirtualCard {
 public:
  virtual ~VirtualCard() = default;
  VirtualCard() = default;
  VirtualCard(const VirtualCard&) = delete;
  VirtualCard& operator=(const VirtualCard&) = delete;

  [[nodiscard]] virtual Bytes atr() const = 0;
  // Power cycle: forgets sessions and selections, as a real chip does.
  virtual void reset() = 0;
  // One command APDU in, the response (data and status word) out.
  [[nodiscard]] virtual Bytes process(ByteView command) = 0;
};

// A card that answers every command with 6D00 (instruction not supported): an unknown card.
class SilentProcessorCard final : public VirtualCard {
 public:
  explicit SilentProcessorCard(Bytes atr) : m_atr(std::move(atr)) {}
  [[nodiscard]] Bytes atr() const override { return m_atr; }
  void reset() override {}
  [[nodiscard]] Bytes process(ByteView) override { return {0x6D, 0x00}; }

 private:
  Bytes m_atr;
};

// A card that answers garbage: random lengths, random bytes, now and then a bare 9000 or a
// response shorter than a status word. Deterministic from its seed.
class GarbageCard final : public VirtualCard {
 public:
  explicit GarbageCard(std::uint64_t seed) : m_state(seed | 1) {}
  [[nodiscard]] Bytes atr() const override;
  void reset() override {}
  [[nodiscard]] Bytes process(ByteView command) override;

 private:
  std::uint64_t m_state;
};

// "passport" (the Doc 9303 test passport, JPEG face), "passport-jp2" (JPEG 2000 face),
// "garbage", "atr:<hex>" (an unknown card with that ATR).
[[nodiscard]] Result<std::shared_ptr<VirtualCard>> make_virtual_card(std::string_view profile);

}  // namespace pk::cardreader
