// The technician's Devices, Diagnostics and Factory reset screens on real headless frames: a
// kiosk with a real store and configuration file, simulated devices, taps on the widgets.
// Screenshots are kept beside the test binary to be looked at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include "drivers/scanner/scanner_registry.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/app.h"
#include "kiosk/strings/technician_strings.h"
#include "kiosk/technician/technician_desk.h"
#include "provisioning/factory_reset.h"
#include "tests/provisioning/capture_fixture.h"
#include "tests/support/headless_kiosk.h"

namespace fs = std::filesystem;
using pk::kiosk::tech::TechScreen;

namespace {

// A scanner the test holds: next_page() waits until the test lets it go, as a real scanner
// takes seconds over a page. Its glass has one page on it.
class HeldScanner final : public pk::scanner::ScannerDriver {
 public:
  HeldScanner() : m_sim(7) { (void)m_sim.inject("LOAD 1 text"); }
  [[nodiscard]] const pk::DeviceInfo& info() const override { return m_sim.info(); }
  [[nodiscard]] pk::DeviceState state() const override { return m_sim.state(); }
  void on_hotplug(pk::HotplugCallback callback) override { m_sim.on_hotplug(std::move(callback)); }
  [[nodiscard]] pk::Result<void> open() override { return m_sim.open(); }
  [[nodiscard]] pk::Result<void> start(const pk::scanner::ScanSettings& s) override { return m_sim.start(s); }
  [[nodiscard]] pk::Result<std::optional<pk::imaging::Page>> next_page() override {
    std::unique_lock lock(m_mutex);
    m_scanning = true;
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return m_released; });
    m_scanning = false;
    return m_sim.next_page();
  }
  void cancel() override { m_sim.cancel(); }
  [[nodiscard]] pk::scanner::ScannerStatus status() const override { return m_sim.status(); }

  bool wait_until_scanning(std::chrono::seconds limit) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, limit, [&] { return m_scanning; });
  }
  void release() {
    std::lock_guard lock(m_mutex);
    m_released = true;
    m_changed.notify_all();
  }

 private:
  pk::scanner::SimScanner m_sim;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_scanning = false;
  bool m_released = false;
};

class TechnicianSetup : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(pk::Language language, int captures,
             const std::function<void(pk::kiosk::Config&)>& adjust = {}) {
    m_pace.tap = 0.5;
    fs::create_directories(folder(fs::path(PK_TEST_BINARY_DIR) / "technician_setup") / "usb");
    m_config_file = m_dir / "pishkhan.toml";
    fs::copy_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", m_config_file);
    {
      std::ofstream patch(m_config_file, std::ios::app);
      patch << "\n";
    }
    pk::kiosk::Config defaults = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
    auto config = pk::kiosk::load_config_file(m_config_file, defaults);
    ASSERT_TRUE(config) << config.error().message;
    config->data_dir = m_dir / "var";
    config->catalog_file = fs::path(PK_SOURCE_DATA_DIR) / "catalog.json";
    config->centre_url.clear();
    config->export_dir = m_dir / "usb";
    config->language = language;
    if (adjust) adjust(config.value());
    if (captures > 0) {
      fs::create_directories(config->data_dir);
      auto store = pk::store::Store::open(config->data_dir / "pishkhan.db");
      ASSERT_TRUE(store);
      ASSERT_TRUE(pk::store::init_sodium());
      auto keys = pk::store::generate_key_pair();
      ASSERT_EQ(pk::provisioning::test::save_captures(**store, keys->public_key, 1'790'000'000).size(), 2U);
    }
    open(config.value(), pk::kiosk::test::CentreKey::AsFound);
    sign_in_technician();
    settle();  // the device search runs off the frame loop
  }
  // Frames until the desk's device search and self-tests have ended.
  void settle() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (m_app->technician_desk()->busy() && std::chrono::steady_clock::now() < deadline) {
      m_app->render_frame(m_now += 0.05);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_FALSE(m_app->technician_desk()->busy());
    frames();
  }
  void shot(const std::string& name) { ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / name)); }
  const pk::kiosk::tech::SetupView& setup() { return m_app->technician_desk()->setup(); }

  fs::path m_config_file;
};

}  // namespace

