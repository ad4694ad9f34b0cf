#include "drivers/cardreader/apps/icao/passport_app.h"

#include "drivers/cardreader/apps/icao/lds_reader.h"

namespace pk::cardreader::icao {

std::string_view PassportApp::name() const { return "Electronic passport"; }

std::span<const Bytes> PassportApp::aids() const {
  static const Bytes kAids[] = {Bytes(std::begin(kPassportAid), std::end(kPassportAid))};
  return kAids;
}

bool PassportApp::atr_suggests(const Atr& atr) const { return is_contactless_processor_card(atr); }

}  // namespace pk::cardreader::icao
