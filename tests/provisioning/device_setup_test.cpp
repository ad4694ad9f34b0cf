// Device set-up with the simulated devices: every role lists its twin, self-tests pass on
// them and fail with an explanation when a fault is scripted, and the choice written into a
// copy of data/pishkhan.toml is what kiosk/config reads back, comments kept.
#include "provisioning/device_setup.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/barcode/sim_barcode_scanner.h"
#include "drivers/cardreader/card_reader_registry.h"
#include "drivers/cardreader/sim_card_reader.h"
#include "drivers/printer/sim_printer.h"
#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/config.h"
#include "tests/provisioning/capture_fixture.h"

namespace fs = std::filesystem;
using namespace pk::provisioning;

namespace {

class DeviceSetup : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("device_setup_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    auto renderer = pk::receipts::ReceiptRenderer::create();
    ASSERT_TRUE(renderer) << renderer.error().message;
    m_renderer = std::move(renderer.value());
    m_options.terminal_id = "SKO-TEST-0007";
    m_options.terminal_number = 7;
    m_options.now_unix = 1'790'000'000;
    m_options.renderer = m_renderer.get();
    m_options.barcode_wait = std::chrono::milliseconds(500);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path m_dir;
  std::unique_ptr<pk::receipts::ReceiptRenderer> m_renderer;
  SelfTestOptions m_options;
};

}  // namespace

TEST_F(DeviceSetup, EveryRoleListsItsSimulatedTwinFirst) {
  DiscoveryOptions options;
  options.sim_printer_dir = m_dir / "receipts";
  options.known_connections = {"tcp:10.1.2.3:9100"};
  // The real backends run too: on a machine without hardware they add nothing or a problem,
  // never a crash.
  const std::vector<RoleDevices> roles = discover_devices(options);
  ASSERT_EQ(roles.size(), 4U);
  for (size_t i = 0; i < roles.size(); ++i) {
    EXPECT_EQ(roles[i].role, kDeviceRoles[i]);
    ASSERT_FALSE(roles[i].devices.empty()) << to_string(roles[i].role);
    EXPECT_EQ(roles[i].devices.front().backend, "sim");
  }
  EXPECT_EQ(roles[0].devices.front().connection, "sim:" + (m_dir / "receipts").string());
  EXPECT_EQ(roles[0].devices[1].connection, "tcp:10.1.2.3:9100");
  for (const RoleDevices& role : roles)
    for (const Problem& p : role.problems) EXPECT_FALSE(explain(p, role.role, pk::Language::English).empty());
}

TEST_F(DeviceSetup, SelfTestsPassOnEverySimulatedDevice) {
  const std::string printer = "sim:" + (m_dir / "receipts").string();
  const SelfTestResult p = self_test(DeviceRole::Printer, printer, m_options);
  EXPECT_TRUE(p.passed()) << p.summary;
  // The test receipt came out: the simulated printer drew it.
  EXPECT_TRUE(fs::exists(m_dir / "receipts" / "job-0001.png"));
  const SelfTestResult s = self_test(DeviceRole::Scanner, "sim:", m_options);
  EXPECT_TRUE(s.passed()) << s.summary;
  EXPECT_NE(s.summary.find("200 dpi"), std::string::npos) << s.summary;
  const SelfTestResult c = self_test(DeviceRole::CardReader, "sim:passport", m_options);
  EXPECT_TRUE(c.passed()) << c.summary;
  EXPECT_TRUE(c.summary.starts_with("ATR 3B")) << c.summary;
  const SelfTestResult b = self_test(DeviceRole::Barcode, "sim:", m_options);
  EXPECT_TRUE(b.passed()) << b.summary;
  EXPECT_NE(b.summary.find("test receipt's code"), std::string::npos) << b.summary;
}

