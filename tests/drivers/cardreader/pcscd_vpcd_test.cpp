// The real pcscd with the vsmartcard vpcd reader driver, and this project's virtual cards
// served to it over the vpcd protocol (VpcdCard): hot-plug events, a full passport read,
// a wrong MRZ, a garbage card and a card pulled halfway, all through libpcsclite.
#include <gtest/gtest.h>

#include <algorithm>

#include "drivers/cardreader/apps/icao/lds_reader.h"
#include "drivers/cardreader/apps/icao/read_passport.h"
#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/apps/icao/virtual_passport.h"
#include "drivers/cardreader/pcsc_reader.h"
#include "drivers/cardreader/vpcd_card.h"
#include "tests/drivers/cardreader/pcscd_fixture.h"
#include "tests/drivers/cardreader/test_pki.h"

namespace pk::cardreader::icao {
namespace {

using namespace std::chrono_literals;

class PcscVpcd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_skip = s_pcscd.start(); }
  static void TearDownTestSuite() { s_pcscd.stop(); }
  void SetUp() override {
    if (!s_skip.empty()) GTEST_SKIP() << s_skip;
    ASSERT_TRUE(m_reader.open());
    wait_until_empty();
  }

  // The previous card may not have been noticed gone yet (vpcd checks presence about every
  // 400 ms): wait for pcscd to report the reader empty, so the next insertion is ours.
  void wait_until_empty() {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    for (;;) {
      auto readers = m_reader.readers();
      ASSERT_TRUE(readers) << readers.error().message;
      if (readers->empty() || !readers->front().card_present) break;
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the reader never became empty";
      ASSERT_TRUE(m_reader.wait_for_events(1s));
    }
  }

  // Inserts `card` and waits for pcscd to report it (vpcd notices a card within ~1 s).
  void insert(VpcdCard& card) {
    ASSERT_TRUE(card.insert(s_pcscd.vpcd_port(), 5s));
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      auto events = m_reader.wait_for_events(2s);
      ASSERT_TRUE(events) << events.error().message;
      for (const ReaderEvent& e : *events)
        if (e.kind == ReaderEventKind::CardInserted) return;
    }
    FAIL() << "pcscd never reported the card; see " << s_pcscd.log_path();
  }

  static inline testing::PcscdFixture s_pcscd;
  static inline std::string s_skip;
  PcscReader m_reader;
};

MrzKey appendix_d_key() { return MrzKey::make("L898902C", "690806", "940623").value(); }

std::shared_ptr<VirtualCard> card(std::string_view profile) { return make_virtual_card(profile).value(); }

TEST_F(PcscVpcd, SeesTheReaderAndACardComingAndGoing) {
  auto readers = m_reader.readers();
  ASSERT_TRUE(readers) << readers.error().message;
  ASSERT_FALSE(readers->empty());
  EXPECT_NE(readers->front().name.find("Virtual PCD"), std::string::npos);

  VpcdCard passport(card("passport"));
  insert(passport);
  readers = m_reader.readers();
  ASSERT_TRUE(readers);
  EXPECT_TRUE(readers->front().card_present);
  EXPECT_EQ(to_hex(readers->front().atr), to_hex(card("passport")->atr()));

  passport.remove();
  bool removed = false;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!removed && std::chrono::steady_clock::now() < deadline) {
    auto events = m_reader.wait_for_events(2s);
    ASSERT_TRUE(events);
    for (const ReaderEvent& e : *events) removed = removed || e.kind == ReaderEventKind::CardRemoved;
  }
  EXPECT_TRUE(removed);
}

// A reader saved by name ("pcsc:<name>", what device set-up writes) is the one connect("")
// uses; a saved reader that is not attached is NoReader, not whichever reader has a card.
TEST_F(PcscVpcd, APinnedReaderIsTheOneUsedAndAMissingOneIsNoReader) {
  auto readers = m_reader.readers();
  ASSERT_TRUE(readers) << readers.error().message;
  ASSERT_FALSE(readers->empty());
  VpcdCard passport(card("passport"));
  insert(passport);
  auto pinned = PcscReader::create("pcsc:" + readers->front().name);
  ASSERT_TRUE(pinned);
  EXPECT_EQ((*pinned)->info().connection, "pcsc:" + readers->front().name);
  auto atr = (*pinned)->connect("");
  ASSERT_TRUE(atr) << atr.error().message;
  EXPECT_EQ(to_hex(*atr), to_hex(card("passport")->atr()));
  (*pinned)->disconnect();

  auto missing = PcscReader::create("pcsc:No Such Reader 00 00");
  ASSERT_TRUE(missing);
  auto refused = (*missing)->connect("");
  ASSERT_FALSE(refused) << "a card in another reader is not used";
  EXPECT_EQ((*missing)->card_state(), CardState::NoReader) << refused.error().message;
}

