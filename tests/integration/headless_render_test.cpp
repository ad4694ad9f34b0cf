// Real frames: the kiosk renders headless in software with the shipped catalog and the Noto
// fonts, and the tests look at the pixels.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <fstream>
#include <iterator>

#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "drivers/cardreader/apps/icao/test_passport.h"
#include "drivers/cardreader/apps/icao/virtual_passport.h"
#include "drivers/cardreader/sim_card_reader.h"
#include "kiosk/app.h"
#include "kiosk/citizen/citizen_submission.h"
#include "kiosk/citizen/journey.h"
#include "kiosk/citizen/status_check.h"
#include "kiosk/passport_trust.h"
#include "kiosk/strings.h"
#include "protocol/sealing.h"
#include "tests/drivers/cardreader/test_pki.h"
#include "tests/support/headless_kiosk.h"

namespace fs = std::filesystem;
using pk::catalog::Language;

namespace {

class HeadlessKiosk : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  // Enrolled: the centre's key is on the terminal (the test keeps the secret half, m_keys).
  // Started again in the same test, the kiosk keeps its data folder.
  void start(Language language, int width = 1920, int height = 1080) {
    pk::kiosk::test::HeadlessKiosk::start(
        kiosk_config(fs::path(PK_TEST_BINARY_DIR) / "render", language, width, height));
  }
  // Pixels of a rectangle that are much darker than the light background: text ink.
  int ink_in(const pk::ui::Rect& r) {
    return pixels_in(r, [](const uint8_t* p) { return p[0] + p[1] + p[2] < 3 * 110; });
  }
};

}  // namespace

TEST_F(HeadlessKiosk, WelcomeScreenIsARealImageOfTheConfiguredSize) {
  start(Language::Persian);
  ASSERT_EQ(m_app->platform().width(), 1920);
  ASSERT_EQ(m_app->platform().height(), 1080);
  const std::vector<uint8_t> px = m_app->platform().read_pixels();
  ASSERT_EQ(px.size(), 1920u * 1080u * 4u);
  std::set<uint32_t> colours;
  for (size_t i = 0; i < px.size(); i += 4 * 97) colours.insert(px[i] | px[i + 1] << 8 | px[i + 2] << 16);
  EXPECT_GT(colours.size(), 20u) << "a blank or single-colour frame";

  const fs::path png = m_dir / "welcome.png";
  ASSERT_TRUE(m_app->screenshot(png));
  EXPECT_GT(fs::file_size(png), 10'000u);
}

TEST_F(HeadlessKiosk, StartButtonIsALargeTouchTargetWithText) {
  start(Language::Persian);
  const pk::ui::Rect* button = m_app->target("start");
  ASSERT_NE(button, nullptr);
  EXPECT_GE(button->height(), 48) << "touch targets are at least 48 px at 1080p";
  EXPECT_GT(ink_in(*button), 0) << "white label on the button";
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Browse);
}

// The service list: real tap targets with text, laid out from the start edge, so service 1
// is on the right in Persian and on the left in English.
TEST_F(HeadlessKiosk, ServiceListShowsServicesFromTheStartEdge) {
  for (const Language language : pk::kLanguages) {
    SCOPED_TRACE(pk::language_code(language));
    start(language);
    ASSERT_TRUE(m_app->tap("start", m_now + 1));
    frames();
    const float middle = static_cast<float>(m_app->platform().width()) / 2;
    for (int number = 1; number <= 6; ++number) {
      SCOPED_TRACE(number);
      const pk::ui::Rect* row = m_app->target("service/" + std::to_string(number));
      ASSERT_NE(row, nullptr);
      EXPECT_GE(row->height(), 48);
      EXPECT_LE(row->max.y, static_cast<float>(m_app->platform().height()));
      EXPECT_GT(ink_in(*row), 500) << "the row shows its title";
      const bool first_column = number % 2 == 1;
      const bool on_right = row->center().x > middle;
      EXPECT_EQ(on_right, first_column == pk::is_rtl(language));
    }
    ASSERT_TRUE(m_app->tap("service/3", m_now + 1));
    frames();
    EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::ServiceCard);
    EXPECT_NE(m_app->target("apply"), nullptr) << "service 3 is offered at the kiosk";
    m_app.reset();
  }
}

