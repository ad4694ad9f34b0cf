// The technician's Devices, Diagnostics and Factory reset screens on real headless frames: a
// kiosk with a real store and configuration file, simulated devices, taps on the widgets.
// Screenshots are kept beside the test binary to be looked at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../provisioning/capture_fixture.h"
#include "kiosk/app.h"
#include "kiosk/technician/technician_desk.h"
#include "provisioning/factory_reset.h"

namespace fs = std::filesystem;
using pk::kiosk::tech::TechScreen;

namespace {

class TechnicianSetup : public ::testing::Test {
 protected:
  void start(pk::Language language, int captures) {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("technician_setup_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "usb");
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
    if (captures > 0) {
      fs::create_directories(config->data_dir);
      auto store = pk::store::Store::open(config->data_dir / "pishkhan.db");
      ASSERT_TRUE(store);
      ASSERT_TRUE(pk::store::init_sodium());
      auto keys = pk::store::generate_key_pair();
      ASSERT_EQ(pk::provisioning::test::save_captures(**store, keys->public_key, 1'790'000'000).size(), 2U);
    }
    auto app = pk::kiosk::App::create(config.value(), pk::ui::DisplayMode::Headless);
    ASSERT_TRUE(app) << app.error().message;
    m_app = std::move(app.value());
    ASSERT_TRUE(m_app->technician_desk()->set_technician("4321", "13579", 1'700'000'000));
    frames();
    tap("technician");
    type("4321");
    tap("tech/pin");
    type("13579");
    tap("tech/signin");
    ASSERT_TRUE(m_app->technician_desk()->flow().logged_in());
  }
  void TearDown() override {
    m_app.reset();
    fs::remove_all(m_dir);
  }
  void frames() {
    m_now += 1;
    m_app->render_frame(m_now);
    m_app->render_frame(m_now + 0.1);
  }
  void tap(const std::string& id) {
    ASSERT_TRUE(m_app->tap(id, m_now += 0.5)) << id;
    frames();
  }
  void type(const std::string& digits) {
    const char* keys[] = {"key/۰", "key/۱", "key/۲", "key/۳", "key/۴",
                          "key/۵", "key/۶", "key/۷", "key/۸", "key/۹"};
    for (char c : digits) ASSERT_TRUE(m_app->tap(keys[c - '0'], m_now += 0.2));
    frames();
  }
  void shot(const std::string& name) { ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / name)); }
  const pk::kiosk::tech::SetupView& setup() { return m_app->technician_desk()->setup(); }

  fs::path m_dir, m_config_file;
  std::unique_ptr<pk::kiosk::App> m_app;
  double m_now = 10;
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
  type("11111");  // a wrong PIN resets nothing
  tap("tech/reset/confirm");
  EXPECT_EQ(m_app->technician_desk()->flow().state().reset_step, pk::kiosk::tech::ResetStep::Start);
  EXPECT_TRUE(fs::exists(m_dir / "var" / "technicians.json"));
  tap("tech/reset/override");
  type("13579");
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
