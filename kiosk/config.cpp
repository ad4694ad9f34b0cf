#include "kiosk/config.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace pk::kiosk {

Config default_config(const std::filesystem::path& shipped_data_dir) {
  Config config;
  config.data_dir = "var";
  config.catalog_file = shipped_data_dir / "catalog.json";
  return config;
}

std::string_view to_string(DeviceBackend backend) {
  switch (backend) {
    case DeviceBackend::Simulated:
      return "simulated";
    case DeviceBackend::Usb:
      return "usb";
    case DeviceBackend::Network:
      return "network";
    case DeviceBackend::Sane:
      return "sane";
    case DeviceBackend::Pcsc:
      return "pcsc";
    case DeviceBackend::None:
      return "none";
  }
  return "?";
}

std::string scanner_connection(const Config& config) {
  if (config.scanner == DeviceBackend::None) return {};
  if (!config.scanner_connection.empty()) return config.scanner_connection;
  return config.scanner == DeviceBackend::Sane ? "sane:" : "sim:";
}

std::string card_reader_connection(const Config& config) {
  if (config.card_reader == DeviceBackend::None) return {};
  if (!config.card_reader_connection.empty()) return config.card_reader_connection;
  // The simulated reader holds the ICAO 9303 test passport, so the demo can read a chip.
  return config.card_reader == DeviceBackend::Pcsc ? "pcsc:" : "sim:passport";
}

std::string barcode_connection(const Config& config) {
  if (config.barcode == DeviceBackend::None) return {};
  if (!config.barcode_connection.empty()) return config.barcode_connection;
  return config.barcode == DeviceBackend::Usb ? "" : "sim:";  // USB needs its node (checked at load)
}

std::string_view to_string(TerminalMode mode) {
  return mode == TerminalMode::Counter ? "counter" : "citizen";
}

namespace {

// Reads keys of one table, remembering the first problem with its full key path.
class Reader {
 public:
  Reader(const toml::table& root, std::string_view source) : m_root(root), m_source(source) {}

  [[nodiscard]] bool failed() const { return !m_error.empty(); }
  [[nodiscard]] const std::string& error() const { return m_error; }

  void fail(std::string_view key, std::string_view what) {
    if (m_error.empty())
      m_error = std::string(m_source) + ": key \"" + std::string(key) + "\": " + std::string(what);
  }

  void string(std::string_view key, std::string& out) {
    auto node = m_root.at_path(key);
    if (!node) return;
    if (auto v = node.value<std::string>())
      out = *v;
    else
      fail(key, "must be a string");
  }

  void integer(std::string_view key, int& out, int min, int max) {
    auto node = m_root.at_path(key);
    if (!node) return;
    auto v = node.value<int64_t>();
    if (!v || !node.is_integer()) return fail(key, "must be an integer");
    if (*v < min || *v > max)
      return fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " +
                           std::to_string(*v));
    out = static_cast<int>(*v);
  }

  void boolean(std::string_view key, bool& out) {
    auto node = m_root.at_path(key);
    if (!node) return;
    if (auto v = node.value<bool>(); v && node.is_boolean())
      out = *v;
    else
      fail(key, "must be true or false");
  }

  void path(std::string_view key, std::filesystem::path& out) {
    std::string text;
    string(key, text);
    if (!text.empty()) out = text;
  }

  template <class Enum, size_t N>
  void choice(std::string_view key, Enum& out, const std::pair<std::string_view, Enum> (&options)[N]) {
    std::string text;
    auto node = m_root.at_path(key);
    if (!node) return;
    string(key, text);
    if (failed()) return;
    std::string allowed;
    for (const auto& [name, value] : options) {
      if (name == text) {
        out = value;
        return;
      }
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    fail(key, "\"" + text + "\" is not one of: " + allowed);
  }

 private:
  const toml::table& m_root;
  std::string_view m_source;
  std::string m_error;
};

constexpr std::pair<std::string_view, DeviceBackend> kPrinterBackends[] = {
    {"simulated", DeviceBackend::Simulated},
    {"usb", DeviceBackend::Usb},
    {"network", DeviceBackend::Network},
    {"none", DeviceBackend::None}};
constexpr std::pair<std::string_view, DeviceBackend> kScannerBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"sane", DeviceBackend::Sane}, {"none", DeviceBackend::None}};
constexpr std::pair<std::string_view, DeviceBackend> kCardBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"pcsc", DeviceBackend::Pcsc}, {"none", DeviceBackend::None}};
constexpr std::pair<std::string_view, DeviceBackend> kBarcodeBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"usb", DeviceBackend::Usb}, {"none", DeviceBackend::None}};
constexpr std::pair<std::string_view, SpeechBackend> kSpeechBackends[] = {
    {"espeak", SpeechBackend::Espeak}, {"simulated", SpeechBackend::Simulated}};