TEST_F(HeadlessKiosk, CounterOnlyServiceOffersNoApplyButton) {
  start(Language::Persian);
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->flow().open_service(11));
  frames();
  EXPECT_EQ(m_app->target("apply"), nullptr);
}

// A counter-only service prints a slip to take to the counter: the simulated printer writes it,
// and its Code 128 carries the service slip the counter's scanner reads (counter_safety_test
// scans it at a counter terminal).
TEST_F(HeadlessKiosk, CounterOnlyServicePrintsASlipForTheCounter) {
  start(Language::Persian);
  const fs::path receipts = m_dir / "var" / "receipts";
  auto slips_printed = [&] {
    int n = 0;
    if (fs::exists(receipts))
      for (const auto& e : fs::directory_iterator(receipts)) n += e.path().extension() == ".png";
    return n;
  };
  const int before = slips_printed();
  ASSERT_TRUE(m_app->tap("start", m_now += 1));
  frames();
  ASSERT_TRUE(m_app->flow().open_service(11));
  frames();
  ASSERT_TRUE(m_app->tap("print_slip", m_now += 1));
  frames();
  EXPECT_EQ(m_app->flow().state().counter_slip.state, pk::kiosk::SlipState::Printed)
      << m_app->flow().state().counter_slip.problem;
  EXPECT_EQ(slips_printed(), before + 1) << "the simulated printer printed it into " << receipts;
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "counter-slip-printed.png"));
  ASSERT_TRUE(m_app->tap("back", m_now += 1));
  frames();
  EXPECT_EQ(m_app->flow().state().counter_slip.state, pk::kiosk::SlipState::NotAsked)
      << "another service's card starts without it";
}

// A foreign national's application, screen by screen, in every language at both kiosk sizes:
// the identity step on the Amayesh card, an Afghan mobile refused with the form that works and
// then accepted, the review naming the document, the saved screen, a counter-only service's
// printed slip. The
// PNGs are kept beside the test binary (foreign-national/) for a person to look at.
TEST_F(HeadlessKiosk, AForeignNationalAppliesWithAnAmayeshCardInBothLanguagesAndSizes) {
  const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / "foreign-national";
  fs::create_directories(dir);
  using pk::kiosk::CitizenScreen;
  using pk::kiosk::Field;
  for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1280, 720}}) {
    for (const Language language : pk::kLanguages) {
      const std::string name = std::string(pk::language_code(language)) + "-" + std::to_string(width) + "x" +
                               std::to_string(height);
      SCOPED_TRACE(name);
      start(language, width, height);
      auto& flow = m_app->flow();
      auto shoot = [&](const std::string& what) {
        ASSERT_TRUE(m_app->screenshot(dir / (what + "-" + name + ".png")));
      };
      frames();
      shoot("welcome");
      tap("start");
      shoot("services");
      ASSERT_TRUE(flow.open_service(3));
      frames();
      tap("apply");
      EXPECT_EQ(flow.state().identity.kind, pk::identity::IdKind::AmayeshCard);
      for (const char* id : {"idkind/amayesh", "idkind/fida", "idkind/passport", "idkind/national"})
        EXPECT_NE(m_app->target(id), nullptr) << id;
      ASSERT_TRUE(flow.set_field_text(Field::IdNumber, "5012345678"));
      tap("field/mobile");
      EXPECT_NE(m_app->target("key/+"), nullptr) << "the mobile's keypad has a +";
      ASSERT_TRUE(flow.set_field_text(Field::Mobile, "+9370123"));
      tap("next");
      ASSERT_EQ(flow.state().screen, CitizenScreen::Identify);
      EXPECT_FALSE(flow.state().identity.mobile_error.empty());
      shoot("identify-mobile-refused");
      ASSERT_TRUE(flow.set_field_text(Field::Mobile, "+93701234567"));
      frames();
      shoot("identify");
      tap("next");
      ASSERT_EQ(flow.state().screen, CitizenScreen::Capture) << flow.state().identity.mobile_error;
      for (int document = 0; document < 3; ++document) {
        tap("scan");
        tap("next");
      }
      ASSERT_EQ(flow.state().screen, CitizenScreen::Review);
      tap("consent");
      shoot("review");
      tap("submit");
      ASSERT_EQ(flow.state().screen, CitizenScreen::Saved);
      shoot("saved");
      flow.home();
      frames();
      tap("start");
      ASSERT_TRUE(flow.open_service(11));
      frames();
      tap("print_slip");
      EXPECT_EQ(flow.state().counter_slip.state, pk::kiosk::SlipState::Printed);
      shoot("counter-slip-printed");
      m_app.reset();
    }
  }
}