TEST_F(DeviceSetup, FailuresSayWhatIsWrongAndWhatToDo) {
  pk::SimPrinterConfig printer_config;
  printer_config.output_dir = m_dir / "receipts";
  pk::SimPrinter printer(printer_config);
  ASSERT_TRUE(printer.inject("PAPER_OUT"));
  const SelfTestResult p = test_printer(printer, m_options);
  EXPECT_EQ(p.outcome, TestOutcome::Failed);
  ASSERT_TRUE(p.problem);
  EXPECT_EQ(p.problem->kind, ProblemKind::NoMedia);

  pk::scanner::SimScanner scanner(3);
  ASSERT_TRUE(scanner.inject("UNPLUG"));
  const SelfTestResult s = test_scanner(scanner);
  EXPECT_EQ(s.outcome, TestOutcome::Failed);
  ASSERT_TRUE(s.problem);
  EXPECT_EQ(s.problem->kind, ProblemKind::Unplugged) << s.summary;

  pk::cardreader::SimCardReader reader;  // no card on it
  const SelfTestResult c = test_card_reader(reader, "");
  EXPECT_EQ(c.outcome, TestOutcome::Failed);
  ASSERT_TRUE(c.problem);
  EXPECT_EQ(c.problem->kind, ProblemKind::NoMedia) << c.summary;

  pk::barcode::SimBarcodeScanner barcode;  // nobody scans
  const SelfTestResult b = test_barcode(barcode, std::chrono::milliseconds(50), "x");
  EXPECT_EQ(b.outcome, TestOutcome::Failed);
  EXPECT_EQ(b.problem->kind, ProblemKind::NoMedia);

  // A barcode device node that is not there: unplugged, and the explanation says what to do.
  const SelfTestResult gone =
      self_test(DeviceRole::Barcode, "evdev:" + (m_dir / "no-such-event-kbd").string(), m_options);
  EXPECT_EQ(gone.outcome, TestOutcome::Failed);
  ASSERT_TRUE(gone.problem);
  EXPECT_EQ(gone.problem->kind, ProblemKind::Unplugged) << gone.summary;
  EXPECT_NE(explain(*gone.problem, DeviceRole::Barcode, pk::Language::English).find("cable"),
            std::string::npos);
  // An unknown backend is a missing driver.
  const SelfTestResult unknown = self_test(DeviceRole::Printer, "lpt:1", m_options);
  EXPECT_EQ(unknown.problem->kind, ProblemKind::MissingBackend);
}

TEST_F(DeviceSetup, PermissionProblemsNameTheUdevRuleAndTheGroup) {
  // The kind the driver gave the error decides, whatever its words.
  EXPECT_EQ(problem_of(pk::make_error(pk::ErrorKind::PermissionDenied, "cannot open /dev/input/event3")),
            ProblemKind::PermissionDenied);
  EXPECT_EQ(problem_of(pk::make_error(pk::ErrorKind::Busy, "held (it says nothing of busy)")),
            ProblemKind::Busy);
  EXPECT_EQ(problem_of(pk::make_error(pk::ErrorKind::NotFound, "permission denied, says the text")),
            ProblemKind::Unplugged);
  // An error of no kind is never read as text, whatever it says: the card reader gives its own
  // errors a kind now (pcscd not running: Unavailable, a missing MissingBackend).
  EXPECT_EQ(problem_of(pk::make_error("cannot reach pcscd: Service not available.")), ProblemKind::Other);
  EXPECT_EQ(problem_of(pk::make_error("cannot connect: Access denied")), ProblemKind::Other);
  EXPECT_EQ(
      problem_of(pk::make_error(pk::ErrorKind::Unavailable, "cannot reach pcscd: Service not available.")),
      ProblemKind::MissingBackend);
  for (pk::Language lang : {pk::Language::Persian, pk::Language::English}) {
    const std::string text = explain({ProblemKind::PermissionDenied, "EACCES"}, DeviceRole::Printer, lang);
    EXPECT_NE(text.find(std::string(kUdevRuleFile)), std::string::npos) << text;
    const bool names_lp = text.find("\"lp\"") != std::string::npos || text.find("«lp»") != std::string::npos;
    EXPECT_TRUE(names_lp) << text;  // printers belong to group lp
  }
  // The driver's English detail stays whole inside a Persian sentence: an isolate, brackets outside.
  const std::string detail = "cannot reach pcscd: Service not available.";
  EXPECT_NE(explain({ProblemKind::MissingBackend, detail}, DeviceRole::CardReader, pk::Language::Persian)
                .find(" (\u2066" + detail + "\u2069)"),
            std::string::npos);
  EXPECT_EQ(explain({ProblemKind::MissingBackend, detail}, DeviceRole::CardReader, pk::Language::English)
                .find("\u2066"),
            std::string::npos);
  // A real node we may not open (when the test does not run as root, who may open anything).
  if (::geteuid() != 0) {
    const fs::path node = m_dir / "usb-Scanner-event-kbd";
    std::ofstream(node) << "x";
    fs::permissions(node, fs::perms::none);
    const SelfTestResult r = self_test(DeviceRole::Barcode, "evdev:" + node.string(), m_options);
    ASSERT_TRUE(r.problem);
    EXPECT_EQ(r.problem->kind, ProblemKind::PermissionDenied) << r.summary;
  }
}

