// Passive authentication end to end over the simulated reader: a test CSCA and document
// signers made here with OpenSSL sign the chip's EF.SOD, and the read's answer is judged
// against master lists built from them. Each refusal has its own kind.
#include <gtest/gtest.h>

#include <algorithm>

#include "drivers/cardreader/apps/icao/csca_master_list.h"
#include "drivers/cardreader/apps/icao/lds_reader.h"
#include "drivers/cardreader/apps/icao/passive_auth.h"
#include "drivers/cardreader/apps/icao/read_passport.h"
#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/apps/icao/virtual_passport.h"
#include "drivers/cardreader/sim_card_reader.h"
#include "tests/drivers/cardreader/test_pki.h"

namespace pk::cardreader::icao {
namespace {

using test_pki::Clock;
using test_pki::TestCsca;

MrzKey appendix_d_key() { return MrzKey::make("L898902C", "690806", "940623").value(); }

TestPassportSpec signed_by(const SodSigner& signer) {
  TestPassportSpec spec;
  spec.signer = signer;
  return spec;
}

// Reads `passport` through the simulated reader with `list` as the terminal's master list.
Result<PassportIdentity> read_with(const TestPassport& passport, const CscaMasterList* list) {
  SimCardReader reader;
  reader.insert(std::make_shared<VirtualPassport>(passport));
  ReadOptions options;
  options.master_list = list;
  PassportReadReport report;
  return read_passport(reader, appendix_d_key(), options, report);
}

class PassiveAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_csca = std::make_unique<TestCsca>(TestCsca::make("UT"));
    m_revoked_serial = 66;
    auto list = parse_master_list(
        test_pki::master_list_text(1, {m_csca->certificate_pem()}, {m_csca->crl_pem({m_revoked_serial})}));
    ASSERT_TRUE(list) << list.error().message;
    m_list = std::move(list.value());
  }

  std::unique_ptr<TestCsca> m_csca;
  long m_revoked_serial = 0;
  CscaMasterList m_list;
};

TEST_F(PassiveAuthTest, GenuineChipIsVerified) {
  auto passport = make_test_passport(signed_by(m_csca->issue_current_signer(10)));
  ASSERT_TRUE(passport) << passport.error().message;
  auto id = read_with(*passport, &m_list);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::Verified) << id->authenticity.reason;
  EXPECT_EQ(id->document_number, "L898902C");
}

TEST_F(PassiveAuthTest, WithoutAMasterListNothingIsVerified) {
  auto passport = make_test_passport(signed_by(m_csca->issue_current_signer(11)));
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, nullptr);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::NoMasterList);
}

TEST_F(PassiveAuthTest, UnsignedSecurityObjectIsNotVerified) {
  auto passport = make_test_passport(TestPassportSpec{});
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, &m_list);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::SignatureInvalid) << id->authenticity.reason;
}

// The forger's best move without the signer's key: edit DG1, put its new hash into EF.SOD in
// place of the old one, and leave the signature as it was.
TEST_F(PassiveAuthTest, EditedDg1WithRecomputedHashHasAnInvalidSignature) {
  auto genuine = make_test_passport(signed_by(m_csca->issue_current_signer(12)));
  ASSERT_TRUE(genuine);
  TestPassportSpec edited_spec;
  edited_spec.surname = "MALLORY";  // same number and dates: the same BAC key opens it
  auto edited = make_test_passport(edited_spec);
  ASSERT_TRUE(edited);

  TestPassport forged = *genuine;
  const Bytes& new_dg1 = edited->files.at(fid::kDg1);
  const Bytes old_hash = digest(HashAlgorithm::Sha256, genuine->files.at(fid::kDg1));
  const Bytes new_hash = digest(HashAlgorithm::Sha256, new_dg1);
  Bytes& sod = forged.files.at(fid::kSod);
  auto at = std::search(sod.begin(), sod.end(), old_hash.begin(), old_hash.end());
  ASSERT_NE(at, sod.end()) << "EF.SOD lists DG1's hash";
  std::copy(new_hash.begin(), new_hash.end(), at);
  forged.files[fid::kDg1] = new_dg1;

  auto id = read_with(forged, &m_list);
  ASSERT_TRUE(id) << "the hashes match, so the read itself succeeds: " << id.error().message;
  EXPECT_EQ(id->surname, "MALLORY");
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::SignatureInvalid) << id->authenticity.reason;
}