// The whole scripted journey, as the product command runs it: an application with scanned
// pages, a status check, a failure report, a counter-only service, English.
TEST_F(HeadlessKiosk, JourneyWritesEveryScreenAndSavesTwoRecords) {
  start(Language::Persian);
  const fs::path out = m_dir / "journey";
  auto done = pk::kiosk::run_journey(*m_app, out);
  ASSERT_TRUE(done) << done.error().message;
  int pngs = 0;
  for (const auto& entry : fs::directory_iterator(out)) pngs += entry.path().extension() == ".png";
  EXPECT_EQ(pngs, 19);
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::ServiceCard);
  EXPECT_EQ(m_app->flow().language(), Language::English);

  auto stats = m_app->store().stats(0);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->pending_outbox, 2) << "the application and the failure report wait for the centre";

  // The application: service 3, four scanned pages, personal data sealed to the centre.
  auto code = pk::make_tracking_code(pk::TrackingKind::Application, 1, 1);
  ASSERT_TRUE(code);
  auto record = m_app->store().find_by_tracking_code(code->digits());
  ASSERT_TRUE(record);
  ASSERT_TRUE(record.value().has_value());
  EXPECT_EQ(record.value()->service_number, 3);
  EXPECT_EQ(record.value()->documents.size(), 4u);
  auto personal = pk::store::open_sealed(record.value()->sealed_personal, m_keys);
  ASSERT_TRUE(personal) << personal.error().message;
  const std::string clear(personal->bytes().begin(), personal->bytes().end());
  // A foreign national's: the Amayesh card the step started on, an Afghan mobile number.
  EXPECT_NE(clear.find(R"("id_kind":"amayesh_card")"), std::string::npos) << clear;
  EXPECT_NE(clear.find(R"("id_number":"5012345678")"), std::string::npos) << clear;
  EXPECT_NE(clear.find(R"("mobile":"+93701234567")"), std::string::npos) << clear;

  // The failure report has a code of its own kind, with the next sequence number.
  auto report_code = pk::make_tracking_code(pk::TrackingKind::FailureReport, 1, 2);
  ASSERT_TRUE(report_code);
  auto report = m_app->store().find_by_tracking_code(report_code->digits());
  ASSERT_TRUE(report);
  ASSERT_TRUE(report.value().has_value());
  EXPECT_EQ(report.value()->service_number, 3);
}

// The same journey in Dari and in Pashto, chosen as `--language prs|ps` chooses it: every
// screen drawn, both records saved, and the welcome screen's language buttons switch.
TEST_F(HeadlessKiosk, JourneyRunsInDariAndInPashto) {
  for (const Language language : {Language::Dari, Language::Pashto}) {
    const std::string code(pk::language_code(language));
    SCOPED_TRACE(code);
    start(language);
    EXPECT_EQ(m_app->flow().language(), language);
    const fs::path out = fs::path(PK_TEST_BINARY_DIR) / ("journey-" + code);
    fs::remove_all(out);
    auto done = pk::kiosk::run_journey(*m_app, out);
    ASSERT_TRUE(done) << done.error().message;
    int pngs = 0;
    for (const auto& entry : fs::directory_iterator(out)) pngs += entry.path().extension() == ".png";
    EXPECT_EQ(pngs, 19);
    auto stats = m_app->store().stats(0);
    ASSERT_TRUE(stats) << stats.error().message;
    EXPECT_EQ(stats->pending_outbox, 2);
    // Back home the session starts in the configured language again; its buttons switch it.
    m_app->flow().home();
    frames();
    EXPECT_EQ(m_app->flow().language(), language);
    for (const Language other : pk::kLanguages) {
      ASSERT_TRUE(m_app->tap("language/" + std::string(pk::language_code(other)), m_now += 1));
      frames();
      EXPECT_EQ(m_app->flow().language(), other);
    }
    m_app.reset();
    fs::remove_all(m_dir);  // the next language's journey starts with an empty store
  }
}

