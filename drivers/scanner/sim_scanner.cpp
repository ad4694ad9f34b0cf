#include "drivers/scanner/sim_scanner.h"

#include <charconv>

namespace pk::scanner {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

std::optional<int> parse_count(std::string_view text) {
  int value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() || value < 0 || value > 100000) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

const DriverMetadata& SimScanner::metadata() {
  static const DriverMetadata meta{
      "sim", "Simulated document scanner (ADF, duplex)", {}, Features{Feature::Hotplug, Feature::Scripted}};
  return meta;
}

Result<std::unique_ptr<SimScanner>> SimScanner::create(std::string_view connection) {
  if (!connection.starts_with("sim:"))
    return make_error("not a simulated scanner: \"" + std::string(connection) + "\"");
  std::string_view rest = connection.substr(4);
  std::uint64_t seed = 1;
  if (rest.starts_with("seed=")) {
    rest.remove_prefix(5);
    const auto parsed = std::from_chars(rest.data(), rest.data() + rest.size(), seed);
    if (parsed.ec != std::errc{} || parsed.ptr != rest.data() + rest.size()) {
      return make_error("bad seed in \"" + std::string(connection) + "\"");
    }
  } else if (!rest.empty()) {
    return make_error("simulated scanner takes \"sim:\" or \"sim:seed=<n>\", not \"" +
                      std::string(connection) + "\"");
  }
  return std::make_unique<SimScanner>(seed);
}

SimScanner::SimScanner(std::uint64_t seed) : m_seed(seed) {
  m_info.backend = "sim";
  m_info.name = "Simulated document scanner";
  m_info.model = "PK-SIM-ADF";
  m_info.connection = "sim:seed=" + std::to_string(seed);
}

DeviceState SimScanner::state() const { return m_link.state(); }

void SimScanner::on_hotplug(HotplugCallback callback) { m_link.set_hotplug(std::move(callback)); }

Error SimScanner::fail(ScannerStatus why, std::string message) {
  m_active = false;
  m_last_status = why;
  m_link.set_last_error(message);
  return make_error(error_kind_of(why), std::move(message));
}

Result<void> SimScanner::open() {
  std::lock_guard lock(m_mutex);
  if (m_link.connection() == Connection::Unplugged)
    return fail(ScannerStatus::Unplugged, "simulated scanner is unplugged");
  m_link.set_connection(Connection::Open);
  m_last_status = ScannerStatus::Ready;
  return {};
}

Result<void> SimScanner::start(const ScanSettings& settings) {
  std::lock_guard lock(m_mutex);
  if (settings.dpi < 50 || settings.dpi > 1200) {
    return fail(ScannerStatus::Error,
                "resolution " + std::to_string(settings.dpi) + " dpi is outside 50..1200");
  }
  const Connection connection = m_link.connection();
  if (connection == Connection::Unplugged)
    return fail(ScannerStatus::Unplugged, "simulated scanner is unplugged");
  if (connection != Connection::Open) return fail(ScannerStatus::Error, "simulated scanner is not open");
  if (m_cover_open) return fail(ScannerStatus::CoverOpen, "scanner cover is open");
  if (m_jammed) return fail(ScannerStatus::Jammed, "a sheet is still jammed in the feeder");
  if (settings.source != Source::Flatbed && m_feeder.empty()) {
    return fail(ScannerStatus::NoDocuments, "the document feeder is empty");
  }
  m_settings = settings;
  m_active = true;
  m_back_pending = false;
  m_flatbed_done = false;
  m_sequence = 0;
  m_last_status = ScannerStatus::Ready;
  m_cancelled = false;
  return {};
}

Result<std::optional<Page>> SimScanner::next_page() {
  std::unique_lock lock(m_mutex);
  if (!m_active) return make_error("no scan batch is running: call start() first");
  if (m_cancelled) {
    m_active = false;
    return std::optional<Page>{};
  }
  if (m_link.connection() == Connection::Unplugged)
    return fail(ScannerStatus::Unplugged, "scanner was unplugged mid-batch");
  if (m_cover_open) return fail(ScannerStatus::CoverOpen, "scanner cover was opened mid-batch");
  if (m_jammed) return fail(ScannerStatus::Jammed, "paper jam in the feeder");

  std::optional<SheetSpec> sheet;
  bool back = false;
  if (m_back_pending) {
    back = true;
    m_back_pending = false;
  } else if (m_settings.source == Source::Flatbed) {
    if (m_flatbed_done) {
      m_active = false;
      return std::optional<Page>{};
    }
    m_flatbed_done = true;
    sheet =
        m_feeder.empty() ? SheetSpec{SheetContent::Blank, {}, SheetOrientation::Upright} : m_feeder.front();
  } else {
    if (m_feeder.empty()) {
      m_active = false;
      return std::optional<Page>{};
    }
    if (m_jam_after) {
      if (*m_jam_after == 0) {
        m_jam_after.reset();
        m_jammed = true;
        return fail(ScannerStatus::Jammed,
                    "paper jam in the feeder at page " + std::to_string(m_sequence + 1));
      }
      --*m_jam_after;
    }
    sheet = m_feeder.front();
    m_feeder.pop_front();
    m_back_pending = m_settings.source == Source::AdfDuplex;
  }
  const ScanSettings settings = m_settings;
  const int sequence = ++m_sequence;
  const std::uint64_t seed = m_seed * 0x100000001B3ULL + (++m_pages_made);
  lock.unlock();  // drawing takes milliseconds; cancel() and status() must not wait for it

  Page page = back ? render_blank_back(settings.mode, settings.dpi, seed)
                   : render_sheet(*sheet, settings.mode, settings.dpi, seed);
  page.sequence = sequence;
  return std::optional<Page>{std::move(page)};
}

void SimScanner::cancel() { m_cancelled = true; }

ScannerStatus SimScanner::status() const {
  std::lock_guard lock(m_mutex);
  if (m_link.connection() == Connection::Unplugged) return ScannerStatus::Unplugged;
  if (m_jammed) return ScannerStatus::Jammed;
  if (m_cover_open) return ScannerStatus::CoverOpen;
  return m_last_status;
}

int SimScanner::sheets_in_feeder() const {
  std::lock_guard lock(m_mutex);
  return static_cast<int>(m_feeder.size());
}

Result<void> SimScanner::inject(std::string_view command) {
  Connection before;
  Connection after;
  {
    std::lock_guard lock(m_mutex);
    before = m_link.connection();
    if (auto applied = apply(trim(command)); !applied) return applied;
    after = m_link.connection();
  }
  if (before != Connection::Unplugged && after == Connection::Unplugged)
    m_link.notify(HotplugEvent::Left, m_info);
  if (before == Connection::Unplugged && after != Connection::Unplugged)
    m_link.notify(HotplugEvent::Arrived, m_info);
  return {};
}

Result<void> SimScanner::apply(std::string_view command) {
  if (command.starts_with("LOAD ")) {
    std::string_view rest = trim(command.substr(5));
    const auto space = rest.find(' ');
    const auto count = parse_count(rest.substr(0, space));
    if (!count) return make_error("LOAD needs a sheet count: \"" + std::string(command) + "\"");
    std::vector<SheetSpec> kinds;
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    while (!(rest = trim(rest)).empty()) {
      const auto end = rest.find(' ');
      auto spec = parse_sheet_spec(rest.substr(0, end));
      if (!spec) return spec.error();
      kinds.push_back(std::move(spec).value());
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    if (kinds.empty()) kinds.push_back(SheetSpec{});
    for (int i = 0; i < *count; ++i) m_feeder.push_back(kinds[static_cast<std::size_t>(i) % kinds.size()]);
    if (m_last_status == ScannerStatus::NoDocuments) m_last_status = ScannerStatus::Ready;
  } else if (command.starts_with("JAM AFTER ")) {
    const auto count = parse_count(command.substr(10));
    if (!count) return make_error("JAM AFTER needs a sheet count: \"" + std::string(command) + "\"");
    m_jam_after = *count;
  } else if (command == "JAM") {
    m_jam_after = 0;
    if (!m_active) m_jammed = true;
  } else if (command == "EMPTY") {
    m_feeder.clear();
  } else if (command == "COVER_OPEN") {
    m_cover_open = true;
  } else if (command == "COVER_CLOSE") {
    m_cover_open = false;
  } else if (command == "CLEAR") {
    m_jammed = false;
    m_jam_after.reset();
    m_cover_open = false;
    m_last_status = ScannerStatus::Ready;
  } else if (command == "UNPLUG") {
    m_link.set_connection(Connection::Unplugged);
  } else if (command == "PLUG") {
    m_link.replace_connection(Connection::Unplugged, Connection::Closed);
  } else {
    return make_error("unknown simulated scanner command \"" + std::string(command) + "\"");
  }
  return {};
}

}  // namespace pk::scanner