TEST_F(PassiveAuthTest, ExpiredSignerIsRefused) {
  const auto now = Clock::now();
  auto passport = make_test_passport(signed_by(
      m_csca->issue_signer(13, now - std::chrono::hours(24 * 400), now - std::chrono::hours(24 * 35))));
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, &m_list);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::SignerExpired) << id->authenticity.reason;
}

TEST_F(PassiveAuthTest, SignerOfACscaNotInTheListIsUnknown) {
  const TestCsca other = TestCsca::make("UT");  // same country, another key: not in the list
  auto passport = make_test_passport(signed_by(other.issue_current_signer(14)));
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, &m_list);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::UnknownCsca) << id->authenticity.reason;
}

TEST_F(PassiveAuthTest, RevokedSignerIsRefused) {
  auto passport = make_test_passport(signed_by(m_csca->issue_current_signer(m_revoked_serial)));
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, &m_list);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::SignerRevoked) << id->authenticity.reason;
}

TEST_F(PassiveAuthTest, CscaWithoutItsRevocationListIsNotTrusted) {
  auto no_crl = parse_master_list(test_pki::master_list_text(2, {m_csca->certificate_pem()}, {}));
  ASSERT_TRUE(no_crl) << no_crl.error().message;
  auto passport = make_test_passport(signed_by(m_csca->issue_current_signer(15)));
  ASSERT_TRUE(passport);
  auto id = read_with(*passport, &*no_crl);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::NoRevocationList) << id->authenticity.reason;
}

// A data group that does not match EF.SOD is a failed read, not an unverified chip.
TEST_F(PassiveAuthTest, HashMismatchIsStillAFailedRead) {
  auto passport = make_test_passport(signed_by(m_csca->issue_current_signer(16)));
  ASSERT_TRUE(passport);
  TestPassportSpec edited_spec;
  edited_spec.surname = "MALLORY";
  auto edited = make_test_passport(edited_spec);
  ASSERT_TRUE(edited);
  passport->files[fid::kDg1] = edited->files.at(fid::kDg1);
  SimCardReader reader;
  reader.insert(std::make_shared<VirtualPassport>(*passport));
  ReadOptions options;
  options.master_list = &m_list;
  PassportReadReport report;
  auto id = read_passport(reader, appendix_d_key(), options, report);
  ASSERT_FALSE(id);
  EXPECT_EQ(report.failure, ReadFailure::HashMismatch) << id.error().message;
}

TEST(CscaMasterList, ParsesVersionCertificatesAndCrls) {
  const TestCsca a = TestCsca::make("UT");
  const TestCsca b = TestCsca::make("IR");
  auto list = parse_master_list(test_pki::master_list_text(7, {a.certificate_pem(), b.certificate_pem()},
                                                           {a.crl_pem({}), b.crl_pem({3})}));
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->version(), 7);
  EXPECT_EQ(list->certificate_count(), 2);
  EXPECT_EQ(list->crl_count(), 2);
}

TEST(CscaMasterList, RefusesWhatIsNotAMasterList) {
  const TestCsca a = TestCsca::make("UT");
  EXPECT_FALSE(parse_master_list(""));
  EXPECT_FALSE(parse_master_list("pishkhan-csca-master-list 1\n")) << "no CSCA in it";
  EXPECT_FALSE(parse_master_list("pishkhan-csca-master-list x\n" + a.certificate_pem())) << "bad version";
  EXPECT_FALSE(parse_master_list("pishkhan-csca-master-list 0\n" + a.certificate_pem())) << "bad version";
  EXPECT_FALSE(parse_master_list(a.certificate_pem())) << "no header";
  // A document signer is not a CA: it may not anchor anything.
  const SodSigner signer = a.issue_current_signer(5);
  EXPECT_FALSE(parse_master_list("pishkhan-csca-master-list 1\n" + signer.certificate_pem));
  std::string damaged = a.certificate_pem();
  damaged[damaged.size() / 2] = '!';
  EXPECT_FALSE(parse_master_list("pishkhan-csca-master-list 1\n" + damaged));
}

}  // namespace
}  // namespace pk::cardreader::icao