// A stolen terminal's disk reveals no name or number: the database and its WAL hold none of
// the identifiers typed during the journey, in any digit form.
TEST_F(HeadlessKiosk, NoPersonalDataInClearOnDisk) {
  start(Language::Persian);
  ASSERT_TRUE(pk::kiosk::run_journey(*m_app, m_dir / "journey"));
  std::string disk;
  for (const auto& entry : fs::recursive_directory_iterator(m_dir / "var")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    disk.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GT(disk.size(), 10'000u) << "the store was written";
  for (const char* secret :
       {"5012345678", "۵۰۱۲۳۴۵۶۷۸", "+93701234567", "93701234567", "۹۳۷۰۱۲۳۴۵۶۷", "701234567"})
    EXPECT_EQ(disk.find(secret), std::string::npos) << secret << " found in clear on disk";
}

// The on-screen keyboard feeds the search: taps on real keys, and the list narrows.
TEST_F(HeadlessKiosk, TypingOnTheKeyboardSearches) {
  start(Language::Persian);
  ASSERT_TRUE(m_app->tap("start", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->tap("search", m_now + 1));
  frames();
  ASSERT_TRUE(m_app->flow().state().keyboard_open);
  for (const char* key : {"key/ط", "key/ل", "key/ا", "key/ق"}) {
    ASSERT_TRUE(m_app->tap(key, m_now + 1)) << key;
    frames();
  }
  EXPECT_EQ(m_app->flow().state().query, "طلاق");
  EXPECT_NE(m_app->target("service/14"), nullptr) << "divorce registration is found";
  EXPECT_EQ(m_app->target("service/1"), nullptr) << "and nothing else is listed";
  ASSERT_TRUE(m_app->tap("key/backspace", m_now + 1));
  frames();
  EXPECT_EQ(m_app->flow().state().query, "طلا");
  ASSERT_TRUE(m_app->tap("back", m_now + 1));
  frames();
  EXPECT_FALSE(m_app->flow().state().keyboard_open) << "back first puts the keyboard away";
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::Browse);
}

// The passport chip: the citizen types the three MRZ items, the simulated reader's ICAO 9303
// test passport answers over BAC and secure messaging, and passive authentication judges the
// chip against the kiosk's CSCA master list (card -> reader -> passive auth -> screen).
class HeadlessPassport : public HeadlessKiosk {
 protected:
  void open_reader(Language language) {
    start(language);
    auto& flow = m_app->flow();
    ASSERT_TRUE(flow.start());
    ASSERT_TRUE(flow.open_service(3));
    ASSERT_TRUE(flow.apply());
    frames();
    ASSERT_TRUE(m_app->tap("read_passport", m_now += 1)) << "a card reader is configured (simulated)";
    frames();
    ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::ReadPassport);
  }
  void type(const char* field, std::string_view keys) {
    auto& flow = m_app->flow();
    ASSERT_TRUE(m_app->tap(field, m_now += 0.5));
    frames();
    for (char c : keys) {
      std::string key = "key/";
      if (c >= '0' && c <= '9' && flow.state().field != pk::kiosk::Field::MrzDocument) {
        const char* persian[] = {"۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"};
        key += persian[c - '0'];
      } else {
        key += c;
      }
      ASSERT_TRUE(m_app->tap(key, m_now += 0.2)) << key;
    }
    frames();
  }
  void read_chip(std::string_view birth) {
    type("field/mrz_document", "L898902C");
    type("field/mrz_birth", birth);
    type("field/mrz_expiry", "940623");
    ASSERT_TRUE(m_app->tap("read_passport_now", m_now += 1));
    frames();
  }
};

// Without a master list (a province that has none yet) the chip reads, but is "not verified:
// no master list": nothing of it fills the form, the citizen types the number.
TEST_F(HeadlessPassport, WithoutAMasterListTheChipIsUnverifiedAndFillsNothing) {
  open_reader(Language::Persian);
  auto& flow = m_app->flow();
  // A wrong birth date first: the chip refuses, nothing is filled.
  read_chip("690807");
  EXPECT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::ReadPassport);
  EXPECT_FALSE(flow.state().mrz.error.empty());
  EXPECT_EQ(flow.state().mrz.document, "L898902C");
  EXPECT_EQ(flow.state().mrz.birth, "۶۹۰۸۰۷");
  EXPECT_TRUE(flow.state().identity.number.empty()) << "a failed read fills nothing";
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "read-passport-refused.png"));

  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::MrzBirth, ""));
  type("field/mrz_birth", "690806");
  ASSERT_TRUE(m_app->tap("read_passport_now", m_now += 1));
  frames();
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Identify) << flow.state().mrz.error;
  EXPECT_EQ(flow.state().identity.kind, pk::identity::IdKind::Passport);
  EXPECT_TRUE(flow.state().identity.number.empty()) << "an unverified chip fills nothing";
  EXPECT_TRUE(flow.state().identity.read_from_chip.empty());
  ASSERT_TRUE(flow.state().identity.chip.has_value());
  EXPECT_EQ(*flow.state().identity.chip, pk::cardreader::icao::PassiveAuth::NoMasterList);
  EXPECT_EQ(flow.state().field, pk::kiosk::Field::IdNumber) << "the number is the citizen's to type";
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "identify-passport-unverified.png"));

  // The citizen types the number; what is submitted records what the chip was.
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::IdNumber, "L898902C"));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::Mobile, "09121234567"));
  ASSERT_TRUE(flow.identify_next()) << flow.state().identity.number_error;
  const pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  auto saved = pk::kiosk::submit_application(
      {.store = m_app->store(), .centre_key = m_keys.public_key, .config = config, .now_unix = 1'800'000'000},
      flow.state());
  ASSERT_TRUE(saved) << saved.error().message;
  auto record = m_app->store().find_by_tracking_code(saved->tracking_code);
  ASSERT_TRUE(record && record.value().has_value());
  auto personal = pk::store::open_sealed(record.value()->sealed_personal, m_keys);
  ASSERT_TRUE(personal) << personal.error().message;
  const std::string clear(personal->bytes().begin(), personal->bytes().end());
  EXPECT_NE(clear.find(R"("passport_chip":"no_master_list")"), std::string::npos) << clear;
}

