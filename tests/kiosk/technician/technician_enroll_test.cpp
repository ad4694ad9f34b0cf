// The technician's Enrollment tab on real headless frames against the real reference centre on
// loopback (mutual TLS): the code typed on the on-screen keyboard with its check character
// checked live, a link cut on the first attempt and the same code working on the retry, the QR
// code the centre's command line writes as PNG read by the (simulated) barcode scanner, a
// scanned code that is not an enrollment code, and the running kiosk taking on the identity
// without a restart (its captures then reach the centre). Screenshots are kept beside the test
// binary to be looked at.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/png_io.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "kiosk/app.h"
#include "kiosk/centre_key.h"
#include "kiosk/technician/technician_desk.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_qr.h"
#include "tests/provisioning/capture_fixture.h"
#include "tests/receipts/raster_probe.h"
#include "tests/support/headless_kiosk.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace fs = std::filesystem;
using pk::kiosk::tech::TechScreen;

namespace {

class TechnicianEnroll : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(pk::Language language, const std::string& centre_url, const std::string& centre_pin = "") {
    m_pace.tap = 0.5;
    const fs::path config_file = folder(fs::path(PK_TEST_BINARY_DIR) / "technician_enroll") / "pishkhan.toml";
    fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", config_file);
    auto config = pk::kiosk::load_config_file(config_file, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
    ASSERT_TRUE(config) << config.error().message;
    config->data_dir = m_dir / "var";
    config->catalog_file = fs::path(PK_SOURCE_DATA_DIR) / "catalog.json";
    config->centre_url = centre_url;
    config->centre_pin =
        centre_pin.empty() ? m_centre.server->certificate_authority().server_pin() : centre_pin;
    config->barcode = pk::kiosk::DeviceBackend::Simulated;
    config->export_dir = m_dir;
    config->language = language;
    m_data = config->data_dir;
    open(config.value(), pk::kiosk::test::CentreKey::AsFound);
    sign_in_technician();
    tap("tech/tab/enroll");
    ASSERT_EQ(m_app->technician_desk()->flow().state().screen, TechScreen::Enrollment);
  }
  void TearDown() override { m_app.reset(); }  // before the centre it talks to stops
  // On the on-screen English keyboard, key by key.
  void type(const std::string& text) {
    for (char c : text) ASSERT_TRUE(m_app->tap("key/" + std::string(1, c), m_now += 0.2)) << c;
    frames();
  }
  void erase(int count) {
    for (int i = 0; i < count; ++i) ASSERT_TRUE(m_app->tap("key/backspace", m_now += 0.2));
    frames();
  }
  void scan(const std::string& text) {
    auto* sim = dynamic_cast<pk::barcode::SimBarcodeScanner*>(m_app->barcode_scanner());
    ASSERT_NE(sim, nullptr);
    ASSERT_TRUE(sim->inject("SCAN " + text));
    frames();
  }
  // Until the enrollment running off the frame loop has ended and the tab has picked it up.
  void finish() {
    panel().wait();
    frames();
    ASSERT_FALSE(panel().running());
  }
  void shot(const std::string& name) { ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / name)); }
  pk::kiosk::tech::EnrollPanel& panel() { return m_app->technician_desk()->enroll_panel(); }
  std::string issue(const std::string& terminal_id, pk::centre::CentreServer* server = nullptr) {
    auto code = (server ? server : m_centre.server.get())
                    ->enrollment()
                    .issue_code("A", terminal_id, std::time(nullptr), 3600);
    EXPECT_TRUE(code.ok());
    return code.ok() ? pk::enroll::format_enrollment_code(code->code) : std::string();
  }
  // Enrolled, and the running kiosk works as that terminal: a capture sealed to the key it
  // adopted reaches the centre through the sync worker it restarted with the certificate.
  void expect_adopted(const std::string& terminal_id) {
    ASSERT_TRUE(panel().enrolled());
    auto identity = pk::provisioning::load_identity(m_data);
    ASSERT_TRUE(identity.ok() && identity->has_value());
    EXPECT_EQ((*identity)->terminal_id, terminal_id);
    struct stat info {};
    ASSERT_EQ(::stat((m_data / "catalog" / "last-good.json").c_str(), &info), 0)
        << "the catalog came with it";
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto key = pk::kiosk::load_centre_key(pk::kiosk::centre_key_path(m_data));
    ASSERT_TRUE(key.ok());
    // As the kiosk captures once enrolled: under its enrolled id and number (the centre takes
    // a capture only from the terminal its tracking code and body name).
    ASSERT_EQ(pk::provisioning::test::save_captures(m_app->store(), *key, std::time(nullptr), terminal_id,
                                                    (*identity)->terminal_number)
                  .size(),
              2U);
    EXPECT_EQ(m_app->wait_until_delivered(20), 0) << "the sync worker delivers as the enrolled terminal";
    auto audit = m_app->store().audit_entries(0, 1000);
    ASSERT_TRUE(audit.ok());
    bool recorded = false;
    for (const auto& row : *audit) recorded |= row.action == "terminal_enrolled" && row.detail == terminal_id;
    EXPECT_TRUE(recorded) << "the enrollment is in the audit log";
  }

  pk::sync::test::RunningCentre m_centre{"technician-enroll-centre"};
  fs::path m_data;
};

