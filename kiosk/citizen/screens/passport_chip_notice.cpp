#include "kiosk/citizen/screens/passport_chip_notice.h"

namespace pk::kiosk {

namespace {

const Text& why(cardreader::icao::PassiveAuth outcome) {
  using cardreader::icao::PassiveAuth;
  switch (outcome) {
    case PassiveAuth::NoMasterList:
      return strings::kChipNoMasterList;
    case PassiveAuth::SignatureInvalid:
      return strings::kChipSignatureInvalid;
    case PassiveAuth::UnknownCsca:
      return strings::kChipUnknownIssuer;
    case PassiveAuth::SignerExpired:
      return strings::kChipSignerExpired;
    case PassiveAuth::SignerRevoked:
      return strings::kChipSignerRevoked;
    case PassiveAuth::NoRevocationList:
      return strings::kChipNoRevocationList;
    case PassiveAuth::Verified:  // not called for it; worded like the rest to be safe
    case PassiveAuth::Malformed:
    case PassiveAuth::DataGroupHashMismatch:
    case PassiveAuth::ChainInvalid:
      break;
  }
  return strings::kChipMalformed;
}

}  // namespace

std::string chip_unverified_line(cardreader::icao::PassiveAuth outcome, catalog::Language language) {
  const bool rtl = is_rtl(language);
  std::string line = strings::kChipUnverified.in(language);
  line += " (";
  line += why(outcome).in(language);
  line += rtl ? ")؛ " : "): ";
  line += strings::kChipTypeNumber.in(language);
  return line;
}

}  // namespace pk::kiosk
