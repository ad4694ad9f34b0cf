#pragma once
// The ICAO Doc 9303 e-passport application as a card-application plug-in. Reading a passport
// needs its MRZ key, so the reading itself is read_passport() (read_passport.h).
#include "drivers/cardreader/apps/card_app.h"

namespace pk::cardreader::icao {

class PassportApp final : public CardApp {
 public:
  [[nodiscard]] std::string_view id() const override { return "icao9303"; }
  [[nodiscard]] std::string_view name() const override;
  [[nodiscard]] std::span<const Bytes> aids() const override;
  // A contactless processor card (3B 8n 80 01 ...) may be a passport; a contact card is not.
  [[nodiscard]] bool atr_suggests(const Atr& atr) const override;
};

}  // namespace pk::cardreader::icao
