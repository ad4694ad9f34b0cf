#pragma once
// BAC secure messaging (ICAO Doc 9303 part 11 section 9.8): each command's data is 3DES
// encrypted into DO'87', its Le goes into DO'97', and DO'8E' carries a retail MAC over the
// send sequence counter (SSC), the masked header and those objects; responses come back as
// DO'87' / DO'99' (status) / DO'8E'. The SSC is incremented before every command and every
// response, on both sides, so one lost or replayed APDU breaks the session by design.
//
// Both sides are here: the terminal (protect/unprotect_response) and the card
// (unprotect_command/protect_response) for the virtual passport, so the two cannot drift apart.
#include <cstdint>

#include "domain/result.h"
#include "drivers/cardreader/apdu.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"

namespace pk::cardreader::icao {

struct SessionKeys {
  Key16 enc{};
  Key16 mac{};
};
// Zeroes both keys (the BAC keys or a session's): called when a read ends, on every path.
void secure_wipe(SessionKeys& keys);

class SecureMessaging {
 public:
  SecureMessaging(SessionKeys keys, std::uint64_t ssc) : m_keys(keys), m_ssc(ssc) {}
  // The session keys go with the session: zeroed when it ends (the read is over).
  ~SecureMessaging();
  SecureMessaging(const SecureMessaging&) = default;
  SecureMessaging& operator=(const SecureMessaging&) = default;

  // Terminal side.
  [[nodiscard]] Result<Bytes> protect(const CommandApdu& plain);
  // `response` is the raw card answer with its status word. Errors: no MAC, a wrong MAC, a
  // malformed object: all mean the session is over (the card has dropped it too).
  [[nodiscard]] Result<ResponseApdu> unprotect_response(ByteView response);

  // Card side.
  [[nodiscard]] Result<CommandApdu> unprotect_command(const CommandApdu& received);
  [[nodiscard]] Result<Bytes> protect_response(const ResponseApdu& plain);

  [[nodiscard]] std::uint64_t ssc() const { return m_ssc; }

 private:
  [[nodiscard]] Bytes ssc_bytes() const;
  SessionKeys m_keys;
  std::uint64_t m_ssc;
};

}  // namespace pk::cardreader::icao
