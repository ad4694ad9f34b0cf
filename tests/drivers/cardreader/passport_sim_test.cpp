// Reading the test passport through the simulated reader: the full read, BAC replaying
// Doc 9303 appendix D on the wire, wrong MRZ, removal at every single APDU, garbage and
// unknown cards, a tampered data group, a mute card, reader events.
#include <gtest/gtest.h>

#include <thread>

#include "drivers/cardreader/apps/icao/lds_reader.h"
#include "drivers/cardreader/apps/icao/read_passport.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/apps/icao/virtual_passport.h"
#include "drivers/cardreader/card_identify.h"
#include "drivers/cardreader/card_reader_registry.h"
#include "drivers/cardreader/sim_card_reader.h"

namespace pk::cardreader::icao {
namespace {

using namespace std::chrono_literals;

MrzKey appendix_d_key() { return MrzKey::make("L898902C", "690806", "940623").value(); }

void expect_identity(const PassportIdentity& id) {
  EXPECT_EQ(id.document_number, "L898902C");
  EXPECT_EQ(id.surname, "ERIKSSON");
  EXPECT_EQ(id.given_names, "ANNA MARIA");
  EXPECT_EQ(id.nationality, "UTO");
  EXPECT_EQ(id.birth_date, (MrzDate{1969, 8, 6}));
  EXPECT_EQ(id.expiry_date, (MrzDate{1994, 6, 23}));
  EXPECT_EQ(id.sex, Sex::Female);
  EXPECT_EQ(id.hashes, HashCheck::Matched);
  EXPECT_EQ(id.authenticity.outcome, PassiveAuth::NoMasterList) << "no master list was given";
  EXPECT_EQ(id.face.width, 120);
  EXPECT_EQ(id.face.height, 150);
  EXPECT_EQ(id.face.pixels.size(), 120U * 150U * 3U);
}

// Mean absolute difference per channel between two RGB images of one size.
double difference(const RgbImage& a, const RgbImage& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
  return sum / static_cast<double>(a.pixels.size());
}

TEST(PassportSim, FullReadWithJpegFace) {
  SimCardReader reader;
  ASSERT_TRUE(reader.open());
  ASSERT_TRUE(reader.inject("INSERT passport"));
  PassportReadReport report;
  auto id = read_passport(reader, appendix_d_key(), ReadOptions{}, report);
  ASSERT_TRUE(id) << id.error().message;
  expect_identity(*id);
  EXPECT_EQ(id->face_format, ImageFormat::Jpeg);
  const RgbImage drawn = draw_test_face(120, 150);
  EXPECT_LT(difference(id->face, drawn), 6.0) << "the decoded JPEG face is not the face that was encoded";
  EXPECT_EQ(report.failure, ReadFailure::None);
  EXPECT_GT(report.apdu_count, 10);
  std::printf("passport read over the simulator: %d APDUs, %lld ms\n", report.apdu_count,
              static_cast<long long>(report.elapsed.count()));
}

TEST(PassportSim, FullReadWithJpeg2000FaceIsLossless) {
  SimCardReader reader;
  ASSERT_TRUE(reader.inject("INSERT passport-jp2"));
  auto id = read_passport(reader, appendix_d_key());
  ASSERT_TRUE(id) << id.error().message;
  expect_identity(*id);
  EXPECT_EQ(id->face_format, ImageFormat::Jpeg2000);
  EXPECT_EQ(id->face.pixels, draw_test_face(120, 150).pixels);
}

TEST(PassportSim, BacOnTheWireIsDoc9303AppendixD) {
  TestPassportSpec spec;
  auto passport = make_test_passport(spec);
  ASSERT_TRUE(passport);
  ChipRandom chip;
  chip.rnd_ic = std::array<std::uint8_t, 8>{0x46, 0x08, 0xF9, 0x19, 0x88, 0x70, 0x22, 0x12};
  chip.k_ic = std::array<std::uint8_t, 16>{0x0B, 0x4F, 0x80, 0x32, 0x3E, 0xB3, 0x19, 0x1C,
                                           0xB0, 0x49, 0x70, 0xCB, 0x40, 0x52, 0x79, 0x0B};
  SimCardReader reader;
  reader.insert(std::make_shared<VirtualPassport>(std::move(*passport), chip));
  TerminalRandom terminal;
  const Bytes rnd_ifd = hex("781723860C06C226");
  const Bytes k_ifd = hex("0B795240CB7049B01C19B33E32804F0B");
  std::copy(rnd_ifd.begin(), rnd_ifd.end(), terminal.rnd_ifd.begin());
  std::copy(k_ifd.begin(), k_ifd.end(), terminal.k_ifd.begin());
  std::vector<TraceEntry> trace;
  PassportReadReport report;
  report.trace = &trace;
  ReadOptions options;
  options.random = &terminal;
  auto id = read_passport(reader, appendix_d_key(), options, report);
  ASSERT_TRUE(id) << id.error().message;
  ASSERT_GE(trace.size(), 6U);
  EXPECT_EQ(to_hex(trace[0].command), "00A4040C07A0000002471001");
  EXPECT_EQ(to_hex(trace[1].command), "0084000008");
  EXPECT_EQ(to_hex(trace[1].response), "4608F919887022129000");
  EXPECT_EQ(to_hex(trace[2].command),
            "008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728");
  EXPECT_EQ(to_hex(trace[2].response),
            "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000");
  EXPECT_EQ(to_hex(trace[3].command), "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
  EXPECT_EQ(to_hex(trace[3].response), "990290008E08FA855A5D4C50A8ED9000");
  EXPECT_EQ(to_hex(trace[4].command), "0CB000000D9701048E08ED6705417E96BA5500");
  EXPECT_EQ(to_hex(trace[4].response), "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
  EXPECT_EQ(to_hex(trace[5].command), "0CB000040D9701128E082EA28A70F3C7B53500");
  EXPECT_EQ(to_hex(trace[5].response),
            "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000");
}

TEST(PassportSim, WrongMrzIsAccessDeniedWithAClearMessage) {
  SimCardReader reader;
  ASSERT_TRUE(reader.inject("INSERT passport"));
  PassportReadReport report;
  auto id =
      read_passport(reader, MrzKey::make("L898902C", "690806", "940624").value(), ReadOptions{}, report);
  ASSERT_FALSE(id);
  EXPECT_EQ(report.failure, ReadFailure::AccessDenied);
  // The technician's line names the outcome; the citizen's words are the kiosk's (device_words).
  EXPECT_NE(id.error().message.find("access-denied"), std::string::npos) << id.error().message;
  // The retry with the right numbers works on the same card.
  auto again = read_passport(reader, appendix_d_key());
  ASSERT_TRUE(again) << again.error().message;
}

TEST(PassportSim, RemovalAtEveryApduFailsCleanlyAndTheRetryWorks) {
  SimCardReader probe;
  ASSERT_TRUE(probe.inject("INSERT passport"));
  PassportReadReport full;
  ASSERT_TRUE(read_passport(probe, appendix_d_key(), ReadOptions{}, full));
  for (int n = 0; n < full.apdu_count; ++n) {
    SCOPED_TRACE("card pulled after " + std::to_string(n) + " APDUs");
    SimCardReader reader;
    ASSERT_TRUE(reader.inject("INSERT passport"));
    ASSERT_TRUE(reader.inject("REMOVE AFTER " + std::to_string(n)));
    PassportReadReport report;
    auto id = read_passport(reader, appendix_d_key(), ReadOptions{}, report);
    ASSERT_FALSE(id);
    EXPECT_EQ(report.failure, ReadFailure::CardRemoved) << id.error().message;
    EXPECT_EQ(report.apdu_count, n + 1);
    ASSERT_TRUE(reader.inject("INSERT passport"));
    ASSERT_TRUE(read_passport(reader, appendix_d_key())) << "the retry after putting the card back failed";
  }
}

TEST(PassportSim, NoCardUnknownCardGarbageCard) {
  SimCardReader reader;
  PassportReadReport report;
  EXPECT_FALSE(read_passport(reader, appendix_d_key(), ReadOptions{}, report));
  EXPECT_EQ(report.failure, ReadFailure::NoCard);

  ASSERT_TRUE(reader.inject("INSERT atr:3BF81300008131FE454A434F5076323431B7"));
  EXPECT_FALSE(read_passport(reader, appendix_d_key(), ReadOptions{}, report));
  EXPECT_EQ(report.failure, ReadFailure::NotAPassport);

  ASSERT_TRUE(reader.inject("UNPLUG"));
  EXPECT_FALSE(read_passport(reader, appendix_d_key(), ReadOptions{}, report));
  EXPECT_EQ(report.failure, ReadFailure::NoReader);
}

// The reader's errors carry a kind set where they arise (device set-up decides on it, never on
// the words): no card is NoMedia, no reader NotFound, a mute card Timeout.
TEST(SimReader, ErrorsCarryTheKindOfTheCardsState) {
  SimCardReader reader;
  auto no_card = reader.connect("");
  ASSERT_FALSE(no_card);
  EXPECT_EQ(no_card.error().kind, pk::ErrorKind::NoMedia) << no_card.error().message;
  ASSERT_TRUE(reader.inject("INSERT passport"));
  ASSERT_TRUE(reader.connect(""));
  ASSERT_TRUE(reader.inject("MUTE"));
  auto mute = reader.transmit(hex("0084000008"), 10ms);
  ASSERT_FALSE(mute);
  EXPECT_EQ(mute.error().kind, pk::ErrorKind::Timeout) << mute.error().message;
  ASSERT_TRUE(reader.inject("UNPLUG"));
  auto gone = reader.connect("");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, pk::ErrorKind::NotFound) << gone.error().message;
  EXPECT_EQ(pk::cardreader::error_kind_of(CardState::ReaderBusy), pk::ErrorKind::Busy);
  EXPECT_EQ(pk::cardreader::error_kind_of(CardState::Error), pk::ErrorKind::Unspecified);
}

TEST(PassportSim, GarbageCardsNeverCrashAndNeverGiveAnIdentity) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    SimCardReader reader;
    reader.insert(std::make_shared<GarbageCard>(seed));
    PassportReadReport report;
    auto id = read_passport(reader, appendix_d_key(), ReadOptions{}, report);
    ASSERT_FALSE(id) << "seed " << seed;
    EXPECT_NE(report.failure, ReadFailure::None);
    EXPECT_FALSE(id.error().message.empty());
  }
}

TEST(PassportSim, TamperedDg1FailsTheHashCheck) {
  auto passport = make_test_passport(TestPassportSpec{});
  ASSERT_TRUE(passport);
  TestPassportSpec other;
  other.surname = "MALLORY";
  auto forged = make_test_passport(other);
  ASSERT_TRUE(forged);
  auto card = std::make_shared<VirtualPassport>(std::move(*passport));
  card->set_file(fid::kDg1, forged->files.at(fid::kDg1));  // a valid DG1, but not the one SOD lists
  SimCardReader reader;
  reader.insert(card);
  PassportReadReport report;
  auto id = read_passport(reader, appendix_d_key(), ReadOptions{}, report);
  ASSERT_FALSE(id);
  EXPECT_EQ(report.failure, ReadFailure::HashMismatch) << id.error().message;
}

TEST(PassportSim, MalformedDg2IsRefusedWhole) {
  auto passport = make_test_passport(TestPassportSpec{});
  ASSERT_TRUE(passport);
  Bytes& dg2 = passport->files.at(fid::kDg2);
  dg2[dg2.size() - 40] ^= 0xFF;  // the JPEG is damaged; SOD was computed before, so fix it up
  passport->files[fid::kSod] =
      encode_sod(HashAlgorithm::Sha256, {{1, digest(HashAlgorithm::Sha256, passport->files[fid::kDg1])},
                                         {2, digest(HashAlgorithm::Sha256, dg2)}});
  Bytes broken_dg2 = dg2;
  broken_dg2.resize(200);  // and cut it: the TLV now lies about its length
  auto card = std::make_shared<VirtualPassport>(*passport);
  card->set_file(fid::kDg2, broken_dg2);
  SimCardReader reader;
  reader.insert(card);
  PassportReadReport report;
  auto id = read_passport(reader, appendix_d_key(), ReadOptions{}, report);
  ASSERT_FALSE(id);
  EXPECT_EQ(report.failure, ReadFailure::Malformed) << id.error().message;
}

TEST(PassportSim, MuteCardTimesOut) {
  SimCardReader reader;
  ASSERT_TRUE(reader.inject("INSERT passport"));
  ASSERT_TRUE(reader.connect(""));
  ASSERT_TRUE(reader.inject("MUTE"));
  const auto start = std::chrono::steady_clock::now();
  auto answer = reader.transmit(hex("0084000008"), 100ms);
  EXPECT_FALSE(answer);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 100ms);
  EXPECT_EQ(reader.card_state(), CardState::CardMute);
}

