#include "kiosk/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using pk::kiosk::Config;
using pk::kiosk::parse_config;

namespace {

Config defaults() { return pk::kiosk::default_config(PK_SOURCE_DATA_DIR); }

std::string error_of(std::string_view toml) {
  auto result = parse_config(toml, "test.toml", defaults());
  return result ? std::string("(accepted)") : result.error().message;
}

}  // namespace

TEST(Config, ShippedFileParsesWithEveryKey) {
  std::ifstream in(std::string(PK_SOURCE_DATA_DIR) + "/pishkhan.toml");
  std::stringstream text;
  text << in.rdbuf();
  auto config = parse_config(text.str(), "pishkhan.toml", defaults());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->terminal_id, "SKO-BIR-0001");
  EXPECT_EQ(config->language, pk::catalog::Language::Persian);
  EXPECT_EQ(config->idle_timeout_seconds, 90);
  EXPECT_EQ(config->operator_idle_logout_seconds, 300);
  EXPECT_EQ(config->printer, pk::kiosk::DeviceBackend::Simulated);
  // The idle terminal's outage probes, as documented there.
  EXPECT_EQ(config->heartbeat_seconds, 60);
  EXPECT_EQ(config->outage_after_missed_heartbeats, 2);
  EXPECT_EQ(config->device_probe_seconds, 30);
}

TEST(Config, ProbeIntervalsAreSetAndBounded) {
  auto config = parse_config(
      "[devices]\nprobe_seconds = 1\n[centre]\nheartbeat_seconds = 1\noutage_after_missed_heartbeats = 3\n",
      "t.toml", defaults());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->device_probe_seconds, 1);
  EXPECT_EQ(config->heartbeat_seconds, 1);
  EXPECT_EQ(config->outage_after_missed_heartbeats, 3);
  EXPECT_EQ(error_of("[centre]\nheartbeat_seconds = 0\n"),
            "test.toml: key \"centre.heartbeat_seconds\": must be an integer between 1 and 3600, not 0");
  EXPECT_EQ(
      error_of("[centre]\noutage_after_missed_heartbeats = 0\n"),
      "test.toml: key \"centre.outage_after_missed_heartbeats\": must be an integer between 1 and 10, not 0");
}

TEST(Config, ValuesOverrideDefaults) {
  auto config = parse_config(
      "[terminal]\nid = \"X-7\"\nnumber = 42\n[ui]\nlanguage = \"en\"\n"
      "[devices]\nprinter = \"network\"\nprinter_connection = \"tcp:10.0.0.5:9100\"\n",
      "t.toml", defaults());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->terminal_id, "X-7");
  EXPECT_EQ(config->terminal_number, 42);
  EXPECT_EQ(config->language, pk::catalog::Language::English);
  EXPECT_EQ(config->printer, pk::kiosk::DeviceBackend::Network);
  EXPECT_EQ(config->scanner, pk::kiosk::DeviceBackend::Simulated);  // untouched default
}

TEST(Config, DariAndPashtoAreLanguagesByTheirCodes) {
  for (const auto& [code, language] :
       {std::pair{"prs", pk::Language::Dari}, std::pair{"ps", pk::Language::Pashto}}) {
    auto config = parse_config(std::string("[ui]\nlanguage = \"") + code + "\"\n", "t.toml", defaults());
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->language, language) << code;
  }
  auto refused = parse_config("[ui]\nlanguage = \"pashto\"\n", "t.toml", defaults());
  EXPECT_FALSE(refused);
}

TEST(Config, MisspeltKeyIsNamed) {
  EXPECT_EQ(error_of("[ui]\nlanguag = \"fa\"\n"),
            "test.toml: key \"ui.languag\": is not a Pishkhan setting (misspelt?)");
}

TEST(Config, WrongTypeIsNamed) {
  EXPECT_EQ(error_of("[terminal]\nnumber = \"one\"\n"),
            "test.toml: key \"terminal.number\": must be an integer between 1 and 9999, not a string");
  EXPECT_EQ(error_of("[terminal]\nid = 7\n"),
            "test.toml: key \"terminal.id\": must be a string, not the integer 7");
}

TEST(Config, OutOfRangeIsNamed) {
  EXPECT_EQ(error_of("[terminal]\nnumber = 10000\n"),
            "test.toml: key \"terminal.number\": must be an integer between 1 and 9999, not 10000");
  EXPECT_EQ(error_of("[ui]\nidle_timeout_seconds = 1\n"),
            "test.toml: key \"ui.idle_timeout_seconds\": must be an integer between 15 and 3600, not 1");
  EXPECT_EQ(
      error_of("[ui]\noperator_idle_logout_seconds = 10\n"),
      "test.toml: key \"ui.operator_idle_logout_seconds\": must be an integer between 60 and 28800, not 10");
}

