// ICAO Doc 9303 part 11 appendix D: the worked example of BAC key derivation (D.2),
// mutual authentication and session keys (D.3) and secure messaging (D.4), value by value.
#include <gtest/gtest.h>

#include "drivers/cardreader/apps/icao/bac.h"
#include "drivers/cardreader/apps/icao/bac_crypto.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/secure_messaging.h"

namespace pk::cardreader::icao {
namespace {

Key16 key16(std::string_view text) {
  const Bytes bytes = hex(text);
  Key16 key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

std::string hex_of(ByteView bytes) { return to_hex(bytes); }

TEST(IcaoAppendixD, D2KeyDerivationFromTheMrz) {
  auto key = MrzKey::make("L898902C<", "690806", "940623");
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(key->key_text(), "L898902C<369080619406236");
  const std::string text = key->key_text();
  const Bytes hash = sha1(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  EXPECT_EQ(to_hex(ByteView(hash.data(), 16)), "239AB9CB282DAF66231DC5A4DF6BFBAE");
  const SessionKeys keys = derive_bac_keys(*key);
  EXPECT_EQ(hex_of(keys.enc), "AB94FDECF2674FDFB9B391F85D7F76F2");
  EXPECT_EQ(hex_of(keys.mac), "7962D9ECE03D1ACD4C76089DCE131543");
}

TEST(IcaoAppendixD, ParityAdjustmentSetsOddParityOnly) {
  Bytes key = hex("AA95FDEDF3664FDEB8B390F85C7E77F3");  // D.2's Ka||Kb before adjustment
  adjust_parity(key);
  EXPECT_EQ(to_hex(key), "AB94FDECF2674FDFB9B391F85D7F76F2");
}

TEST(IcaoAppendixD, D3MutualAuthenticationCryptograms) {
  const Key16 k_enc = key16("AB94FDECF2674FDFB9B391F85D7F76F2");
  const Key16 k_mac = key16("7962D9ECE03D1ACD4C76089DCE131543");
  const Bytes s = hex("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B");
  auto e_ifd = tdes_encrypt(k_enc, s);
  ASSERT_TRUE(e_ifd);
  EXPECT_EQ(to_hex(*e_ifd), "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
  auto m_ifd = retail_mac(k_mac, *e_ifd);
  ASSERT_TRUE(m_ifd);
  EXPECT_EQ(hex_of(*m_ifd), "5F1448EEA8AD90A7");

  // The chip's answer, checked and decrypted as the terminal does.
  const Bytes e_ic = hex("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F");
  auto m_ic = retail_mac(k_mac, e_ic);
  ASSERT_TRUE(m_ic);
  EXPECT_EQ(hex_of(*m_ic), "2F2D235D074D7449");
  auto r = tdes_decrypt(k_enc, e_ic);
  ASSERT_TRUE(r);
  EXPECT_EQ(to_hex(*r), "4608F91988702212781723860C06C2260B4F80323EB3191CB04970CB4052790B");

  const SessionKeys session =
      derive_session_keys(hex("0B795240CB7049B01C19B33E32804F0B"), hex("0B4F80323EB3191CB04970CB4052790B"));
  EXPECT_EQ(hex_of(session.enc), "979EC13B1CBFE9DCD01AB0FED307EAE5");
  EXPECT_EQ(hex_of(session.mac), "F1CB1F1FB5ADF208806B89DC579DC1F8");
  EXPECT_EQ(initial_ssc(hex("4608F91988702212"), hex("781723860C06C226")), 0x887022120C06C226ULL);
}

class IcaoAppendixD4 : public ::testing::Test {
 protected:
  SecureMessaging m_sm{
      SessionKeys{key16("979EC13B1CBFE9DCD01AB0FED307EAE5"), key16("F1CB1F1FB5ADF208806B89DC579DC1F8")},
      0x887022120C06C226ULL};
};

TEST_F(IcaoAppendixD4, SelectEfComReadHeaderReadRest) {
  // SELECT EF.COM
  auto select = m_sm.protect(CommandApdu{0x00, 0xA4, 0x02, 0x0C, hex("011E"), std::nullopt});
  ASSERT_TRUE(select);
  // Doc 9303 shows this command with a trailing Le of 00, which protect() adds.
  EXPECT_EQ(to_hex(*select), "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
  auto selected = m_sm.unprotect_response(hex("990290008E08FA855A5D4C50A8ED9000"));
  ASSERT_TRUE(selected) << selected.error().message;
  EXPECT_EQ(selected->sw, 0x9000);
  EXPECT_TRUE(selected->data.empty());

  // READ BINARY of the first four bytes
  auto read4 = m_sm.protect(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4});
  ASSERT_TRUE(read4);
  EXPECT_EQ(to_hex(*read4), "0CB000000D9701048E08ED6705417E96BA5500");
  auto head = m_sm.unprotect_response(hex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"));
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_EQ(to_hex(head->data), "60145F01");

  // READ BINARY of the remaining 18 bytes from offset 4
  auto read18 = m_sm.protect(CommandApdu{0x00, 0xB0, 0x00, 0x04, {}, 0x12});
  ASSERT_TRUE(read18);
  EXPECT_EQ(to_hex(*read18), "0CB000040D9701128E082EA28A70F3C7B53500");
  auto rest = m_sm.unprotect_response(
      hex("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_EQ(to_hex(rest->data), "04303130365F36063034303030305C026175");
  EXPECT_EQ(m_sm.ssc(), 0x887022120C06C22CULL);
}

TEST_F(IcaoAppendixD4, ATamperedResponseIsRefused) {
  ASSERT_TRUE(m_sm.protect(CommandApdu{0x00, 0xA4, 0x02, 0x0C, hex("011E"), std::nullopt}));
  // Status changed from 9000 to 6A82 inside DO'99': the MAC no longer holds.
  auto forged = m_sm.unprotect_response(hex("99026A828E08FA855A5D4C50A8ED9000"));
  ASSERT_FALSE(forged);
  EXPECT_NE(forged.error().message.find("MAC"), std::string::npos);
}

TEST_F(IcaoAppendixD4, AResponseWithoutSecureMessagingEndsTheSession) {
  ASSERT_TRUE(m_sm.protect(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4}));
  auto plain = m_sm.unprotect_response(hex("6988"));
  ASSERT_FALSE(plain);
  EXPECT_NE(plain.error().message.find("6988"), std::string::npos);
}

TEST(IcaoAppendixD4CardSide, TheCardSideReadsWhatTheTerminalWrote) {
  const SessionKeys keys{key16("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                         key16("F1CB1F1FB5ADF208806B89DC579DC1F8")};
  SecureMessaging card(keys, 0x887022120C06C226ULL);
  auto received = parse_command(hex("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"));
  ASSERT_TRUE(received);
  auto plain = card.unprotect_command(*received);
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(to_hex(plain->data), "011E");
  auto answer = card.protect_response(ResponseApdu{{}, 0x9000});
  ASSERT_TRUE(answer);
  EXPECT_EQ(to_hex(*answer), "990290008E08FA855A5D4C50A8ED9000");
}

TEST(IcaoCrypto, UnpadRefusesDataWithoutPadding) {
  EXPECT_FALSE(unpad(hex("0102030405060708")));
  EXPECT_FALSE(unpad(hex("0000000000000000")));
  auto ok = unpad(hex("0102038000000000"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(to_hex(*ok), "010203");
}

}  // namespace
}  // namespace pk::cardreader::icao
