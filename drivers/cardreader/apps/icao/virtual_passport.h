#pragma once
// A chip passport in software (the card side of ICAO Doc 9303 part 11 BAC and secure
// messaging, and the LDS files of a TestPassport). Strict where real chips are strict: no file
// without BAC, any secure-messaging error ends the session (6988), a plain command during a
// session ends it too.
#include <array>
#include <optional>

#include "drivers/cardreader/apps/icao/secure_messaging.h"
#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/virtual_card.h"

namespace pk::cardreader::icao {

struct ChipRandom {
  // Fixed in tests to replay Doc 9303's worked example; random otherwise.
  std::optional<std::array<std::uint8_t, 8>> rnd_ic;
  std::optional<std::array<std::uint8_t, 16>> k_ic;
};

class VirtualPassport final : public VirtualCard {
 public:
  explicit VirtualPassport(TestPassport passport, ChipRandom random = {});

  // What a contactless reader reports for an ISO 14443-4 passport (PC/SC part 3 form).
  [[nodiscard]] Bytes atr() const override;
  void reset() override;
  [[nodiscard]] Bytes process(ByteView command) override;

  // Replace a file after construction: tests tamper with DG1 to see the hash check fail.
  void set_file(std::uint16_t file_id, Bytes content) { m_passport.files[file_id] = std::move(content); }

 private:
  [[nodiscard]] ResponseApdu plain(const CommandApdu& command);
  [[nodiscard]] ResponseApdu external_authenticate(const CommandApdu& command);

  TestPassport m_passport;
  ChipRandom m_random;
  SessionKeys m_bac_keys;
  bool m_application_selected = false;
  std::optional<std::array<std::uint8_t, 8>> m_challenge;
  std::optional<SecureMessaging> m_sm;
  std::optional<std::uint16_t> m_file;
};

}  // namespace pk::cardreader::icao