TEST_F(DeviceSetup, EvdevDiscoveryListsKeyboardNodesOnly) {
  const fs::path by_id = m_dir / "by-id";
  fs::create_directories(by_id);
  std::ofstream(by_id / "usb-Honeywell_1900-event-kbd") << "";
  std::ofstream(by_id / "usb-Logitech_Mouse-event-mouse") << "";
  auto found = pk::barcode::EvdevScanner::discover(by_id);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ((*found)[0].connection, "evdev:" + (by_id / "usb-Honeywell_1900-event-kbd").string());
  EXPECT_TRUE(pk::barcode::EvdevScanner::discover(m_dir / "absent")->empty());
}

TEST_F(DeviceSetup, ChoiceIsWrittenIntoTheConfigurationAndReadBackByTheKiosk) {
  const fs::path config = m_dir / "pishkhan.toml";
  fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", config);
  DeviceChoice choice;
  choice[DeviceRole::Printer] = "tcp:10.1.2.3:9100";
  choice[DeviceRole::Scanner] = "sane:epjitsu:libusb:001:004";
  choice[DeviceRole::CardReader] = "pcsc:ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00";
  choice[DeviceRole::Barcode] = "evdev:/dev/input/by-id/usb-Honeywell_1900-event-kbd";
  auto saved = save_device_choice(config, choice);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->kept_comments);
  const std::string text = pk::provisioning::test::read_file(config);
  EXPECT_NE(text.find("# simulated | usb | network | none"), std::string::npos) << "comments kept";
  EXPECT_NE(text.find("[centre]"), std::string::npos);

  auto loaded = pk::kiosk::load_config_file(config, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->printer, pk::kiosk::DeviceBackend::Network);
  EXPECT_EQ(loaded->printer_connection, "tcp:10.1.2.3:9100");
  EXPECT_EQ(loaded->scanner, pk::kiosk::DeviceBackend::Sane);
  EXPECT_EQ(loaded->scanner_connection, "sane:epjitsu:libusb:001:004");
  EXPECT_EQ(loaded->card_reader, pk::kiosk::DeviceBackend::Pcsc);
  EXPECT_EQ(loaded->card_reader_connection, choice[DeviceRole::CardReader]);
  EXPECT_EQ(loaded->barcode, pk::kiosk::DeviceBackend::Usb);
  EXPECT_EQ(loaded->barcode_connection, choice[DeviceRole::Barcode]);
  EXPECT_EQ(loaded->terminal_id, "SKO-BIR-0001") << "other keys untouched";

  // Back to the simulated devices, and no card reader at all.
  DeviceChoice sim;
  sim[DeviceRole::Printer] = "sim:" + (m_dir / "receipts").string();
  sim[DeviceRole::Scanner] = "sim:";
  sim[DeviceRole::Barcode] = "sim:";
  ASSERT_TRUE(save_device_choice(config, sim));
  loaded = pk::kiosk::load_config_file(config, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->printer, pk::kiosk::DeviceBackend::Simulated);
  EXPECT_TRUE(loaded->printer_connection.empty());
  EXPECT_EQ(loaded->card_reader, pk::kiosk::DeviceBackend::None);
  // No temporary file is left beside it.
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(m_dir)) ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(DeviceSetup, ConfigWriterKeepsEverythingElseAndRefusesBrokenFiles) {
  const std::string original =
      "# head comment\n[terminal]\nid = \"A\"  # the id\n\n[devices]\nprinter = \"usb\"   # which printer\n"
      "# a note\n\n[log]\nlevel = \"info\"\n";
  auto edited =
      set_table_strings(original, "devices", {{"printer", "network"}, {"printer_connection", "tcp:h:1"}});
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_TRUE(edited->kept_comments);
  EXPECT_NE(edited->text.find("printer = \"network\""), std::string::npos) << edited->text;
  EXPECT_NE(edited->text.find("# which printer"), std::string::npos);
  EXPECT_NE(edited->text.find("printer_connection = \"tcp:h:1\""), std::string::npos);
  EXPECT_LT(edited->text.find("printer_connection"), edited->text.find("[log]")) << "added inside [devices]";
  // A table that is not there is added.
  auto added = set_table_strings("[terminal]\nid = \"A\"\n", "devices", {{"barcode", "sim\"q"}});
  ASSERT_TRUE(added);
  EXPECT_NE(added->text.find("[devices]\nbarcode = \"sim\\\"q\""), std::string::npos) << added->text;
  // An inline table cannot be edited line by line: toml++ rewrites it.
  auto inline_table =
      set_table_strings("devices = { printer = \"usb\" }\n", "devices", {{"printer", "none"}});
  ASSERT_TRUE(inline_table) << inline_table.error().message;
  EXPECT_FALSE(inline_table->kept_comments);
  // Broken TOML is refused with its line.
  auto broken = set_table_strings("[devices\nprinter = 1\n", "devices", {{"printer", "none"}});
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("line 1"), std::string::npos) << broken.error().message;
  EXPECT_FALSE(set_table_strings("", "devices", {{"bad key", "x"}}));
}

