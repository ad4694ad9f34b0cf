#include "kiosk/config.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "domain/field_reader.h"

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

// "a string", "an integer", "a table"...: what a TOML node holds, for messages.
std::string describe_node(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "the integer " + std::to_string(*node.value<int64_t>());
    case toml::node_type::floating_point:
      return "a number with a fraction";
    case toml::node_type::boolean:
      return *node.value<bool>() ? "true" : "false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

// The TOML adaptor of the field reader (domain/field_reader.h). Every setting is optional: an
// absent key keeps the value it had (the default), a present one must be right.
class TomlFields {
 public:
  TomlFields(const toml::table& root, fields::Place place) : m_root(root), m_place(std::move(place)) {}

  [[nodiscard]] const fields::Place& place() const { return m_place; }

  void string(std::string_view key, std::string& out) const {
    const toml::node* node = m_root.at_path(key).node();
    if (node == nullptr) return;
    if (auto v = node->value_exact<std::string>())
      out = *v;
    else
      m_place.refuse(key, "must be a string, not " + describe_node(*node));
  }

  void integer(std::string_view key, int& out, fields::Range range) const {
    const toml::node* node = m_root.at_path(key).node();
    if (node == nullptr) return;
    const auto v = node->value_exact<int64_t>();
    if (!v)
      return m_place.refuse(key,
                            "must be " + fields::expected_integer(range) + ", not " + describe_node(*node));
    if (auto in_range = fields::in_range(m_place, key, *v, range)) out = static_cast<int>(*in_range);
  }

  void boolean(std::string_view key, bool& out) const {
    const toml::node* node = m_root.at_path(key).node();
    if (node == nullptr) return;
    if (auto v = node->value_exact<bool>())
      out = *v;
    else
      m_place.refuse(key, "must be true or false, not " + describe_node(*node));
  }

  void path(std::string_view key, std::filesystem::path& out) const {
    std::string text;
    string(key, text);
    if (!text.empty()) out = text;
  }

  template <class Enum, size_t N>
  void choice(std::string_view key, Enum& out, const fields::Choice<Enum> (&choices)[N]) const {
    if (!m_root.at_path(key)) return;
    std::string text;
    string(key, text);
    if (!m_place.ok()) return;
    if (auto chosen = fields::choose(m_place, key, text, choices)) out = *chosen;
  }

 private:
  const toml::table& m_root;
  fields::Place m_place;
};

constexpr fields::Choice<DeviceBackend> kPrinterBackends[] = {{"simulated", DeviceBackend::Simulated},
                                                              {"usb", DeviceBackend::Usb},
                                                              {"network", DeviceBackend::Network},
                                                              {"none", DeviceBackend::None}};
constexpr fields::Choice<DeviceBackend> kScannerBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"sane", DeviceBackend::Sane}, {"none", DeviceBackend::None}};
constexpr fields::Choice<DeviceBackend> kCardBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"pcsc", DeviceBackend::Pcsc}, {"none", DeviceBackend::None}};
constexpr fields::Choice<DeviceBackend> kBarcodeBackends[] = {
    {"simulated", DeviceBackend::Simulated}, {"usb", DeviceBackend::Usb}, {"none", DeviceBackend::None}};
constexpr fields::Choice<SpeechBackend> kSpeechBackends[] = {{"espeak", SpeechBackend::Espeak},
                                                             {"simulated", SpeechBackend::Simulated}};
constexpr fields::Choice<TerminalMode> kModes[] = {{"citizen", TerminalMode::Citizen},
                                                   {"counter", TerminalMode::Counter}};
constexpr fields::Choice<catalog::Language> kLanguageCodes[] = {{"fa", catalog::Language::Persian},
                                                                {"prs", catalog::Language::Dari},
                                                                {"ps", catalog::Language::Pashto},
                                                                {"en", catalog::Language::English}};