TEST_F(TechnicianSetup, DevicesChooseSelfTestAndSave) {
  start(pk::Language::Persian, 0);
  tap("tech/tab/devices");
  // Simulated devices are listed and chosen (the shipped configuration uses them).
  for (const auto& role : setup().roles) {
    ASSERT_FALSE(role.found.devices.empty());
    EXPECT_EQ(role.chosen, 0);
  }
  for (int r = 0; r < 4; ++r) tap("tech/test/" + std::to_string(r));
  settle();
  for (const auto& role : setup().roles) {
    ASSERT_TRUE(role.result);
    EXPECT_TRUE(role.result->passed()) << role.result->summary;
  }
  tap("tech/dev/2/none");  // this kiosk has no card reader
  EXPECT_EQ(setup().roles[2].chosen, -1);
  tap("tech/devices/save");
  EXPECT_TRUE(setup().devices_message_ok) << setup().devices_message;
  shot("technician-devices-fa.png");
  auto reread = pk::kiosk::load_config_file(m_config_file, pk::kiosk::default_config(PK_SOURCE_DATA_DIR));
  ASSERT_TRUE(reread) << reread.error().message;
  EXPECT_EQ(reread->card_reader, pk::kiosk::DeviceBackend::None);
  EXPECT_EQ(reread->printer, pk::kiosk::DeviceBackend::Simulated);
}

TEST_F(TechnicianSetup, DevicesInEnglish) {
  start(pk::Language::English, 0);
  tap("tech/tab/devices");
  tap("tech/test/0");
  settle();
  shot("technician-devices-en.png");
  EXPECT_TRUE(setup().roles[0].result && setup().roles[0].result->passed());
}

TEST_F(TechnicianSetup, DiagnosticsExportsABundleToTheChosenFolder) {
  start(pk::Language::Persian, 2);
  tap("tech/tab/diagnostics");
  ASSERT_TRUE(setup().diagnostics);
  EXPECT_EQ(setup().diagnostics->pending_outbox, 2);
  ASSERT_FALSE(setup().destinations.empty());
  const size_t usb = setup().destinations.size() - 1;
  EXPECT_EQ(setup().destinations[usb], m_dir / "usb");
  tap("tech/dest/" + std::to_string(usb));
  tap("tech/export");
  EXPECT_TRUE(setup().export_ok) << setup().export_message;
  int bundles = 0;
  for (const auto& e : fs::directory_iterator(m_dir / "usb")) bundles += e.path().extension() == ".tar";
  EXPECT_EQ(bundles, 1);
  shot("technician-diagnostics-fa.png");
}

TEST_F(TechnicianSetup, FactoryResetRefusedThenOverriddenWithThePinAgain) {
  start(pk::Language::Persian, 2);
  tap("tech/tab/reset");
  EXPECT_EQ(setup().unsent, 2);
  EXPECT_EQ(m_app->target("tech/reset/start"), nullptr) << "no plain reset with a backlog";
  shot("technician-reset-refused-fa.png");
  tap("tech/reset/override");
  EXPECT_EQ(m_app->technician_desk()->flow().state().reset_step, pk::kiosk::tech::ResetStep::ConfirmPin);
  type_digits("11111");  // a wrong PIN resets nothing
  tap("tech/reset/confirm");
  EXPECT_EQ(m_app->technician_desk()->flow().state().reset_step, pk::kiosk::tech::ResetStep::Start);
  EXPECT_TRUE(fs::exists(m_dir / "var" / "technicians.json"));
  tap("tech/reset/override");
  type_digits("13579");
  shot("technician-reset-confirm-fa.png");
  tap("tech/reset/confirm");
  EXPECT_EQ(m_app->technician_desk()->flow().state().reset_step, pk::kiosk::tech::ResetStep::Done)
      << m_app->technician_desk()->flow().state().reset_message;
  shot("technician-reset-done-fa.png");
  // First boot: only the reset's record and a fresh, empty store are in the data folder.
  for (const auto& e : fs::recursive_directory_iterator(m_dir / "var")) {
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(name == pk::provisioning::kResetRecordName || name.starts_with("pishkhan.db")) << e.path();
  }
  EXPECT_EQ(m_app->store().stats(0)->pending_outbox, 0);
}

