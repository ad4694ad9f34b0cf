// ATR (ISO 7816-3), BER-TLV, MRZ and EF.SOD parsing on real and broken inputs.
#include <gtest/gtest.h>

#include "drivers/cardreader/apps/icao/data_groups.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/atr.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader {
namespace {

TEST(Atr, JcopJavaCardT1) {
  // NXP JCOP 2.4.1 (smartcard_list): TA1=13, TD1 -> T=1, TD2 -> T=1 TA3 TB3, TCK B7.
  auto atr = parse_atr(hex("3BF81300008131FE454A434F5076323431B7"));
  ASSERT_TRUE(atr) << atr.error().message;
  EXPECT_EQ(atr->convention, Convention::Direct);
  EXPECT_EQ(std::string(atr->historical.begin(), atr->historical.end()), "JCOPv241");
  EXPECT_TRUE(atr->offers(1));
  EXPECT_FALSE(atr->offers(0));
  ASSERT_TRUE(atr->tck);
  EXPECT_EQ(*atr->tck, 0xB7);
  EXPECT_EQ(atr->fi(), 372);
  EXPECT_EQ(atr->di(), 4);
  ASSERT_GE(atr->groups.size(), 3U);
  EXPECT_EQ(atr->groups[2].ta, 0xFE);  // IFSC 254
  EXPECT_EQ(atr->groups[2].tb, 0x45);
}

TEST(Atr, BelgianEidT0HasNoTck) {
  auto atr = parse_atr(hex("3B9813400AA503010101AD1311"));
  ASSERT_TRUE(atr) << atr.error().message;
  EXPECT_EQ(atr->protocols, std::vector<int>{0});
  EXPECT_FALSE(atr->tck);
  EXPECT_EQ(atr->historical.size(), 8U);
}

TEST(Atr, ContactlessStorageCardsByName) {
  auto classic = parse_atr(hex("3B8F8001804F0CA000000306030001000000006A"));
  ASSERT_TRUE(classic) << classic.error().message;
  auto storage = contactless_storage_card(*classic);
  ASSERT_TRUE(storage);
  EXPECT_EQ(storage->standard, 0x03);
  EXPECT_EQ(storage->card_name, 0x0001);
  EXPECT_FALSE(is_contactless_processor_card(*classic));
  auto ultralight_c = parse_atr(hex("3B8F8001804F0CA0000003060300 3A0000000051"));
  ASSERT_TRUE(ultralight_c) << ultralight_c.error().message;
  EXPECT_EQ(contactless_storage_card(*ultralight_c)->card_name, 0x003A);
}

TEST(Atr, ContactlessProcessorCard) {
  auto passport =
      parse_atr(hex("3B8880010000000000000000"
                    "09"));
  ASSERT_TRUE(passport) << passport.error().message;
  EXPECT_TRUE(is_contactless_processor_card(*passport));
}

TEST(Atr, RefusesBrokenAtrs) {
  EXPECT_FALSE(parse_atr(hex("3BF81300008131FE454A434F5076323431B6")));  // TCK off by one
  EXPECT_FALSE(parse_atr(hex("3BF81300008131FE454A434F50763234")));      // cut in the historical bytes
  EXPECT_FALSE(parse_atr(hex("3A9813400AA503010101AD1311")));            // TS neither 3B nor 3F
  EXPECT_FALSE(parse_atr(hex("3B9813400AA503010101AD131100")));          // trailing byte
  EXPECT_FALSE(parse_atr(hex("3B")));
  EXPECT_FALSE(parse_atr(hex("3BF0")));  // TA1..TD1 announced, absent
  EXPECT_FALSE(parse_atr(Bytes(34, 0x3B)));
}

TEST(BerTlv, MultiByteTagsAndLongLengths) {
  Bytes value(300, 0xAB);
  const Bytes encoded = encode_tlv(0x5F2E, value);
  EXPECT_EQ(to_hex(ByteView(encoded.data(), 5)), "5F2E82012C");
  auto tlv = parse_tlv(encoded);
  ASSERT_TRUE(tlv);
  EXPECT_EQ(tlv->tag, 0x5F2EU);
  EXPECT_EQ(tlv->value.size(), 300U);
  EXPECT_EQ(tlv->size, encoded.size());
  EXPECT_FALSE(tlv_total_size(ByteView(encoded.data(), 4)));  // the length field is cut short
  auto total = tlv_total_size(ByteView(encoded.data(), 5));
  ASSERT_TRUE(total);
  EXPECT_EQ(*total, 305U);  // 2 tag bytes, 3 length bytes, 300 value bytes
  EXPECT_TRUE(parse_tlv(hex("7F6100"))->constructed());
}

TEST(BerTlv, RefusesLiesAboutLength) {
  EXPECT_FALSE(parse_tlv(hex("5F1F05414243")));        // 5 announced, 3 present
  EXPECT_FALSE(parse_tlv(hex("5F")));                  // tag cut short
  EXPECT_FALSE(parse_tlv(hex("618500000000010000")));  // five length bytes
  EXPECT_FALSE(parse_tlv(hex("6180")));                // indefinite length
  EXPECT_FALSE(parse_tlv(hex("61840FFFFFFF00")));      // 268 MB announced
  EXPECT_FALSE(parse_tlvs(hex("610100FF")));
}

namespace icao = pk::cardreader::icao;

// The Doc 9303 part 4 specimen.
constexpr std::string_view kSpecimen =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

TEST(Mrz, ParsesTheDoc9303Specimen) {
  auto mrz = icao::parse_mrz(kSpecimen);
  ASSERT_TRUE(mrz) << mrz.error().message;
  EXPECT_EQ(mrz->document_code, "P");
  EXPECT_EQ(mrz->issuing_state, "UTO");
  EXPECT_EQ(mrz->surname, "ERIKSSON");
  EXPECT_EQ(mrz->given_names, "ANNA MARIA");
  EXPECT_EQ(mrz->document_number, "L898902C3");
  EXPECT_EQ(mrz->nationality, "UTO");
  EXPECT_EQ(mrz->birth_date, (icao::MrzDate{1974, 8, 12}));
  EXPECT_EQ(mrz->sex, icao::Sex::Female);
  EXPECT_EQ(mrz->expiry_date, (icao::MrzDate{2012, 4, 15}));
  EXPECT_EQ(mrz->optional_data, "ZE184226B");
  auto key = mrz->key();
  ASSERT_TRUE(key);
  // The nine-character number L898902C3 needs no filler; its check digit is 6.
  EXPECT_EQ(key->key_text(), "L898902C3674081221204159");
}

TEST(Mrz, CheckDigits) {
  EXPECT_EQ(icao::check_digit("L898902C<"), 3);
  EXPECT_EQ(icao::check_digit("690806"), 1);
  EXPECT_EQ(icao::check_digit("940623"), 6);
  EXPECT_EQ(icao::check_digit("<<<<"), 0);
  EXPECT_EQ(icao::check_digit("ab"), -1);
}

TEST(Mrz, NamesTheFieldThatWasMistyped) {
  std::string typo(kSpecimen);
  typo[45 + 13] = '5';  // birth date 740812 -> 750812 on line 2
  auto mrz = icao::parse_mrz(typo);
  ASSERT_FALSE(mrz);
  EXPECT_NE(mrz.error().message.find("date of birth"), std::string::npos) << mrz.error().message;
  EXPECT_FALSE(icao::parse_mrz("P<UTO"));
  EXPECT_FALSE(icao::parse_mrz(std::string(kSpecimen).replace(0, 1, "I")));
}

TEST(Mrz, TypedKeyIsNormalisedAndValidated) {
  auto key = icao::MrzKey::make("l898 902c", "690806", "940623");
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(key->key_text(), "L898902C<369080619406236");
  EXPECT_FALSE(icao::MrzKey::make("L898902C", "691306", "940623"));  // month 13
  EXPECT_FALSE(icao::MrzKey::make("L898902C", "6908", "940623"));
  EXPECT_FALSE(icao::MrzKey::make("", "690806", "940623"));
  EXPECT_FALSE(icao::MrzKey::make("L89-8902", "690806", "940623"));
}

TEST(Sod, RoundTripAndRefusals) {
  const Bytes h1(32, 0x11);
  const Bytes h2(32, 0x22);
  const Bytes sod = icao::encode_sod(icao::HashAlgorithm::Sha256, {{1, h1}, {2, h2}});
  auto parsed = icao::parse_sod(sod);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->algorithm, icao::HashAlgorithm::Sha256);
  EXPECT_EQ(parsed->hashes.at(1), h1);
  EXPECT_EQ(parsed->hashes.at(2), h2);
  EXPECT_FALSE(parsed->has_signer_info);
  Bytes cut(sod.begin(), sod.end() - 10);
  EXPECT_FALSE(icao::parse_sod(cut));
  Bytes wrong_tag = sod;
  wrong_tag[0] = 0x78;
  EXPECT_FALSE(icao::parse_sod(wrong_tag));
  // A hash of the wrong size for SHA-256 is refused, not truncated.
  EXPECT_FALSE(icao::parse_sod(icao::encode_sod(icao::HashAlgorithm::Sha1, {{1, h1}})));
}

TEST(DataGroups, Dg1AndDg2Refusals) {
  EXPECT_FALSE(icao::parse_dg1(hex("6103 5F1F00")));
  EXPECT_FALSE(icao::parse_dg1(hex("75035F1F00")));
  EXPECT_FALSE(icao::parse_dg2(hex("7500")));
  EXPECT_FALSE(icao::parse_dg2(hex("75087F61050201017F60")));
}

}  // namespace
}  // namespace pk::cardreader