TEST_F(PcscVpcd, ReadsThePassportThroughPcscd) {
  VpcdCard passport(card("passport"));
  insert(passport);
  PassportReadReport report;
  auto id = read_passport(m_reader, appendix_d_key(), ReadOptions{}, report);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->document_number, "L898902C");
  EXPECT_EQ(id->surname, "ERIKSSON");
  EXPECT_EQ(id->hashes, HashCheck::Matched);
  EXPECT_EQ(id->face.width, 120);
  std::printf("passport read through pcscd + vpcd: %d APDUs in %lld ms (target < 3000 ms)\n",
              report.apdu_count, static_cast<long long>(report.elapsed.count()));
  EXPECT_LT(report.elapsed, 3000ms);
}

// Passive authentication over the real PC/SC stack: a chip signed by a document signer of a
// CSCA in the master list is verified; the same chip with DG1 edited and its hash recomputed
// in EF.SOD (not re-signed) reads, but is not verified.
TEST_F(PcscVpcd, ASignedChipIsVerifiedAndAnEditedOneIsNot) {
  const auto csca = test_pki::TestCsca::make("UT");
  auto list = parse_master_list(test_pki::master_list_text(1, {csca.certificate_pem()}, {csca.crl_pem({})}));
  ASSERT_TRUE(list) << list.error().message;
  TestPassportSpec spec;
  spec.signer = csca.issue_current_signer(21);
  auto genuine = make_test_passport(spec);
  ASSERT_TRUE(genuine) << genuine.error().message;
  ReadOptions options;
  options.master_list = &*list;
  {
    VpcdCard passport(std::make_shared<VirtualPassport>(*genuine));
    insert(passport);
    PassportReadReport report;
    auto id = read_passport(m_reader, appendix_d_key(), options, report);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(id->authenticity.outcome, PassiveAuth::Verified) << id->authenticity.reason;
    passport.remove();
  }
  TestPassportSpec edited_spec;
  edited_spec.surname = "MALLORY";
  auto edited = make_test_passport(edited_spec);
  ASSERT_TRUE(edited);
  TestPassport forged = *genuine;
  const Bytes old_hash = digest(HashAlgorithm::Sha256, genuine->files.at(fid::kDg1));
  const Bytes new_hash = digest(HashAlgorithm::Sha256, edited->files.at(fid::kDg1));
  Bytes& sod = forged.files.at(fid::kSod);
  auto at = std::search(sod.begin(), sod.end(), old_hash.begin(), old_hash.end());
  ASSERT_NE(at, sod.end());
  std::copy(new_hash.begin(), new_hash.end(), at);
  forged.files[fid::kDg1] = edited->files.at(fid::kDg1);
  wait_until_empty();
  VpcdCard passport(std::make_shared<VirtualPassport>(forged));
  insert(passport);
  PassportReadReport report;
  auto id = read_passport(m_reader, appendix_d_key(), options, report);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->surname, "MALLORY");
  EXPECT_EQ(id->authenticity.outcome, PassiveAuth::SignatureInvalid) << id->authenticity.reason;
}

TEST_F(PcscVpcd, WrongMrzIsRefusedAndTheRetryWorks) {
  VpcdCard passport(card("passport"));
  insert(passport);
  PassportReadReport report;
  EXPECT_FALSE(
      read_passport(m_reader, MrzKey::make("L898902C", "690806", "950623").value(), ReadOptions{}, report));
  EXPECT_EQ(report.failure, ReadFailure::AccessDenied);
  EXPECT_TRUE(read_passport(m_reader, appendix_d_key()));
}

TEST_F(PcscVpcd, GarbageCardGivesAClearFailure) {
  VpcdCard garbage(card("garbage"));
  insert(garbage);
  for (int attempt = 0; attempt < 5; ++attempt) {
    PassportReadReport report;
    auto id = read_passport(m_reader, appendix_d_key(), ReadOptions{}, report);
    ASSERT_FALSE(id);
    EXPECT_NE(report.failure, ReadFailure::None);
  }
}

TEST_F(PcscVpcd, CardPulledHalfwayThenPutBack) {
  VpcdCard passport(card("passport"));
  insert(passport);
  passport.remove_after(8);  // BAC done, in the middle of the files
  PassportReadReport report;
  auto id = read_passport(m_reader, appendix_d_key(), ReadOptions{}, report);
  ASSERT_FALSE(id);
  EXPECT_EQ(report.failure, ReadFailure::CardRemoved)
      << to_string(report.failure) << ": " << id.error().message;
  passport.remove();
  VpcdCard again(card("passport"));
  insert(again);
  auto retry = read_passport(m_reader, appendix_d_key());
  ASSERT_TRUE(retry) << retry.error().message;
}

}  // namespace
}  // namespace pk::cardreader::icao