namespace {

constexpr size_t kScannerRole = static_cast<size_t>(pk::provisioning::DeviceRole::Scanner);
constexpr size_t kBarcodeRole = static_cast<size_t>(pk::provisioning::DeviceRole::Barcode);

// A self-test that takes its time (a real scanner scans for seconds, a barcode scanner is waited
// for up to 8 s) runs off the frame loop: frames keep coming and show "testing" with the
// seconds, a second tap on the same device is refused with a message, another device is tested
// meanwhile, the technician cannot leave while the kiosk's own scanner is lent to the test, and
// the result shows when the scan ends.
class HeldSelfTest : public TechnicianSetup {
 protected:
  void run(pk::Language language, const std::string& suffix) {
    start(language, 0);
    auto held = std::make_unique<HeldScanner>();
    HeldScanner* scanner = held.get();
    ASSERT_TRUE(m_app->replace_scanner(std::move(held)));
    tap("tech/tab/devices");
    ASSERT_TRUE(m_app->tap("tech/test/" + std::to_string(kScannerRole), m_now += 0.5));
    // The kiosk's scanner ("sim:", the connection it opened) is the one being tested.
    ASSERT_TRUE(scanner->wait_until_scanning(std::chrono::seconds(10)));
    EXPECT_TRUE(m_app->technician_desk()->holds(pk::provisioning::DeviceRole::Scanner));
    EXPECT_FALSE(m_app->replace_scanner(std::make_unique<HeldScanner>())) << "lent: not replaced";

    // 1.5 s of frames while the scan is held: none waits for it.
    double worst_ms = 0;
    int frames_drawn = 0;
    const auto begin = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - begin < std::chrono::milliseconds(1500)) {
      const auto t0 = std::chrono::steady_clock::now();
      m_app->render_frame(m_now += 0.05);
      worst_ms = std::max(
          worst_ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      ++frames_drawn;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("while the self-test held the scanner for 1.5 s: %d frames, the slowest %.1f ms\n",
                frames_drawn, worst_ms);
    EXPECT_GT(frames_drawn, 20);
    EXPECT_LT(worst_ms, 1000.0) << "a frame waited for the held scan";
    ASSERT_TRUE(setup().roles[kScannerRole].testing);
    EXPECT_GE(setup().roles[kScannerRole].testing_seconds, 1);
    EXPECT_FALSE(setup().roles[kScannerRole].result);
    EXPECT_TRUE(m_app->technician_desk()->busy());

    // A second tap on the same device is refused, and says so.
    tap("tech/test/" + std::to_string(kScannerRole));
    EXPECT_FALSE(setup().devices_message_ok);
    EXPECT_EQ(setup().devices_message, pk::kiosk::tech::strings::kTestRunning.in(language));
    // Another role is tested meanwhile (the simulated barcode scanner reads the test code).
    tap("tech/test/" + std::to_string(kBarcodeRole));
    const auto barcode_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!setup().roles[kBarcodeRole].result && std::chrono::steady_clock::now() < barcode_deadline) {
      m_app->render_frame(m_now += 0.05);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(setup().roles[kBarcodeRole].result);
    EXPECT_TRUE(setup().roles[kBarcodeRole].result->passed()) << setup().roles[kBarcodeRole].result->summary;
    EXPECT_TRUE(setup().roles[kScannerRole].testing) << "still held";
    // Leaving is refused while the kiosk's scanner is lent to the test.
    tap("tech/exit");
    EXPECT_TRUE(m_app->technician_desk()->active());
    EXPECT_EQ(setup().devices_message, pk::kiosk::tech::strings::kWaitForDevices.in(language));
    frames();
    shot("technician-devices-testing-" + suffix + ".png");

    scanner->release();
    settle();
    EXPECT_FALSE(setup().roles[kScannerRole].testing);
    ASSERT_TRUE(setup().roles[kScannerRole].result);
    EXPECT_TRUE(setup().roles[kScannerRole].result->passed()) << setup().roles[kScannerRole].result->summary;
    EXPECT_FALSE(m_app->technician_desk()->holds(pk::provisioning::DeviceRole::Scanner));
    EXPECT_TRUE(setup().devices_message.empty()) << "the wait is over: " << setup().devices_message;
    shot("technician-devices-tested-" + suffix + ".png");
    tap("tech/exit");
    EXPECT_FALSE(m_app->technician_desk()->active());
  }
};

}  // namespace

TEST_F(HeldSelfTest, FramesKeepComingWhileAScanHoldsTheTestPersian) { run(pk::Language::Persian, "fa"); }
TEST_F(HeldSelfTest, FramesKeepComingWhileAScanHoldsTheTestEnglish) { run(pk::Language::English, "en"); }

// The kiosk opens the scanner device set-up saved, not the first one SANE lists (the test
// backend lists test:0 and test:1); a self-test of that scanner runs on the kiosk's own handle.
TEST_F(TechnicianSetup, TheSavedSaneScannerIsTheOneOpened) {
  start(pk::Language::English, 0, [](pk::kiosk::Config& c) {
    c.scanner = pk::kiosk::DeviceBackend::Sane;
    c.scanner_connection = "sane:test:1";
  });
  ASSERT_NE(m_app->scanner(), nullptr);
  EXPECT_EQ(m_app->scanner()->info().name, "test:1");
  EXPECT_EQ(m_app->scanner()->status(), pk::scanner::ScannerStatus::Ready);
  tap("tech/tab/devices");
  const auto& role = setup().roles[kScannerRole];
  ASSERT_GE(role.chosen, 0);
  EXPECT_EQ(role.found.devices[static_cast<size_t>(role.chosen)].connection, "sane:test:1");
  tap("tech/test/" + std::to_string(kScannerRole));
  settle();
  ASSERT_TRUE(setup().roles[kScannerRole].result);
  EXPECT_TRUE(setup().roles[kScannerRole].result->passed()) << setup().roles[kScannerRole].result->summary;
}

// A saved scanner that is not there stays missing: the log and the technician's device lines
// say which one, and the kiosk does not quietly take test:0 instead.
TEST_F(TechnicianSetup, AMissingSavedScannerIsReportedNotReplaced) {
  start(pk::Language::English, 0, [](pk::kiosk::Config& c) {
    c.scanner = pk::kiosk::DeviceBackend::Sane;
    c.scanner_connection = "sane:test:7";
  });
  ASSERT_NE(m_app->scanner(), nullptr);
  EXPECT_NE(m_app->scanner()->info().name, "test:0");
  EXPECT_EQ(m_app->scanner()->status(), pk::scanner::ScannerStatus::Unplugged);
  bool named = false;
  for (const auto& line : m_app->technician_desk()->device_lines())
    if (line.role == "Scanner") {
      EXPECT_FALSE(line.ok);
      named = line.status.find("sane:test:7") != std::string::npos;
    }
  EXPECT_TRUE(named) << "the scanner's device line names the saved scanner";
}

// With nothing saved the kiosk opens the first scanner SANE lists (test:0), as before; a
// self-test of it runs on the kiosk's own handle instead of failing on a second one.
TEST_F(TechnicianSetup, TheFirstSaneScannerIsTestedOnTheKiosksOwnHandle) {
  start(pk::Language::English, 0, [](pk::kiosk::Config& c) {
    c.scanner = pk::kiosk::DeviceBackend::Sane;
    c.scanner_connection.clear();
  });
  ASSERT_NE(m_app->scanner(), nullptr);
  ASSERT_EQ(m_app->scanner()->info().name, "test:0");
  tap("tech/tab/devices");
  const auto& role = setup().roles[kScannerRole];
  ASSERT_GE(role.chosen, 0);
  ASSERT_EQ(role.found.devices[static_cast<size_t>(role.chosen)].connection, "sane:test:0");
  tap("tech/test/" + std::to_string(kScannerRole));
  settle();
  ASSERT_TRUE(setup().roles[kScannerRole].result);
  EXPECT_TRUE(setup().roles[kScannerRole].result->passed()) << setup().roles[kScannerRole].result->summary;
}

// Another program holds the scanner (here: the test's own SANE handle on test:1): the self-test
// says the device is busy and what to do, and ends; no crash, no hang.
TEST_F(TechnicianSetup, ABusyDeviceIsExplainedAsBusy) {
  start(pk::Language::English, 0);
  auto other = pk::scanner::create_scanner(pk::scanner::make_scanner_registry(), "sane:test:1");
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->open());
  tap("tech/tab/devices");
  const auto& devices = setup().roles[kScannerRole].found.devices;
  int busy = -1;
  for (size_t i = 0; i < devices.size(); ++i)
    if (devices[i].connection == "sane:test:1") busy = static_cast<int>(i);
  ASSERT_GE(busy, 0);
  tap("tech/dev/" + std::to_string(kScannerRole) + "/" + std::to_string(busy));
  tap("tech/test/" + std::to_string(kScannerRole));
  settle();
  const auto& result = setup().roles[kScannerRole].result;
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->passed());
  ASSERT_TRUE(result->problem);
  EXPECT_EQ(result->problem->kind, pk::provisioning::ProblemKind::Busy) << result->summary;
  shot("technician-devices-busy-en.png");
}
