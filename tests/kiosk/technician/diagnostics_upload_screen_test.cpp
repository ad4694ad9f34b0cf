// The Diagnostics tab's "send to the centre" on real headless frames: a kiosk enrolled for real
// with the reference centre (reached through a loopback proxy that can hold the reply back),
// a tap on the button, frames that keep drawing while the upload runs on its own thread, and
// the outcome in the technician's language. Screenshots are kept beside the test binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/app.h"
#include "kiosk/technician/technician_desk.h"
#include "provisioning/enrollment.h"
#include "tests/provisioning/capture_fixture.h"
#include "tests/support/headless_kiosk.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace fs = std::filesystem;
using pk::sync::test::Fault;
using pk::sync::test::FaultKind;

namespace {

class DiagnosticsSendScreen : public ::testing::Test, protected pk::kiosk::test::HeadlessKiosk {
 protected:
  void start(pk::Language language, bool enrolled) {
    m_pace.tap = 0.5;
    ASSERT_TRUE(m_centre.server);
    m_proxy = std::make_unique<pk::sync::test::FaultProxy>(m_centre.server->port(), [this] {
      return m_stall_next.exchange(false) ? Fault{FaultKind::Stall, 0, std::chrono::milliseconds(2'500)}
                                          : Fault{};
    });
    m_dir = m_centre.dir.path() / "kiosk";
    pk::kiosk::Config defaults = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
    auto config = pk::kiosk::load_config_file(fs::path(PK_SOURCE_DATA_DIR) / "pishkhan.toml", defaults);
    ASSERT_TRUE(config) << config.error().message;
    config->data_dir = m_dir / "var";
    config->catalog_file = fs::path(PK_SOURCE_DATA_DIR) / "catalog.json";
    config->centre_url.clear();  // no sync thread: the upload is the only traffic
    config->export_dir = m_dir / "usb";
    config->language = language;
    fs::create_directories(config->data_dir);
    fs::create_directories(m_dir / "usb");
    {
      auto store = pk::store::Store::open(config->data_dir / "pishkhan.db");
      ASSERT_TRUE(store);
      ASSERT_TRUE(pk::store::init_sodium());
      auto keys = pk::store::generate_key_pair();
      ASSERT_EQ(pk::provisioning::test::save_captures(**store, keys->public_key, 1'790'000'000).size(), 2U);
    }
    if (enrolled) {
      auto code = m_centre.server->enrollment().issue_code("A", "SKO-SCREEN-0001", std::time(nullptr), 3600);
      ASSERT_TRUE(code);
      pk::provisioning::EnrollOptions options;
      options.data_dir = config->data_dir;
      options.code = code->code;
      options.centre_url = m_centre.url(m_proxy->port());  // the terminal reaches the centre via the proxy
      options.centre_pin = m_centre.server->certificate_authority().server_pin();
      const auto outcome = pk::provisioning::enroll(options);
      ASSERT_TRUE(outcome.ok()) << outcome.message;
    }
    open(config.value(), pk::kiosk::test::CentreKey::AsFound);  // enrolled above, or not at all
    sign_in_technician();
    tap("tech/tab/diagnostics");
  }
  void TearDown() override { m_app.reset(); }  // before the centre it talks to stops
  // Draws frames until the upload has ended (the frame loop never waits for it).
  int frames_until_sent() {
    int drawn = 0;
    const bool ended = pk::sync::test::eventually(
        [&] {
          frames();
          drawn += 2;
          return !setup().uploading;
        },
        std::chrono::seconds(30));
    EXPECT_TRUE(ended);
    frames();  // the outcome was taken after the last frame was drawn: draw it
    return drawn;
  }
  void shot(const std::string& name) { ASSERT_TRUE(m_app->screenshot(fs::path(PK_TEST_BINARY_DIR) / name)); }
  const pk::kiosk::tech::SetupView& setup() { return m_app->technician_desk()->setup(); }

  pk::sync::test::RunningCentre m_centre{"diagnostics-send-screen"};
  std::unique_ptr<pk::sync::test::FaultProxy> m_proxy;
  std::atomic<bool> m_stall_next{false};
};

}  // namespace

TEST_F(DiagnosticsSendScreen, SendsToTheCentreWhileTheScreenKeepsDrawing) {
  start(pk::Language::Persian, true);
  shot("technician-diagnostics-send-before-fa.png");
  m_stall_next = true;  // the centre's reply is held back 2.5 s: the screen shows progress
  tap("tech/send");
  EXPECT_TRUE(setup().uploading);
  EXPECT_GT(setup().upload_bytes, 0);
  shot("technician-diagnostics-sending-fa.png");
  tap("tech/send");  // a second tap while sending starts nothing
  EXPECT_GT(frames_until_sent(), 4) << "frames kept coming while the upload ran";
  EXPECT_TRUE(setup().upload_ok) << setup().upload_message;
  auto held = m_centre.server->diagnostics().list();
  ASSERT_TRUE(held);
  ASSERT_EQ(held->size(), 1U);
  EXPECT_EQ(held->front().terminal_id, "SKO-SCREEN-0001");
  // The receipt the centre gave is the one the technician reads, as the centre lists it.
  EXPECT_NE(setup().upload_message.find(held->front().receipt_id), std::string::npos)
      << setup().upload_message;
  EXPECT_NE(setup().upload_message.find("بسته به مرکز رسید"), std::string::npos) << setup().upload_message;
  shot("technician-diagnostics-sent-fa.png");
}

TEST_F(DiagnosticsSendScreen, SentInEnglish) {
  start(pk::Language::English, true);
  shot("technician-diagnostics-send-before-en.png");
  tap("tech/send");
  frames_until_sent();
  EXPECT_TRUE(setup().upload_ok) << setup().upload_message;
  auto held = m_centre.server->diagnostics().list();
  ASSERT_TRUE(held && held->size() == 1U);
  EXPECT_EQ(setup().upload_message, "The centre has the bundle. Its receipt: " + held->front().receipt_id);
  shot("technician-diagnostics-sent-en.png");
}

TEST_F(DiagnosticsSendScreen, ATerminalNotEnrolledIsToldWhatToDo) {
  start(pk::Language::Persian, false);
  tap("tech/send");
  frames_until_sent();
  EXPECT_FALSE(setup().upload_ok);
  EXPECT_NE(setup().upload_message.find("هنوز در مرکز ثبت نشده"), std::string::npos)
      << setup().upload_message;
  EXPECT_TRUE(m_centre.server->diagnostics().list()->empty());
  shot("technician-diagnostics-not-enrolled-fa.png");
}

TEST_F(DiagnosticsSendScreen, ARefusalShowsTheCentresReason) {
  start(pk::Language::English, true);
  ASSERT_TRUE(m_centre.server->enrollment().revoke_terminal("SKO-SCREEN-0001", std::time(nullptr)));
  // The centre reuses a verdict on a certificate for up to a second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1'100));
  tap("tech/send");
  frames_until_sent();
  EXPECT_FALSE(setup().upload_ok);
  EXPECT_NE(setup().upload_message.find("The centre refused the bundle:"), std::string::npos)
      << setup().upload_message;
  EXPECT_NE(setup().upload_message.find("revoked"), std::string::npos) << setup().upload_message;
  shot("technician-diagnostics-refused-en.png");
}
