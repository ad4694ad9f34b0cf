#include "drivers/cardreader/apps/icao/secure_messaging.h"

#include "base/secure_wipe.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

namespace {

constexpr std::uint8_t kSmClass = 0x0C;  // secure messaging, header authenticated

Bytes masked_header(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2) {
  return pad(Bytes{static_cast<std::uint8_t>(cla | kSmClass), ins, p1, p2});
}

Bytes le_byte(int le) { return {static_cast<std::uint8_t>(le == 256 ? 0 : le)}; }

}  // namespace

Bytes SecureMessaging::ssc_bytes() const {
  Bytes out(8);
  for (int i = 0; i < 8; ++i)
    out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>((m_ssc >> (56 - 8 * i)) & 0xFF);
  return out;
}

void secure_wipe(SessionKeys& keys) {
  pk::secure_wipe(keys.enc.data(), keys.enc.size());
  pk::secure_wipe(keys.mac.data(), keys.mac.size());
}

SecureMessaging::~SecureMessaging() {
  secure_wipe(m_keys);
  pk::secure_wipe(&m_ssc, sizeof(m_ssc));
}

Result<Bytes> SecureMessaging::protect(const CommandApdu& plain) {
  Bytes objects;
  if (!plain.data.empty()) {
    auto encrypted = tdes_encrypt(m_keys.enc, pad(plain.data));
    if (!encrypted) return encrypted.error();
    Bytes value{0x01};  // padding-content indicator: ISO 9797-1 method 2
    append(value, *encrypted);
    append(objects, encode_tlv(0x87, value));
  }
  if (plain.le) append(objects, encode_tlv(0x97, le_byte(*plain.le)));
  ++m_ssc;
  Bytes n = ssc_bytes();
  append(n, masked_header(plain.cla, plain.ins, plain.p1, plain.p2));
  append(n, objects);
  auto mac = retail_mac(m_keys.mac, n);
  if (!mac) return mac.error();
  append(objects, encode_tlv(0x8E, *mac));
  CommandApdu out{
      static_cast<std::uint8_t>(plain.cla | kSmClass), plain.ins, plain.p1, plain.p2, objects, 256};
  if (objects.size() > 255) return make_error("protected command is too long for a short APDU");
  return out.encode();
}

Result<ResponseApdu> SecureMessaging::unprotect_response(ByteView response) {
  auto parsed = parse_response(response);
  if (!parsed) return parsed.error();
  if (parsed->data.empty())
    return make_error("card answered " + to_hex(response) +
                      " without secure messaging: it has ended the session");
  auto objects = parse_tlvs(parsed->data);
  if (!objects) return make_error("secure messaging response is malformed: " + objects.error().message);
  std::optional<Tlv> do87;
  std::optional<Tlv> do99;
  std::optional<Tlv> do8e;
  Bytes mac_input;
  for (const Tlv& tlv : *objects) {
    const ByteView whole = tlv.encoded;
    if (tlv.tag == 0x87 && !do87 && !do99 && !do8e) {
      do87 = tlv;
      append(mac_input, whole);
    } else if (tlv.tag == 0x99 && !do99 && !do8e) {
      do99 = tlv;
      append(mac_input, whole);
    } else if (tlv.tag == 0x8E && !do8e) {
      do8e = tlv;
    } else
      return make_error("secure messaging response has an unexpected or repeated object");
  }
  if (!do99 || do99->value.size() != 2)
    return make_error("secure messaging response has no status object DO'99'");
  if (!do8e || do8e->value.size() != 8)
    return make_error("secure messaging response has no MAC object DO'8E'");
  ++m_ssc;
  auto mac = retail_mac(m_keys.mac, concat(ssc_bytes(), mac_input));
  if (!mac) return mac.error();
  if (!equal_secret(*mac, do8e->value)) return make_error("secure messaging response MAC is wrong");
  ResponseApdu out;
  out.sw = static_cast<std::uint16_t>((do99->value[0] << 8) | do99->value[1]);
  if (do87) {
    if (do87->value.size() < 9 || do87->value[0] != 0x01 || (do87->value.size() - 1) % 8 != 0)
      return make_error("secure messaging data object DO'87' is malformed");
    auto plain = tdes_decrypt(m_keys.enc, do87->value.subspan(1));
    if (!plain) return plain.error();
    auto unpadded = unpad(*plain);
    if (!unpadded) return unpadded.error();
    out.data = std::move(*unpadded);
  }
  return out;
}

Result<CommandApdu> SecureMessaging::unprotect_command(const CommandApdu& received) {
  if ((received.cla & kSmClass) != kSmClass) return make_error("command is not protected");
  auto objects = parse_tlvs(received.data);
  if (!objects) return objects.error();
  CommandApdu plain{static_cast<std::uint8_t>(received.cla & ~kSmClass),
                    received.ins,
                    received.p1,
                    received.p2,
                    {},
                    std::nullopt};
  Bytes mac_input = masked_header(received.cla, received.ins, received.p1, received.p2);
  std::optional<Tlv> do8e;
  for (const Tlv& tlv : *objects) {
    const ByteView whole = tlv.encoded;
    if (tlv.tag == 0x87 || tlv.tag == 0x97) {
      if (do8e) return make_error("object after the MAC");
      append(mac_input, whole);
      if (tlv.tag == 0x97) {
        if (tlv.value.size() != 1) return make_error("DO'97' is not one byte");
        plain.le = tlv.value[0] == 0 ? 256 : tlv.value[0];
      } else {
        if (tlv.value.size() < 9 || tlv.value[0] != 0x01) return make_error("DO'87' malformed");
        auto decrypted = tdes_decrypt(m_keys.enc, tlv.value.subspan(1));
        if (!decrypted) return decrypted.error();
        auto unpadded = unpad(*decrypted);
        if (!unpadded) return unpadded.error();
        plain.data = std::move(*unpadded);
      }
    } else if (tlv.tag == 0x8E && tlv.value.size() == 8) {
      do8e = tlv;
    } else {
      return make_error("unexpected object in a protected command");
    }
  }
  if (!do8e) return make_error("protected command has no MAC");
  ++m_ssc;
  auto mac = retail_mac(m_keys.mac, concat(ssc_bytes(), mac_input));
  if (!mac) return mac.error();
  if (!equal_secret(*mac, do8e->value)) return make_error("protected command MAC is wrong");
  return plain;
}

Result<Bytes> SecureMessaging::protect_response(const ResponseApdu& plain) {
  Bytes objects;
  if (!plain.data.empty()) {
    auto encrypted = tdes_encrypt(m_keys.enc, pad(plain.data));
    if (!encrypted) return encrypted.error();
    Bytes value{0x01};
    append(value, *encrypted);
    append(objects, encode_tlv(0x87, value));
  }
  append(objects, encode_tlv(0x99, Bytes{plain.sw1(), plain.sw2()}));
  ++m_ssc;
  auto mac = retail_mac(m_keys.mac, concat(ssc_bytes(), objects));
  if (!mac) return mac.error();
  append(objects, encode_tlv(0x8E, *mac));
  objects.push_back(plain.sw1());
  objects.push_back(plain.sw2());
  return objects;
}

}  // namespace pk::cardreader::icao