constexpr fields::Choice<std::string_view> kLogLevels[] = {
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

void check_unknown_keys(const toml::table& table, const std::string& prefix, const fields::Place& place) {
  for (const auto& [key, node] : table) {
    const std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* sub = node.as_table()) {
      check_unknown_keys(*sub, full, place);
      continue;
    }
    bool known = false;
    for (std::string_view k : kKnownKeys) known = known || k == full;
    if (!known) place.refuse(full, "is not a Pishkhan setting (misspelt?)");
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
  fields::Problems problems;
  const TomlFields r(root, fields::Place(problems, std::string(source_name), fields::Naming::Key));
  check_unknown_keys(root, "", r.place());
  r.string("terminal.id", config.terminal_id);
  r.integer("terminal.number", config.terminal_number, fields::Range{1, 9999});
  r.string("terminal.office", config.office);
  r.path("paths.data_dir", config.data_dir);
  r.path("paths.catalog", config.catalog_file);
  r.path("paths.export_dir", config.export_dir);
  r.choice("ui.mode", config.mode, kModes);
  r.choice("ui.language", config.language, kLanguageCodes);
  r.integer("ui.width", config.width, fields::Range{320, 7680});
  r.integer("ui.height", config.height, fields::Range{240, 4320});
  r.integer("ui.idle_timeout_seconds", config.idle_timeout_seconds, fields::Range{15, 3600});
  r.integer("ui.operator_idle_logout_seconds", config.operator_idle_logout_seconds, fields::Range{60, 28800});
  r.choice("devices.printer", config.printer, kPrinterBackends);
  r.string("devices.printer_connection", config.printer_connection);
  r.choice("devices.scanner", config.scanner, kScannerBackends);
  r.string("devices.scanner_connection", config.scanner_connection);
  r.choice("devices.card_reader", config.card_reader, kCardBackends);
  r.string("devices.card_reader_connection", config.card_reader_connection);
  r.choice("devices.barcode", config.barcode, kBarcodeBackends);
  r.string("devices.barcode_connection", config.barcode_connection);
  r.integer("devices.probe_seconds", config.device_probe_seconds, fields::Range{1, 3600});
  bool speech_enabled = config.speech != SpeechBackend::None;
  r.boolean("speech.enabled", speech_enabled);
  r.choice("speech.backend", config.speech, kSpeechBackends);
  if (!speech_enabled)
    config.speech = SpeechBackend::None;
  else if (config.speech == SpeechBackend::None)
    config.speech = SpeechBackend::Espeak;
  r.integer("speech.volume", config.speech_volume, fields::Range{0, 100});
  r.path("speech.voice_dir", config.voice_dir);
  r.string("centre.url", config.centre_url);
  r.string("centre.pin", config.centre_pin);
  r.integer("centre.heartbeat_seconds", config.heartbeat_seconds, fields::Range{1, 3600});
  r.integer("centre.outage_after_missed_heartbeats", config.outage_after_missed_heartbeats,
            fields::Range{1, 10});
  std::string_view level = config.log_level;
  r.choice("log.level", level, kLogLevels);
  config.log_level = std::string(level);
  if (config.terminal_id.empty()) r.place().refuse("terminal.id", "must not be empty");
  if (config.barcode == DeviceBackend::Usb && config.barcode_connection.empty())
    r.place().refuse("devices.barcode_connection",
                     "a USB barcode scanner needs its input device, e.g. \"evdev:/dev/input/by-id/...\"");
  if (config.printer == DeviceBackend::Network && config.printer_connection.empty())
    r.place().refuse("devices.printer_connection",
                     "a network printer needs its address, e.g. \"tcp:10.0.0.5:9100\"");
  // A saved connection must be one of its backend's: the kiosk opens exactly it, and a
  // "pcsc:" reader under scanner_connection would otherwise fail only at the first scan.
  auto scheme = [&](std::string_view key, const std::string& connection, DeviceBackend backend,
                    std::initializer_list<std::pair<DeviceBackend, std::string_view>> schemes) {
    if (connection.empty() || backend == DeviceBackend::None) return;
    for (const auto& [b, prefix] : schemes)
      if (b == backend) {
        if (!connection.starts_with(prefix))
          r.place().refuse(key, "\"" + connection + "\" is not a " + std::string(to_string(backend)) +
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
    r.place().refuse("speech.voice_dir",
                     "\"" + config.voice_dir.string() +
                         "\" is not a folder (recorded voices go there as <key>.wav, .flac or .ogg)");
  if (!problems.ok()) return problems.error();
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