TEST(SimReader, EventsWakeTheWaiterWithoutPolling) {
  SimCardReader reader;
  ASSERT_TRUE(reader.open());
  std::thread script([&] {
    std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(reader.inject("INSERT passport"));
    ASSERT_TRUE(reader.inject("REMOVE"));
    ASSERT_TRUE(reader.inject("UNPLUG"));
    ASSERT_TRUE(reader.inject("PLUG"));
  });
  std::vector<ReaderEvent> seen;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (seen.size() < 4 && std::chrono::steady_clock::now() < deadline) {
    auto events = reader.wait_for_events(1s);
    ASSERT_TRUE(events);
    seen.insert(seen.end(), events->begin(), events->end());
  }
  script.join();
  ASSERT_EQ(seen.size(), 4U);
  EXPECT_EQ(seen[0].kind, ReaderEventKind::CardInserted);
  EXPECT_FALSE(seen[0].atr.empty());
  EXPECT_EQ(seen[1].kind, ReaderEventKind::CardRemoved);
  EXPECT_EQ(seen[2].kind, ReaderEventKind::ReaderRemoved);
  EXPECT_EQ(seen[3].kind, ReaderEventKind::ReaderAdded);
}

TEST(SimReader, CancelWaitReturnsAtOnce) {
  SimCardReader reader;
  std::thread canceller([&] {
    std::this_thread::sleep_for(50ms);
    reader.cancel_wait();
  });
  const auto start = std::chrono::steady_clock::now();
  auto events = reader.wait_for_events(10s);
  canceller.join();
  ASSERT_TRUE(events);
  EXPECT_TRUE(events->empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(SimReader, ScriptErrorsAreReported) {
  SimCardReader reader;
  EXPECT_FALSE(reader.inject("INSERT nothing-like-this"));
  EXPECT_FALSE(reader.inject("REMOVE AFTER x"));
  EXPECT_FALSE(reader.inject("EXPLODE"));
}

TEST(Identification, ByAtrAndBySelect) {
  const CardAppRegistry apps = make_card_app_registry();
  SimCardReader reader;
  ASSERT_TRUE(reader.inject("INSERT passport"));
  auto atr = reader.connect("");
  ASSERT_TRUE(atr);
  ApduChannel channel(reader);
  const CardIdentity passport = identify_card(channel, *atr, apps);
  EXPECT_EQ(passport.kind, CardKind::Application);
  EXPECT_EQ(passport.app_id, "icao9303");

  ASSERT_TRUE(reader.inject("INSERT atr:3B8F8001804F0CA000000306030001000000006A"));
  atr = reader.connect("");
  ASSERT_TRUE(atr);
  const CardIdentity mifare = identify_card(channel, *atr, apps);
  EXPECT_EQ(mifare.kind, CardKind::StorageCard);
  EXPECT_EQ(mifare.description, "MIFARE Classic 1K");

  ASSERT_TRUE(reader.inject("INSERT atr:3BF81300008131FE454A434F5076323431B7"));
  atr = reader.connect("");
  ASSERT_TRUE(atr);
  EXPECT_EQ(identify_card(channel, *atr, apps).kind, CardKind::UnknownProcessor);
}

TEST(Registry, SimFromConnectionString) {
  const CardReaderRegistry registry = make_card_reader_registry();
  auto reader = registry.create("sim:passport");
  ASSERT_TRUE(reader) << reader.error().message;
  auto id = read_passport(**reader, appendix_d_key());
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_FALSE(registry.create("usb:1234:5678"));
}

}  // namespace
}  // namespace pk::cardreader::icao