TEST_F(HeadlessPassport, UnverifiedChipIsSaidInEnglishToo) {
  open_reader(Language::English);
  auto& flow = m_app->flow();
  // Set directly: the typing itself is what the Persian test covers.
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::MrzDocument, "L898902C"));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::MrzBirth, "690806"));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::MrzExpiry, "940623"));
  frames();
  ASSERT_TRUE(m_app->tap("read_passport_now", m_now += 1));
  frames();
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Identify) << flow.state().mrz.error;
  EXPECT_TRUE(flow.state().identity.number.empty());
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "identify-passport-unverified-en.png"));
}

// With the province's master list in the data folder and a chip its CSCA's document signer
// signed, the chip is verified and fills the number and the name.
TEST_F(HeadlessPassport, VerifiedChipFillsTheIdentification) {
  open_reader(Language::Persian);
  const auto csca = pk::cardreader::icao::test_pki::TestCsca::make("UT");
  const fs::path list = pk::kiosk::csca_master_list_path(m_dir / "var");
  fs::create_directories(list.parent_path());
  std::ofstream(list) << pk::cardreader::icao::test_pki::master_list_text(1, {csca.certificate_pem()},
                                                                          {csca.crl_pem({})});
  pk::cardreader::icao::TestPassportSpec spec;
  spec.signer = csca.issue_current_signer(10);
  auto passport = pk::cardreader::icao::make_test_passport(spec);
  ASSERT_TRUE(passport) << passport.error().message;
  auto* reader = dynamic_cast<pk::cardreader::SimCardReader*>(m_app->card_reader());
  ASSERT_NE(reader, nullptr) << "the simulated card reader is configured by default";
  reader->insert(std::make_shared<pk::cardreader::icao::VirtualPassport>(std::move(*passport)));

  read_chip("690806");
  auto& flow = m_app->flow();
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Identify) << flow.state().mrz.error;
  EXPECT_EQ(flow.state().identity.kind, pk::identity::IdKind::Passport);
  EXPECT_EQ(flow.state().identity.number, "L898902C");
  EXPECT_FALSE(flow.state().identity.read_from_chip.empty());
  EXPECT_EQ(flow.state().identity.chip, pk::cardreader::icao::PassiveAuth::Verified);
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "identify-from-passport.png"));
  // Changing the number the chip verified makes it a typed number.
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::IdNumber, "L898902D"));
  EXPECT_FALSE(flow.state().identity.chip.has_value());
  EXPECT_TRUE(flow.state().identity.read_from_chip.empty());
}