// What device set-up lists is what the kiosk opens: listed (SANE's test backend, through the
// test tree's configuration) -> saved into a copy of data/pishkhan.toml -> read by the kiosk's
// configuration -> the connection the kiosk opens -> the driver factory -> that device, not the
// first one SANE lists.
TEST_F(DeviceSetup, TheListedScannerIsTheOneTheKioskOpens) {
  DiscoveryOptions discovery;
  discovery.sim_printer_dir = m_dir / "receipts";
  discovery.evdev_dir = m_dir / "no-input";
  const std::vector<RoleDevices> roles = discover_devices(discovery);
  const RoleDevices& scanners = roles[static_cast<size_t>(DeviceRole::Scanner)];
  std::string second;
  for (const pk::DeviceInfo& d : scanners.devices)
    if (d.connection == "sane:test:1") second = d.connection;
  ASSERT_EQ(second, "sane:test:1") << "the test backend lists test:0 and test:1";

  const fs::path config = m_dir / "pishkhan.toml";
  fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", config);
  DeviceChoice choice;
  for (const RoleDevices& role : roles) choice[role.role] = role.devices.front().connection;  // the twins
  choice[DeviceRole::Scanner] = second;
  ASSERT_TRUE(save_device_choice(config, choice));
  auto loaded = pk::kiosk::load_config_file(config, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->scanner, pk::kiosk::DeviceBackend::Sane);
  EXPECT_EQ(pk::kiosk::scanner_connection(*loaded), "sane:test:1");
  auto scanner = pk::scanner::create_scanner(pk::scanner::make_scanner_registry(),
                                             pk::kiosk::scanner_connection(*loaded));
  ASSERT_TRUE(scanner) << scanner.error().message;
  ASSERT_TRUE((*scanner)->open());
  EXPECT_EQ((*scanner)->info().name, "test:1");
  EXPECT_EQ((*scanner)->info().connection, "sane:test:1");
  // The simulated twins chosen for the other roles are the kiosk's defaults.
  EXPECT_EQ(pk::kiosk::card_reader_connection(*loaded), "sim:passport");
  EXPECT_EQ(pk::kiosk::barcode_connection(*loaded), "sim:");

  // A saved scanner that is not attached is not replaced by another one.
  auto missing = pk::scanner::create_scanner(pk::scanner::make_scanner_registry(), "sane:test:9");
  ASSERT_TRUE(missing);
  EXPECT_FALSE((*missing)->open());
  EXPECT_EQ((*missing)->status(), pk::scanner::ScannerStatus::Unplugged);
  EXPECT_NE((*missing)->info().name, "test:0");
}

// A PC/SC reader saved by name is the reader the kiosk's driver keeps to (no pcscd needed to
// see that the name survives the round trip; reading from it is the pcscd tests' job).
TEST_F(DeviceSetup, TheSavedCardReaderNameReachesTheDriver) {
  const fs::path config = m_dir / "pishkhan.toml";
  fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", config);
  const std::string reader = "pcsc:ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00";
  DeviceChoice choice;
  choice[DeviceRole::CardReader] = reader;
  ASSERT_TRUE(save_device_choice(config, choice));
  auto loaded = pk::kiosk::load_config_file(config, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(pk::kiosk::card_reader_connection(*loaded), reader);
  auto made = pk::cardreader::create_card_reader(pk::cardreader::make_card_reader_registry(),
                                                 pk::kiosk::card_reader_connection(*loaded));
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ((*made)->info().connection, reader);
  EXPECT_EQ((*made)->info().name, reader.substr(5));
  // Nothing saved: any reader, as before.
  loaded->card_reader_connection.clear();
  EXPECT_EQ(pk::kiosk::card_reader_connection(*loaded), "pcsc:");
}

// The kiosk lends its own open device to a self-test: the test runs on it and leaves it open
// (the kiosk reads codes from it afterwards).
TEST_F(DeviceSetup, ASelfTestOnAHeldDeviceLeavesItOpen) {
  pk::barcode::SimBarcodeScanner held;
  ASSERT_TRUE(held.open());
  const SelfTestResult b = self_test(DeviceRole::Barcode, held, m_options);
  EXPECT_TRUE(b.passed()) << b.summary;
  EXPECT_EQ(held.state().connection, pk::Connection::Open);
  pk::cardreader::SimCardReader printer_not;  // the wrong class for the role: refused, no crash
  const SelfTestResult wrong = self_test(DeviceRole::Printer, printer_not, m_options);
  EXPECT_EQ(wrong.outcome, TestOutcome::Failed);
}
