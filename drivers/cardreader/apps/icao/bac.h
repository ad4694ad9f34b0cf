#pragma once
// Basic Access Control (ICAO Doc 9303 part 11 section 4.3): the terminal proves it has read
// the MRZ, and both sides agree on session keys for secure messaging.
#include <array>
#include <cstdint>

#include "domain/result.h"
#include "drivers/cardreader/apdu_channel.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/read_failure.h"
#include "drivers/cardreader/apps/icao/secure_messaging.h"

namespace pk::cardreader::icao {

// K_enc and K_mac from the MRZ key: K_seed = first 16 bytes of SHA-1(MRZ_information).
[[nodiscard]] SessionKeys derive_bac_keys(const MrzKey& key);
// Session keys and SSC from the two key halves and challenges (section 9.7.4 / 9.8.6.3).
[[nodiscard]] SessionKeys derive_session_keys(ByteView k_ifd, ByteView k_ic);
[[nodiscard]] std::uint64_t initial_ssc(ByteView rnd_ic, ByteView rnd_ifd);

// The terminal's random values; fixed in tests to replay Doc 9303's worked example.
struct TerminalRandom {
  std::array<std::uint8_t, 8> rnd_ifd{};
  std::array<std::uint8_t, 16> k_ifd{};
  [[nodiscard]] static TerminalRandom generate();
};

struct BacOutcome {
  ReadFailure failure = ReadFailure::None;
};

// GET CHALLENGE, then EXTERNAL AUTHENTICATE. On failure `outcome.failure` says why:
// AccessDenied when the card refuses the cryptogram (the MRZ key does not match), Malformed
// for an answer that does not parse or fails its MAC, a card state for transport failures.
[[nodiscard]] Result<SecureMessaging> perform_bac(ApduChannel& channel, const MrzKey& key,
                                                  const TerminalRandom& random, BacOutcome& outcome);

}  // namespace pk::cardreader::icao