// Showing a receipt's barcode to the scanner opens its status check from the welcome screen;
// a code that is not a tracking code is refused before any lookup.
TEST_F(HeadlessKiosk, ReceiptBarcodeOpensTheStatusCheck) {
  start(Language::Persian);
  auto* scanner = dynamic_cast<pk::barcode::SimBarcodeScanner*>(m_app->barcode_scanner());
  ASSERT_NE(scanner, nullptr) << "the simulated barcode scanner is configured by default";
  ASSERT_TRUE(scanner->inject("SCAN 1234567"));
  frames();
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::StatusEntry);
  EXPECT_FALSE(m_app->flow().state().tracking_error.empty());

  auto code = pk::make_tracking_code(pk::TrackingKind::Application, 1, 77);
  ASSERT_TRUE(code);
  ASSERT_TRUE(scanner->inject("SCAN " + code->digits()));
  frames();
  EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::StatusResult);
  EXPECT_FALSE(m_app->flow().state().status.found) << "a valid code this terminal never issued";
  EXPECT_EQ(m_app->flow().state().status.tracking_display,
            "۱۰۰۰-۱۰۰۰-۰۰۷۷-" + std::string(pk::to_persian_digits(code->digits().substr(12))));
}

// The status check with the back office's decision on screen, in the session's language with
// staff's words laid out by their own script: the documents to bring (Persian), a rejection's
// reason (English), a failure report resolved with a credit. The PNGs are kept beside the test
// binary (status-decisions/) for a person to look at.
class HeadlessDecisions : public HeadlessKiosk {
 protected:
  // Saves a capture with what the centre said about it and opens its status by the receipt's
  // barcode, as a citizen would; returns the outcome on screen.
  const pk::kiosk::StatusOutcome& show(pk::TrackingKind kind, pk::store::CentreStatus status,
                                       const pk::store::CentreDecision& decision) {
    pk::store::NewApplication record;
    record.kind = kind == pk::TrackingKind::Application ? pk::store::ApplicationKind::Application
                                                        : pk::store::ApplicationKind::FailureReport;
    if (kind == pk::TrackingKind::Application) record.service_number = 3;
    record.terminal_id = "SKO-TEST-0001";
    record.created_at_unix = 1'800'000'000;
    record.sealed_personal = {1, 2, 3};
    std::string digits;
    auto saved = m_app->store().save_application(record, [&](int64_t sequence) {
      digits = pk::make_tracking_code(kind, 1, sequence).value().digits();
      return digits;
    });
    EXPECT_TRUE(saved) << saved.error().message;
    EXPECT_TRUE(m_app->store().record_centre_status(digits, status, 1'800'000'100, decision));
    if (m_app->flow().state().screen != pk::kiosk::CitizenScreen::Welcome) {
      m_app->flow().home();
      frames();
    }
    auto* scanner = dynamic_cast<pk::barcode::SimBarcodeScanner*>(m_app->barcode_scanner());
    EXPECT_NE(scanner, nullptr);
    if (scanner) {
      EXPECT_TRUE(scanner->inject("SCAN " + digits));
    }
    frames();
    frames();
    EXPECT_EQ(m_app->flow().state().screen, pk::kiosk::CitizenScreen::StatusResult);
    return m_app->flow().state().status;
  }
  void shoot(const std::string& name) {
    const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / "status-decisions";
    fs::create_directories(dir);
    ASSERT_TRUE(m_app->screenshot(dir / (name + ".png")));
  }
  void run(Language language) {
    start(language);
    const std::string lang = language == Language::Persian ? "fa" : "en";
    const auto& asked = show(pk::TrackingKind::Application, pk::store::CentreStatus::DocumentsRequested,
                             {"اصل گذرنامه و دو قطعه عکس ۳×۴ با زمینهٔ سفید را به باجه بیاورید. "
                              "اگر گذرنامه تمدید شده است، صفحهٔ تمدید را هم بیاورید.",
                              "", 1'800'000'050});
    ASSERT_EQ(asked.details.size(), 1u);
    // Staff's words in a box under the status: ink where they are drawn.
    EXPECT_GT(ink_in({{0, 560}, {static_cast<float>(m_app->platform().width()), 900}}), 500);
    shoot(lang + "-documents-requested");
    const auto& rejected = show(
        pk::TrackingKind::Application, pk::store::CentreStatus::Rejected,
        {"The residence permit in the file had expired on the day of the application.", "", 1'800'000'060});
    ASSERT_EQ(rejected.details.size(), 1u);
    shoot(lang + "-rejected");
    const auto& resolved = show(
        pk::TrackingKind::FailureReport, pk::store::CentreStatus::Resolved,
        {"چاپگر رسید این دستگاه در ۱۴۰۵/۰۹/۱۶ تعویض شد. از گزارش شما سپاسگزاریم.",
         "۵۰۰٬۰۰۰ ریال، به حساب ثبت‌شده در پرونده واریز می‌شود.",
         1'800'000'070});
    ASSERT_EQ(resolved.details.size(), 2u);
    shoot(lang + "-report-resolved");
    // As long as the wire lets a note be (2000 bytes): smaller type, cut with "…" above the
    // Finish button.
    std::string long_note;
    while (long_note.size() < 1900)
      long_note +=
          "مدارک هویتی، گواهی اقامت و فرم تکمیل‌شده را بیاورید. ";
    const auto& long_one = show(pk::TrackingKind::Application, pk::store::CentreStatus::Rejected,
                                {long_note, "", 1'800'000'080});
    ASSERT_EQ(long_one.details.size(), 1u);
    shoot(lang + "-long-note");
  }
};

TEST_F(HeadlessDecisions, StatusResultShowsTheDecisionInPersian) { run(Language::Persian); }
TEST_F(HeadlessDecisions, StatusResultShowsTheDecisionInEnglish) { run(Language::English); }

// pishkhan-kiosk --status-check: the code typed on the keypad from the welcome screen, the
// result screen written as a PNG; a code that is not a tracking code reaches no screen.
TEST_F(HeadlessDecisions, StatusCheckTypesTheCodeAndWritesTheResultScreen) {
  start(Language::English);
  pk::store::NewApplication record;
  record.kind = pk::store::ApplicationKind::Application;
  record.service_number = 3;
  record.terminal_id = "SKO-TEST-0001";
  record.created_at_unix = 1'800'000'000;
  record.sealed_personal = {1, 2, 3};
  std::string digits;
  ASSERT_TRUE(m_app->store().save_application(record, [&](int64_t sequence) {
    digits = pk::make_tracking_code(pk::TrackingKind::Application, 1, sequence).value().digits();
    return digits;
  }));
  // A code from elsewhere is never asked about; without a centre nothing asks; a final status
  // is not asked about again.
  EXPECT_EQ(m_app->wait_for_status_poll("10001000000728", 0.2), pk::kiosk::App::StatusPoll::NotAsked);
  EXPECT_EQ(m_app->wait_for_status_poll(digits, 0.2), pk::kiosk::App::StatusPoll::NoCentre);
  ASSERT_TRUE(m_app->store().record_centre_status(digits, pk::store::CentreStatus::Approved, 1'800'000'100,
                                                  pk::store::CentreDecision{"Complete.", "", 1'800'000'090}));
  EXPECT_EQ(m_app->wait_for_status_poll(digits, 0.2), pk::kiosk::App::StatusPoll::NotAsked);

  const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / "status-check";
  fs::create_directories(dir);
  // As printed on the receipt: groups of digits, Persian digits typed as the keypad's.
  const std::string shown = pk::format(pk::parse_tracking_code(digits).value(), pk::Language::Persian);
  auto outcome = pk::kiosk::run_status_check(*m_app, shown, dir / "approved-en.png");
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_TRUE(outcome->found);
  EXPECT_EQ(outcome->message, pk::kiosk::strings::kStatusApproved.in(Language::English));
  EXPECT_EQ(m_app->flow().state().tracking_input, pk::to_persian_digits(digits)) << "typed key by key";
  EXPECT_TRUE(fs::file_size(dir / "approved-en.png") > 1000);

  // From the result screen the check starts at welcome again only after Finish: refused here.
  EXPECT_FALSE(pk::kiosk::run_status_check(*m_app, digits, dir / "again.png"));
  EXPECT_FALSE(fs::exists(dir / "again.png"));
  m_app->flow().home();
  frames();
  std::string mistyped = digits;
  mistyped.back() = mistyped.back() == '0' ? '1' : '0';
  auto refused = pk::kiosk::run_status_check(*m_app, mistyped, dir / "never.png");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("tracking code"), std::string::npos) << refused.error().message;
  EXPECT_FALSE(fs::exists(dir / "never.png"));
}

// A citizen walks away in the middle of scanning: "more time?" comes up after the idle time,
// and with no answer the session ends, the pages and numbers leave memory, welcome returns.
TEST_F(HeadlessKiosk, TimeoutInTheMiddleOfCaptureWipesTheSession) {
  start(Language::Persian);
  auto& flow = m_app->flow();
  ASSERT_TRUE(m_app->tap("start", m_now += 1));
  ASSERT_TRUE(flow.open_service(3));
  frames();
  ASSERT_TRUE(m_app->tap("apply", m_now += 1));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::IdNumber, "0012345679"));
  ASSERT_TRUE(flow.set_field_text(pk::kiosk::Field::Mobile, "09121234567"));
  frames();
  ASSERT_TRUE(m_app->tap("next", m_now += 1));
  frames();
  ASSERT_TRUE(m_app->tap("scan", m_now += 1));
  frames();
  ASSERT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Capture);
  ASSERT_EQ(flow.state().documents[0].pages.size(), 1u);

  // The configured idle time (90 s) passes with nobody touching the screen.
  const double quiet_from = m_now;
  flow.tick(quiet_from + 91);
  m_now = quiet_from + 91;
  frames();
  ASSERT_TRUE(flow.state().more_time_dialog);
  ASSERT_NE(m_app->target("more_time"), nullptr) << "the dialog offers more time";
  ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / "more-time-dialog.png"));
  // The screen behind the dialog takes no taps: a tap on "scan" there scans nothing.
  ASSERT_TRUE(m_app->tap("scan", m_now += 0.5));
  frames();
  EXPECT_EQ(flow.state().documents[0].pages.size(), 1u);
  EXPECT_TRUE(flow.state().more_time_dialog);

  ASSERT_TRUE(flow.tick(m_now + 31)) << "no answer within the dialog's time";
  frames();
  EXPECT_EQ(flow.state().screen, pk::kiosk::CitizenScreen::Welcome);
  EXPECT_TRUE(flow.state().documents.empty());
  EXPECT_TRUE(flow.state().identity.number.empty());
  auto stats = m_app->store().stats(0);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending_outbox, 0) << "nothing was submitted";
}