constexpr std::pair<std::string_view, TerminalMode> kModes[] = {{"citizen", TerminalMode::Citizen},
                                                                {"counter", TerminalMode::Counter}};
constexpr std::pair<std::string_view, catalog::Language> kLanguageCodes[] = {
    {"fa", catalog::Language::Persian},
    {"prs", catalog::Language::Dari},
    {"ps", catalog::Language::Pashto},
    {"en", catalog::Language::English}};
constexpr std::pair<std::string_view, std::string_view> kLogLevels[] = {
    {"trace", "trace"}, {"debug", "debug"}, {"info", "info"}, {"warn", "warn"}, {"error", "error"}};

// Keys we know; anything else is most likely a typo that would silently keep a default.
constexpr std::string_view kKnownKeys[] = {"terminal.id",
                                           "terminal.number",
                                           "terminal.office",
                                           "paths.data_dir",
                                           "paths.catalog",
                                           "paths.export_dir",
                                           "ui.mode",
                                           "ui.language",
                                           "ui.width",
                                           "ui.height",
                                           "ui.idle_timeout_seconds",
                                           "ui.operator_idle_logout_seconds",
                                           "devices.printer",
                                           "devices.printer_connection",
                                           "devices.scanner",
                                           "devices.card_reader",
                                           "devices.scanner_connection",
                                           "devices.card_reader_connection",
                                           "devices.barcode",
                                           "devices.barcode_connection",
                                           "devices.probe_seconds",
                                           "speech.enabled",
                                           "speech.volume",
                                           "speech.voice_dir",
                                           "speech.backend",
                                           "centre.url",
                                           "centre.pin",
                                           "centre.heartbeat_seconds",
                                           "centre.outage_after_missed_heartbeats",
                                           "log.level"};

void check_unknown_keys(const toml::table& table, const std::string& prefix, Reader& reader) {
  for (const auto& [key, node] : table) {
    const std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* sub = node.as_table()) {
      check_unknown_keys(*sub, full, reader);
      continue;
    }
    bool known = false;
    for (std::string_view k : kKnownKeys) known = known || k == full;
    if (!known) reader.fail(full, "is not a Pishkhan setting (misspelt?)");
  }
}

}  // namespace

