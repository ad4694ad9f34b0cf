#pragma once
// A headless counter terminal for tests: the real App in counter mode, real frames, a real
// store file, the simulated ADF scanner and a simulated printer writing receipts to a folder.
// Widgets are tapped by id like a finger would (tests/support/headless_kiosk.h, at the pace of
// a counter: half a second between frames). A test fixture derives from CounterTerminal;
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
#include "tests/support/headless_kiosk.h"

namespace pk::kiosk::test {

class CounterTerminal : public ::testing::Test, protected HeadlessKiosk {
 protected:
  using OperatorState = op::OperatorState;
  using OperatorScreen = op::OperatorScreen;

  virtual void configure(Config& /*config*/) {}
  [[nodiscard]] virtual bool enrolled() const { return true; }

  void SetUp() override {
    m_pace.frame = 0.5;
    m_pace.tap = 0.3;
    Config config = kiosk_config(std::filesystem::path(PK_TEST_BINARY_DIR) / "counter");
    config.mode = TerminalMode::Counter;
    config.printer_connection = "sim:" + (m_dir / "receipts").string();
    configure(config);
    open(config, enrolled() ? CentreKey::SaveNew : CentreKey::AsFound);
    if (!enrolled()) {  // the key pair is made all the same: a test seals with it
      auto keys = store::generate_key_pair();
      ASSERT_TRUE(keys);
      m_keys = std::move(keys.value());
    }
    ASSERT_TRUE(m_app);
    m_desk = m_app->operator_desk();
    ASSERT_NE(m_desk, nullptr);
    ASSERT_TRUE(op::add_operator(m_desk->accounts(), m_app->store(), "1001", "246810", 1'800'000'000));
    frames();
  }
  // Key by key, each a tap with its frames, as an operator types (not HeadlessKiosk's quick run).
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

  op::OperatorDesk* m_desk = nullptr;
};

}  // namespace pk::kiosk::test
