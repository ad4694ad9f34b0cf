#pragma once
// A headless counter terminal for tests: the real App in counter mode, real frames, a real
// store file, the simulated ADF scanner and a simulated printer writing receipts to a folder.
// Widgets are tapped by id like a finger would. A test fixture derives from CounterTerminal;
// configure() changes the configuration before the App starts, enrolled() whether the
// centre's key is there (an unenrolled terminal has none).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "domain/text_normalize.h"
#include "domain/utf8.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/app.h"
#include "kiosk/centre_key.h"
#include "kiosk/operator/operator_admin.h"
#include "kiosk/operator/operator_desk.h"
#include "protocol/sealing.h"

namespace pk::kiosk::test {

class CounterTerminal : public ::testing::Test {
 protected:
  using OperatorState = op::OperatorState;
  using OperatorScreen = op::OperatorScreen;

  virtual void configure(Config& /*config*/) {}
  [[nodiscard]] virtual bool enrolled() const { return true; }

  void SetUp() override {
    namespace fs = std::filesystem;
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("counter_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    Config config = default_config(PK_SOURCE_DATA_DIR);
    config.data_dir = m_dir / "var";
    config.mode = TerminalMode::Counter;
    config.printer_connection = "sim:" + (m_dir / "receipts").string();
    configure(config);
    auto keys = store::generate_key_pair();
    ASSERT_TRUE(keys);
    m_keys = std::move(keys.value());
    if (enrolled()) {
      ASSERT_TRUE(save_centre_key(centre_key_path(config.data_dir), m_keys.public_key));
    }
    auto app = App::create(config, ui::DisplayMode::Headless);
    ASSERT_TRUE(app) << app.error().message;
    m_app = std::move(app.value());
    m_desk = m_app->operator_desk();
    ASSERT_NE(m_desk, nullptr);
    ASSERT_TRUE(op::add_operator(m_desk->accounts(), m_app->store(), "1001", "246810", 1'800'000'000));
    frames();
  }
  void TearDown() override {
    m_app.reset();
    std::filesystem::remove_all(m_dir);
  }
  void frames() {
    m_now += 0.5;
    m_app->render_frame(m_now);
    m_app->render_frame(m_now + 0.1);
  }
  void tap(const std::string& id) {
    m_now += 0.3;
    ASSERT_TRUE(m_app->tap(id, m_now)) << "no widget " << id;
    frames();
  }
  void type_digits(std::string_view digits) {
    for (char32_t cp : utf8::decode(to_persian_digits(digits))) {
      std::string key = "key/";
      utf8::append(key, cp);
      tap(key);
    }
  }
  void log_in(std::string_view pin) {
    if (state().id_input.empty()) {  // kept after a wrong PIN: only the PIN is typed again
      tap("field/operator");
      type_digits("1001");
    }
    tap("field/pin");
    type_digits(pin);
    tap("login");
  }
  void open_service_11() {
    tap("new");
    tap("service/11");
    type_digits("0012345679");
    tap("next");
    ASSERT_EQ(state().screen, OperatorScreen::BatchScan);
  }
  template <class Done>
  bool frames_until(Done done, double seconds) {
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
      if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(seconds)) return false;
      m_now += 1.0 / 60;
      m_app->render_frame(m_now);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  }
  const OperatorState& state() { return m_desk->flow().state(); }
  scanner::SimScanner& sim() { return dynamic_cast<scanner::SimScanner&>(*m_app->scanner()); }

  std::filesystem::path m_dir;
  store::KeyPair m_keys;
  std::unique_ptr<App> m_app;
  op::OperatorDesk* m_desk = nullptr;
  double m_now = 10;
};

}  // namespace pk::kiosk::test