Result<Config> parse_config(std::string_view toml_text, std::string_view source_name, Config config) {
  // Debian's toml++ is built with exceptions: a syntax error arrives as toml::parse_error.
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& err) {
    std::ostringstream msg;
    msg << source_name << ": line " << err.source().begin.line << ", column " << err.source().begin.column
        << ": " << err.description();
    return make_error(msg.str());
  }
  Reader r(root, source_name);
  check_unknown_keys(root, "", r);
  r.string("terminal.id", config.terminal_id);
  r.integer("terminal.number", config.terminal_number, 1, 9999);
  r.string("terminal.office", config.office);
  r.path("paths.data_dir", config.data_dir);
  r.path("paths.catalog", config.catalog_file);
  r.path("paths.export_dir", config.export_dir);
  r.choice("ui.mode", config.mode, kModes);
  r.choice("ui.language", config.language, kLanguageCodes);
  r.integer("ui.width", config.width, 320, 7680);
  r.integer("ui.height", config.height, 240, 4320);
  r.integer("ui.idle_timeout_seconds", config.idle_timeout_seconds, 15, 3600);
  r.integer("ui.operator_idle_logout_seconds", config.operator_idle_logout_seconds, 60, 28800);
  r.choice("devices.printer", config.printer, kPrinterBackends);
  r.string("devices.printer_connection", config.printer_connection);
  r.choice("devices.scanner", config.scanner, kScannerBackends);
  r.string("devices.scanner_connection", config.scanner_connection);
  r.choice("devices.card_reader", config.card_reader, kCardBackends);
  r.string("devices.card_reader_connection", config.card_reader_connection);
  r.choice("devices.barcode", config.barcode, kBarcodeBackends);
  r.string("devices.barcode_connection", config.barcode_connection);
  r.integer("devices.probe_seconds", config.device_probe_seconds, 1, 3600);
  bool speech_enabled = config.speech != SpeechBackend::None;
  r.boolean("speech.enabled", speech_enabled);
  r.choice("speech.backend", config.speech, kSpeechBackends);
  if (!speech_enabled)
    config.speech = SpeechBackend::None;
  else if (config.speech == SpeechBackend::None)
    config.speech = SpeechBackend::Espeak;
  r.integer("speech.volume", config.speech_volume, 0, 100);
  r.path("speech.voice_dir", config.voice_dir);
  r.string("centre.url", config.centre_url);
  r.string("centre.pin", config.centre_pin);
  r.integer("centre.heartbeat_seconds", config.heartbeat_seconds, 1, 3600);
  r.integer("centre.outage_after_missed_heartbeats", config.outage_after_missed_heartbeats, 1, 10);
  std::string_view level = config.log_level;
  r.choice("log.level", level, kLogLevels);
  config.log_level = std::string(level);
  if (config.terminal_id.empty()) r.fail("terminal.id", "must not be empty");
  if (config.barcode == DeviceBackend::Usb && config.barcode_connection.empty())
    r.fail("devices.barcode_connection",
           "a USB barcode scanner needs its input device, e.g. \"evdev:/dev/input/by-id/...\"");
  if (config.printer == DeviceBackend::Network && config.printer_connection.empty())
    r.fail("devices.printer_connection", "a network printer needs its address, e.g. \"tcp:10.0.0.5:9100\"");
  // A saved connection must be one of its backend's: the kiosk opens exactly it, and a
  // "pcsc:" reader under scanner_connection would otherwise fail only at the first scan.
  auto scheme = [&](std::string_view key, const std::string& connection, DeviceBackend backend,
                    std::initializer_list<std::pair<DeviceBackend, std::string_view>> schemes) {
    if (connection.empty() || backend == DeviceBackend::None) return;
    for (const auto& [b, prefix] : schemes)
      if (b == backend) {
        if (!connection.starts_with(prefix))
          r.fail(key, "\"" + connection + "\" is not a " + std::string(to_string(backend)) +
                          " device (it must start with \"" + std::string(prefix) + "\")");
        return;
      }
  };
  scheme("devices.scanner_connection", config.scanner_connection, config.scanner,
         {{DeviceBackend::Simulated, "sim:"}, {DeviceBackend::Sane, "sane:"}});
  scheme("devices.card_reader_connection", config.card_reader_connection, config.card_reader,
         {{DeviceBackend::Simulated, "sim:"}, {DeviceBackend::Pcsc, "pcsc:"}});
  scheme("devices.barcode_connection", config.barcode_connection, config.barcode,
         {{DeviceBackend::Simulated, "sim:"}, {DeviceBackend::Usb, "evdev:"}});
  // A voice folder that is not there would silently leave every prompt synthetic.
  if (std::error_code ec; !config.voice_dir.empty() && !std::filesystem::is_directory(config.voice_dir, ec))
    r.fail("speech.voice_dir",
           "\"" + config.voice_dir.string() + "\" is not a folder (recorded voices go there as <key>.wav)");
  if (r.failed()) return make_error(r.error());
  return config;
}

Result<Config> load_config_file(const std::filesystem::path& file, Config defaults) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(file.string() + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  auto config = parse_config(text.str(), file.string(), std::move(defaults));
  if (config) config->source_file = file;  // device set-up writes its choice back here
  return config;
}

}  // namespace pk::kiosk