TEST_F(TechnicianEnroll, TypedCodeCheckedLiveALinkCutThenTheSameCodeEnrollsAndTheKioskAdoptsIt) {
  ASSERT_TRUE(m_centre.server);
  // The first connection is cut on its way (the centre never sees it); the retry's request
  // waits a second and a half at the proxy, long enough to see the tab enrolling.
  std::atomic<int> connections{0};
  pk::sync::test::FaultProxy proxy(m_centre.server->port(), [&] {
    const int n = connections++;
    return n == 0 ? pk::sync::test::Fault{pk::sync::test::FaultKind::CutRequest, 700, {}}
           : n == 1
               ? pk::sync::test::Fault{pk::sync::test::FaultKind::Stall, 0, std::chrono::milliseconds(1'500)}
               : pk::sync::test::Fault{};
  });
  start(pk::Language::Persian, m_centre.url(proxy.port()));
  EXPECT_FALSE(panel().enrolled());
  EXPECT_EQ(panel().centre_url(), m_centre.url(proxy.port())) << "from centre.url";
  EXPECT_EQ(panel().centre_pin(), m_centre.server->certificate_authority().server_pin()) << "from centre.pin";

  const std::string code = issue("SKO-0801");
  std::string canonical = *pk::enroll::normalise_enrollment_code(code);
  std::string typo = canonical;
  typo.back() = typo.back() == 'Z' ? 'Y' : 'Z';  // a wrong check character
  type(typo);
  EXPECT_EQ(panel().code(), pk::enroll::format_enrollment_code(typo)) << "grouped in fours as typed";
  EXPECT_EQ(pk::enroll::check_typed_code(panel().code()).state, pk::enroll::TypedCodeState::WrongCheck);
  tap("tech/enroll/start");
  EXPECT_FALSE(panel().running()) << "a code with a wrong check character is not sent";
  shot("technician-enroll-wrong-check-fa.png");

  erase(1);
  type(std::string(1, canonical.back()));
  EXPECT_EQ(panel().code(), code);
  tap("tech/enroll/start");
  finish();
  ASSERT_TRUE(panel().outcome());
  EXPECT_EQ(panel().outcome()->failure, pk::provisioning::EnrollFailure::CentreUnreachable)
      << panel().outcome()->message;
  EXPECT_EQ(panel().code(), code) << "the code stays for the retry";
  EXPECT_FALSE(panel().enrolled());
  shot("technician-enroll-unreachable-fa.png");

  tap("tech/enroll/start");
  EXPECT_TRUE(panel().running());
  frames();
  shot("technician-enroll-running-fa.png");
  finish();
  ASSERT_TRUE(panel().outcome());
  ASSERT_TRUE(panel().outcome()->ok()) << panel().outcome()->message;
  EXPECT_EQ(panel().outcome()->catalog.result, pk::provisioning::CatalogFetch::Stored)
      << panel().outcome()->catalog.message;
  frames();
  shot("technician-enroll-done-fa.png");
  expect_adopted("SKO-0801");
}

TEST_F(TechnicianEnroll, TheCentresQrCodeScannedFillsTheFieldsAndEnrolls) {
  ASSERT_TRUE(m_centre.server);
  std::atomic<int> connections{0};
  pk::sync::test::FaultProxy proxy(m_centre.server->port(), [&] {
    return connections++ == 0
               ? pk::sync::test::Fault{pk::sync::test::FaultKind::Stall, 0, std::chrono::milliseconds(1'500)}
               : pk::sync::test::Fault{};
  });
  // The kiosk's configuration names no centre: the QR code brings address and pin.
  start(pk::Language::English, "");
  ASSERT_TRUE(panel().centre_url().empty());

  // A code typed with a wrong check character, for the screenshot.
  std::string typo = pk::enroll::new_enrollment_code();
  typo.back() = typo.back() == 'Z' ? 'Y' : 'Z';
  type(typo.substr(0, 16));
  shot("technician-enroll-wrong-check-en.png");
  erase(19);
  EXPECT_TRUE(panel().code().empty());

  // The centre's own command writes the QR code as PNG, for the technician's sheet.
  const fs::path png = m_dir / "enroll-qr.png";
  const std::string command = std::string(PK_CENTRE_BINARY) + " --data '" +
                              (m_centre.dir.path() / "centre").string() +
                              "' --issue-enrollment-code --office A --terminal-id SKO-0802 --centre-url " +
                              m_centre.url(proxy.port()) + " --qr-png '" + png.string() + "' >'" +
                              (m_dir / "code.txt").string() + "' 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  auto image = pk::read_png(png);
  ASSERT_TRUE(image.ok());
  const std::vector<std::string> read = pk::test::decoded_texts(*image, "QRCode");
  ASSERT_EQ(read.size(), 1U);
  std::string printed;
  std::getline(std::ifstream(m_dir / "code.txt"), printed);

  // A receipt's tracking code scanned by mistake fills nothing and says so.
  scan("12345678901234");
  EXPECT_EQ(panel().qr_problem(), pk::provisioning::QrProblem::NotEnrollment);
  EXPECT_TRUE(panel().code().empty() && panel().centre_url().empty());
  shot("technician-enroll-not-a-qr-en.png");
  // A torn label: the right start, a field missing.
  scan(read[0].substr(0, read[0].find(";pin=")));
  EXPECT_EQ(panel().qr_problem(), pk::provisioning::QrProblem::MissingField);
  EXPECT_TRUE(panel().code().empty());

  scan(read[0]);
  EXPECT_EQ(panel().qr_problem(), pk::provisioning::QrProblem::None);
  EXPECT_EQ(panel().code(), printed) << "the QR code holds the code the command printed";
  EXPECT_EQ(panel().centre_url(), m_centre.url(proxy.port()));
  EXPECT_EQ(panel().centre_pin(), m_centre.server->certificate_authority().server_pin());
  tap("tech/enroll/start");
  EXPECT_TRUE(panel().running());
  frames();
  shot("technician-enroll-running-en.png");
  finish();
  ASSERT_TRUE(panel().outcome());
  ASSERT_TRUE(panel().outcome()->ok()) << panel().outcome()->message;
  frames();
  shot("technician-enroll-done-en.png");
  auto identity = pk::provisioning::load_identity(m_data);
  ASSERT_TRUE(identity.ok() && identity->has_value());
  EXPECT_EQ((*identity)->terminal_id, "SKO-0802");
}

TEST_F(TechnicianEnroll, AUsedCodeIsSaidSoAndKeptInTheField) {
  ASSERT_TRUE(m_centre.server);
  start(pk::Language::Persian, m_centre.url());
  const std::string code = issue("SKO-0803");
  // Another terminal took it first.
  pk::provisioning::EnrollOptions other;
  other.data_dir = m_dir / "other-terminal";
  other.code = code;
  other.centre_url = m_centre.url();
  other.centre_pin = m_centre.server->certificate_authority().server_pin();
  ASSERT_TRUE(pk::provisioning::enroll(other).ok());
  type(*pk::enroll::normalise_enrollment_code(code));
  tap("tech/enroll/start");
  finish();
  ASSERT_TRUE(panel().outcome());
  EXPECT_EQ(panel().outcome()->failure, pk::provisioning::EnrollFailure::UsedCode);
  EXPECT_EQ(panel().code(), code);
  EXPECT_FALSE(panel().enrolled());
  shot("technician-enroll-used-fa.png");
}

TEST_F(TechnicianEnroll, ACatalogThatCouldNotBeHadIsFetchedAgainFromTheTabAndUsedAtOnce) {
  // A centre with no catalog to serve yet: the enrollment stands without it.
  pk::sync::test::TempDir dir("technician-enroll-no-catalog");
  pk::centre::CentreConfig centre;
  centre.data_dir = dir.path() / "centre";
  centre.catalog_file = dir.path() / "catalog.json";
  auto server = pk::centre::CentreServer::start(centre);
  ASSERT_TRUE(server.ok()) << server.error().message;
  start(pk::Language::Persian, "https://127.0.0.1:" + std::to_string((*server)->port()),
        (*server)->certificate_authority().server_pin());
  const int64_t shipped = m_app->catalog().version;
  type(*pk::enroll::normalise_enrollment_code(issue("SKO-0804", server->get())));
  tap("tech/enroll/start");
  finish();
  ASSERT_TRUE(panel().outcome() && panel().outcome()->ok()) << panel().outcome()->message;
  EXPECT_EQ(panel().outcome()->catalog.result, pk::provisioning::CatalogFetch::Failed);
  EXPECT_TRUE(panel().enrolled());
  frames();
  shot("technician-enroll-no-catalog-fa.png");

  // The centre gets a newer catalog; the technician fetches it from the tab, and the running
  // kiosk uses it at once.
  std::ifstream in(fs::path(PK_SOURCE_DATA_DIR) / "catalog.json");
  auto json = nlohmann::json::parse(in);
  json["version"] = shipped + 1;
  std::ofstream(centre.catalog_file) << json.dump(2);
  tap("tech/enroll/catalog");
  finish();
  ASSERT_TRUE(panel().catalog_fetch());
  EXPECT_EQ(panel().catalog_fetch()->result, pk::provisioning::CatalogFetch::Stored)
      << panel().catalog_fetch()->message;
  EXPECT_EQ(m_app->catalog().version, shipped + 1) << "the kiosk took the new catalog without a restart";
  frames();
  shot("technician-enroll-catalog-again-fa.png");
}

}  // namespace
