#include "drivers/cardreader/apps/icao/virtual_passport.h"

#include <algorithm>

#include "drivers/cardreader/apps/icao/bac.h"
#include "drivers/cardreader/apps/icao/lds_reader.h"

namespace pk::cardreader::icao {

namespace {
ResponseApdu status(std::uint16_t sw) { return ResponseApdu{{}, sw}; }
}  // namespace

VirtualPassport::VirtualPassport(TestPassport passport, ChipRandom random)
    : m_passport(std::move(passport)), m_random(random) {
  auto key = m_passport.key();
  if (key) m_bac_keys = derive_bac_keys(*key);
}

Bytes VirtualPassport::atr() const {
  // 3B 88 80 01, historical bytes as many passports send them in their ATS, TCK.
  Bytes atr =
      hex("3B888001"
          "E1F35E11"
          "77A1D300");
  std::uint8_t tck = 0;
  for (std::size_t i = 1; i < atr.size(); ++i) tck ^= atr[i];
  atr.push_back(tck);
  return atr;
}

void VirtualPassport::reset() {
  m_application_selected = false;
  m_challenge.reset();
  m_sm.reset();
  m_file.reset();
}

Bytes VirtualPassport::process(ByteView bytes) {
  auto command = parse_command(bytes);
  if (!command) return status(sw::kWrongLength).encode();
  if (m_sm && (command->cla & 0x0C) == 0x0C) {
    auto inner = m_sm->unprotect_command(*command);
    if (!inner) {
      m_sm.reset();
      m_file.reset();
      return status(sw::kSmObjectsIncorrect).encode();
    }
    const ResponseApdu answer = plain(*inner);
    if (!m_sm) return answer.encode();  // the command ended the session
    auto wrapped = m_sm->protect_response(answer);
    return wrapped ? *wrapped : status(sw::kSmObjectsIncorrect).encode();
  }
  if (m_sm) {
    // A plain command in a session ends it (Doc 9303 part 11 section 9.8.4).
    m_sm.reset();
    m_file.reset();
  }
  return plain(*command).encode();
}

ResponseApdu VirtualPassport::plain(const CommandApdu& command) {
  switch (command.ins) {
    case 0xA4: {  // SELECT
      if (command.p1 == 0x04) {
        if (std::equal(command.data.begin(), command.data.end(), std::begin(kPassportAid),
                       std::end(kPassportAid))) {
          reset();
          m_application_selected = true;
          return status(sw::kOk);
        }
        return status(sw::kFileNotFound);
      }
      if (command.p1 == 0x02 && command.data.size() == 2) {
        if (!m_sm) return status(sw::kSecurityNotSatisfied);
        const auto id = static_cast<std::uint16_t>((command.data[0] << 8) | command.data[1]);
        if (m_passport.files.count(id) == 0) return status(sw::kFileNotFound);
        m_file = id;
        return status(sw::kOk);
      }
      return status(sw::kWrongP1P2);
    }
    case 0xB0: {  // READ BINARY
      if (!m_sm) return status(sw::kSecurityNotSatisfied);
      if (!m_file || (command.p1 & 0x80) != 0) return status(sw::kConditionsNotSatisfied);
      const Bytes& file = m_passport.files.at(*m_file);
      const std::size_t offset = static_cast<std::size_t>((command.p1 << 8) | command.p2);
      if (offset > file.size()) return status(sw::kWrongP1P2);
      const std::size_t n =
          std::min<std::size_t>(file.size() - offset, static_cast<std::size_t>(command.le.value_or(256)));
      return ResponseApdu{Bytes(file.begin() + static_cast<std::ptrdiff_t>(offset),
                                file.begin() + static_cast<std::ptrdiff_t>(offset + n)),
                          sw::kOk};
    }
    case 0x84: {  // GET CHALLENGE
      if (!m_application_selected) return status(sw::kConditionsNotSatisfied);
      if (command.le != 8) return status(sw::kWrongLength);
      std::array<std::uint8_t, 8> challenge{};
      if (m_random.rnd_ic)
        challenge = *m_random.rnd_ic;
      else
        random_bytes(challenge);
      m_challenge = challenge;
      return ResponseApdu{Bytes(challenge.begin(), challenge.end()), sw::kOk};
    }
    case 0x82:
      return external_authenticate(command);
    default:
      return status(sw::kInsNotSupported);
  }
}

ResponseApdu VirtualPassport::external_authenticate(const CommandApdu& command) {
  if (!m_challenge) return status(sw::kConditionsNotSatisfied);
  const std::array<std::uint8_t, 8> rnd_ic = *m_challenge;
  m_challenge.reset();  // one attempt per challenge
  if (command.data.size() != 40) return status(sw::kWrongLength);
  const ByteView e_ifd(command.data.data(), 32);
  auto mac = retail_mac(m_bac_keys.mac, e_ifd);
  if (!mac || !equal_secret(*mac, ByteView(command.data.data() + 32, 8)))
    return status(sw::kSecurityNotSatisfied);
  auto s = tdes_decrypt(m_bac_keys.enc, e_ifd);
  if (!s || !std::equal(rnd_ic.begin(), rnd_ic.end(), s->begin() + 8))
    return status(sw::kSecurityNotSatisfied);
  std::array<std::uint8_t, 16> k_ic{};
  if (m_random.k_ic)
    k_ic = *m_random.k_ic;
  else
    random_bytes(k_ic);
  const ByteView rnd_ifd(s->data(), 8);
  const ByteView k_ifd(s->data() + 16, 16);
  Bytes r(rnd_ic.begin(), rnd_ic.end());
  append(r, rnd_ifd);
  append(r, k_ic);
  auto e_ic = tdes_encrypt(m_bac_keys.enc, r);
  if (!e_ic) return status(sw::kConditionsNotSatisfied);
  auto m_ic = retail_mac(m_bac_keys.mac, *e_ic);
  if (!m_ic) return status(sw::kConditionsNotSatisfied);
  m_sm.emplace(derive_session_keys(k_ifd, k_ic), initial_ssc(rnd_ic, rnd_ifd));
  Bytes answer = *e_ic;
  append(answer, *m_ic);
  return ResponseApdu{answer, sw::kOk};
}

}  // namespace pk::cardreader::icao
