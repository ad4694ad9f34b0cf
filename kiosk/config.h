#pragma once
// The terminal's configuration: a TOML file (see data/pishkhan.toml for every key with its
// meaning) overridden by command-line flags. A bad value is refused with a message that names
// the file and the key; the kiosk then exits with code 2 (see main.cpp).
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/catalog.h"
#include "domain/result.h"

namespace pk::kiosk {

enum class DeviceBackend { Simulated, Usb, Network, Sane, Pcsc, None };

// Spoken guidance on the citizen screens: espeak-ng through the audio output, the simulated
// twin (records what it would say; no sound), or none.
enum class SpeechBackend { Espeak, Simulated, None };

// What the terminal is: a citizen self-service kiosk, or an operator's counter terminal.
enum class TerminalMode { Citizen, Counter };

struct Config {
  // [terminal]
  std::string terminal_id = "SKO-0001";
  int terminal_number = 1;  // 1..9999, part of every tracking code this terminal issues
  std::string office = "A";
  // [paths]
  std::filesystem::path data_dir = "/var/lib/pishkhan";
  std::filesystem::path catalog_file;  // the catalog shipped with the product
  std::filesystem::path export_dir;    // a folder offered for diagnostics bundles besides USB sticks
  std::filesystem::path source_file;   // the file this configuration was read from; empty: defaults
  // [ui]
  TerminalMode mode = TerminalMode::Citizen;
  catalog::Language language = catalog::Language::Persian;
  int width = 1920;
  int height = 1080;
  int idle_timeout_seconds = 90;
  // Counter mode: an operator left alone this long is logged out (the last 30 s count down on
  // the screen) and the application in progress is wiped.
  int operator_idle_logout_seconds = 300;
  // [devices]
  DeviceBackend printer = DeviceBackend::Simulated;
  std::string printer_connection;  // e.g. "tcp:10.0.0.5:9100", "usb:04b8:0e15"; empty = from `printer`
  DeviceBackend scanner = DeviceBackend::Simulated;
  std::string scanner_connection;  // "sane:<device>" as device set-up found it; empty = from `scanner`
  DeviceBackend card_reader = DeviceBackend::Simulated;
  std::string card_reader_connection;  // "pcsc:<reader name>"; empty = from `card_reader`
  DeviceBackend barcode = DeviceBackend::Simulated;
  std::string barcode_connection;  // "evdev:/dev/input/by-id/..." for a USB keyboard-wedge scanner
  int device_probe_seconds = 30;   // printer and scanner asked this often while no job uses them
  // [speech]
  SpeechBackend speech = SpeechBackend::Espeak;  // speech.enabled = false makes it None
  int speech_volume = 70;                        // 0..100
  std::filesystem::path voice_dir;               // recorded voices replacing synthetic prompts; empty: none
  // [centre]
  std::string centre_url;  // empty: no sync (captures wait in the outbox)
  std::string centre_pin;  // sha256//BASE64 of the centre's key, for --enroll (pishkhan-centre --print-pin)
  int heartbeat_seconds = 60;              // a heartbeat to the centre this often, idle or not
  int outage_after_missed_heartbeats = 2;  // a centre outage opens after this many in a row
  // [log]
  std::string log_level = "info";
};

// Defaults for a development checkout: data under ./var, catalog from the source tree.
[[nodiscard]] Config default_config(const std::filesystem::path& shipped_data_dir);

// Reads a TOML document (text) over the given defaults. source_name appears in messages.
Result<Config> parse_config(std::string_view toml_text, std::string_view source_name, Config defaults);
Result<Config> load_config_file(const std::filesystem::path& file, Config defaults);

// The connection the kiosk opens for each role: the saved one (devices.*_connection, as device
// set-up wrote it) when set, that device and no other; otherwise the backend's default ("sane:"
// the first SANE scanner, "pcsc:" whichever reader holds a card, the simulated twins).
// Empty when the role has no device (backend "none"). The printer's is in receipt_printing.h.
[[nodiscard]] std::string scanner_connection(const Config& config);
[[nodiscard]] std::string card_reader_connection(const Config& config);
[[nodiscard]] std::string barcode_connection(const Config& config);

[[nodiscard]] std::string_view to_string(DeviceBackend backend);
[[nodiscard]] std::string_view to_string(TerminalMode mode);

}  // namespace pk::kiosk