TEST(Config, UnknownChoiceListsTheAllowedOnes) {
  EXPECT_EQ(error_of("[devices]\nprinter = \"serial\"\n"),
            "test.toml: key \"devices.printer\": \"serial\" is not one of: simulated, usb, network, none");
}

TEST(Config, SyntaxErrorGivesLineAndColumn) {
  const std::string error = error_of("[ui]\nwidth = 1920\nheight = = 3\n");
  EXPECT_NE(error.find("test.toml: line 3"), std::string::npos) << error;
}

TEST(Config, NetworkPrinterNeedsAnAddress) {
  EXPECT_EQ(error_of("[devices]\nprinter = \"network\"\n"),
            "test.toml: key \"devices.printer_connection\": a network printer needs its address, e.g. "
            "\"tcp:10.0.0.5:9100\"");
}

TEST(Config, EmptyTerminalIdRefused) {
  EXPECT_EQ(error_of("[terminal]\nid = \"\"\n"), "test.toml: key \"terminal.id\": must not be empty");
}

TEST(Config, MissingFileIsAClearError) {
  auto result = pk::kiosk::load_config_file("/nonexistent/pishkhan.toml", defaults());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "/nonexistent/pishkhan.toml: cannot read the configuration file");
}

// The kiosk opens exactly the saved connection: one that is not its backend's is refused at
// load, naming the key, rather than failing at the first scan.
TEST(Config, SavedConnectionMustMatchItsBackend) {
  const std::string scanner =
      error_of("[devices]\nscanner = \"sane\"\nscanner_connection = \"pcsc:Reader 0\"\n");
  EXPECT_NE(scanner.find("devices.scanner_connection"), std::string::npos) << scanner;
  EXPECT_NE(scanner.find("sane:"), std::string::npos) << scanner;
  const std::string reader =
      error_of("[devices]\ncard_reader = \"pcsc\"\ncard_reader_connection = \"sane:x\"\n");
  EXPECT_NE(reader.find("devices.card_reader_connection"), std::string::npos) << reader;
  auto ok = parse_config(
      "[devices]\nscanner = \"sane\"\nscanner_connection = \"sane:test:1\"\n"
      "card_reader = \"pcsc\"\ncard_reader_connection = \"pcsc:ACS 00 00\"\n",
      "test.toml", defaults());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(pk::kiosk::scanner_connection(*ok), "sane:test:1");
  EXPECT_EQ(pk::kiosk::card_reader_connection(*ok), "pcsc:ACS 00 00");
  // Nothing saved: today's defaults; no device: nothing to open.
  Config plain = defaults();
  plain.scanner = pk::kiosk::DeviceBackend::Sane;
  EXPECT_EQ(pk::kiosk::scanner_connection(plain), "sane:");
  plain.scanner = pk::kiosk::DeviceBackend::None;
  plain.scanner_connection = "sane:test:1";
  EXPECT_EQ(pk::kiosk::scanner_connection(plain), "");
}

TEST(Config, SpokenGuidanceIsOnAt70UnlessSaidOtherwise) {
  const Config plain = defaults();
  EXPECT_EQ(plain.speech, pk::kiosk::SpeechBackend::Espeak);
  EXPECT_EQ(plain.speech_volume, 70);
  EXPECT_TRUE(plain.voice_dir.empty());
  auto off = parse_config("[speech]\nenabled = false\nvolume = 0\n", "t.toml", defaults());
  ASSERT_TRUE(off) << off.error().message;
  EXPECT_EQ(off->speech, pk::kiosk::SpeechBackend::None);
  EXPECT_EQ(off->speech_volume, 0);
  auto silent = parse_config("[speech]\nbackend = \"simulated\"\nvoice_dir = \".\"\n", "t.toml", defaults());
  ASSERT_TRUE(silent) << silent.error().message;
  EXPECT_EQ(silent->speech, pk::kiosk::SpeechBackend::Simulated);
  EXPECT_EQ(silent->voice_dir, ".");
}

TEST(Config, SpokenGuidanceValuesAreChecked) {
  EXPECT_EQ(error_of("[speech]\nvolume = 101\n"),
            "test.toml: key \"speech.volume\": must be an integer between 0 and 100, not 101");
  EXPECT_EQ(error_of("[speech]\nenabled = \"yes\"\n"),
            "test.toml: key \"speech.enabled\": must be true or false, not a string");
  EXPECT_EQ(error_of("[speech]\nbackend = \"festival\"\n"),
            "test.toml: key \"speech.backend\": \"festival\" is not one of: espeak, simulated");
  EXPECT_EQ(error_of("[speech]\nvoice_dir = \"/no/such/voices\"\n"),
            "test.toml: key \"speech.voice_dir\": \"/no/such/voices\" is not a folder (recorded voices go "
            "there as <key>.wav, .flac or .ogg)");
}
