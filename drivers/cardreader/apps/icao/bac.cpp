#include "drivers/cardreader/apps/icao/bac.h"

#include <algorithm>

#include "base/secure_wipe.h"

namespace pk::cardreader::icao {

// The MRZ information, its SHA-1 (whose first half is K_seed) and the seeds of the session
// keys open the chip: each is wiped as soon as the keys are derived from it.
SessionKeys derive_bac_keys(const MrzKey& key) {
  std::string text = key.key_text();
  const WipeAtScopeEnd wipe_text(text);
  Bytes hash = sha1(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  const WipeAtScopeEnd wipe_seed(hash);
  const ByteView seed(hash.data(), 16);
  return SessionKeys{derive_key(seed, KeyPurpose::Encryption), derive_key(seed, KeyPurpose::Mac)};
}

SessionKeys derive_session_keys(ByteView k_ifd, ByteView k_ic) {
  Bytes seed(16);
  const WipeAtScopeEnd wipe_seed(seed);
  for (std::size_t i = 0; i < 16; ++i) seed[i] = static_cast<std::uint8_t>(k_ifd[i] ^ k_ic[i]);
  return SessionKeys{derive_key(seed, KeyPurpose::Encryption), derive_key(seed, KeyPurpose::Mac)};
}

std::uint64_t initial_ssc(ByteView rnd_ic, ByteView rnd_ifd) {
  std::uint64_t ssc = 0;
  for (std::size_t i = 4; i < 8; ++i) ssc = (ssc << 8) | rnd_ic[i];
  for (std::size_t i = 4; i < 8; ++i) ssc = (ssc << 8) | rnd_ifd[i];
  return ssc;
}

TerminalRandom TerminalRandom::generate() {
  TerminalRandom random;
  random_bytes(random.rnd_ifd);
  random_bytes(random.k_ifd);
  return random;
}

Result<SecureMessaging> perform_bac(ApduChannel& channel, const MrzKey& key, const TerminalRandom& random,
                                    BacOutcome& outcome) {
  auto fail = [&outcome](ReadFailure why, std::string message) {
    outcome.failure = why;
    return make_error(std::move(message));
  };
  // K_enc and K_mac of BAC: zeroed on every way out of here (the session has keys of its own).
  struct WipedKeys {
    SessionKeys keys;
    ~WipedKeys() { secure_wipe(keys); }
  } bac_keys{derive_bac_keys(key)};
  const SessionKeys& keys = bac_keys.keys;

  auto challenge = channel.send(CommandApdu{0x00, 0x84, 0x00, 0x00, {}, 8});
  if (!challenge) return fail(failure_from(channel.state()), "GET CHALLENGE: " + challenge.error().message);
  if (!challenge->ok() || challenge->data.size() != 8)
    return fail(ReadFailure::Malformed,
                "GET CHALLENGE answered " + to_hex(challenge->encode()) + ", not 8 bytes and 9000");
  const Bytes rnd_ic = challenge->data;

  Bytes s;  // RND.IFD || RND.IC || K.IFD: K.IFD is half a session key's seed
  s.reserve(32);
  const WipeAtScopeEnd wipe_s(s);
  s.assign(random.rnd_ifd.begin(), random.rnd_ifd.end());
  append(s, rnd_ic);
  append(s, random.k_ifd);
  auto e_ifd = tdes_encrypt(keys.enc, s);
  if (!e_ifd) return fail(ReadFailure::ReaderError, e_ifd.error().message);
  auto m_ifd = retail_mac(keys.mac, *e_ifd);
  if (!m_ifd) return fail(ReadFailure::ReaderError, m_ifd.error().message);
  Bytes data = *e_ifd;
  append(data, *m_ifd);

  auto answer = channel.send(CommandApdu{0x00, 0x82, 0x00, 0x00, data, 40});
  if (!answer) return fail(failure_from(channel.state()), "EXTERNAL AUTHENTICATE: " + answer.error().message);
  // 6300 and 6982 are what passports answer to a cryptogram made with the wrong MRZ key.
  if (answer->sw == sw::kAuthFailed || answer->sw == sw::kSecurityNotSatisfied || answer->sw == 0x6A80 ||
      answer->sw == sw::kConditionsNotSatisfied)
    return fail(ReadFailure::AccessDenied, "the passport refused Basic Access Control (status " +
                                               to_hex(Bytes{answer->sw1(), answer->sw2()}) +
                                               "): the MRZ key does not match");
  if (!answer->ok() || answer->data.size() != 40)
    return fail(ReadFailure::Malformed, "EXTERNAL AUTHENTICATE answered " +
                                            std::to_string(answer->data.size()) + " bytes with status " +
                                            to_hex(Bytes{answer->sw1(), answer->sw2()}));
  const ByteView e_ic(answer->data.data(), 32);
  const ByteView m_ic(answer->data.data() + 32, 8);
  auto expected_mac = retail_mac(keys.mac, e_ic);
  if (!expected_mac || !equal_secret(*expected_mac, m_ic))
    return fail(ReadFailure::Malformed, "the passport's authentication answer has a wrong MAC");
  auto r = tdes_decrypt(keys.enc, e_ic);
  if (!r) return fail(ReadFailure::Malformed, r.error().message);
  const WipeAtScopeEnd wipe_r(*r);  // R holds K.IC, the card's half of the session keys' seed
  // R = RND.IC || RND.IFD || K.IC: the card must echo both challenges.
  if (!std::equal(rnd_ic.begin(), rnd_ic.end(), r->begin()) ||
      !std::equal(random.rnd_ifd.begin(), random.rnd_ifd.end(), r->begin() + 8))
    return fail(ReadFailure::Malformed, "the passport's authentication answer does not echo the challenges");
  const ByteView k_ic(r->data() + 16, 16);
  return SecureMessaging(derive_session_keys(random.k_ifd, k_ic), initial_ssc(rnd_ic, random.rnd_ifd));
}

}  // namespace pk::cardreader::icao
