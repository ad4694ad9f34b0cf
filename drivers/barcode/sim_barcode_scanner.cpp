#include "drivers/barcode/sim_barcode_scanner.h"

#include <optional>

namespace pk::barcode {

const DriverMetadata& SimBarcodeScanner::metadata() {
  static const DriverMetadata meta{
      "sim", "Simulated barcode scanner", {}, Features{Feature::Hotplug, Feature::Scripted}};
  return meta;
}

Result<std::unique_ptr<SimBarcodeScanner>> SimBarcodeScanner::create(std::string_view connection) {
  if (connection != "sim:" && connection != "sim") return make_error("simulated barcode scanner is \"sim:\"");
  return std::make_unique<SimBarcodeScanner>();
}

SimBarcodeScanner::SimBarcodeScanner() {
  m_info.backend = "sim";
  m_info.name = "Simulated barcode scanner";
  m_info.model = "PK-SIM-HID";
  m_info.connection = "sim:";
}

DeviceState SimBarcodeScanner::state() const { return m_link.state(); }

void SimBarcodeScanner::on_hotplug(HotplugCallback callback) { m_link.set_hotplug(std::move(callback)); }

Result<void> SimBarcodeScanner::open() {
  std::lock_guard lock(m_mutex);
  if (m_link.connection() == Connection::Unplugged) {
    std::string message = "simulated barcode scanner is unplugged";
    m_link.set_last_error(message);
    return make_error(ErrorKind::NotFound, std::move(message));
  }
  m_link.set_connection(Connection::Open);
  return {};
}

void SimBarcodeScanner::close() {
  std::lock_guard lock(m_mutex);
  m_link.replace_connection(Connection::Open, Connection::Closed);
  m_changed.notify_all();
}

Result<std::optional<std::string>> SimBarcodeScanner::read_code(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  m_changed.wait_for(lock, timeout,
                     [&] { return !m_codes.empty() || m_link.connection() != Connection::Open; });
  const Connection connection = m_link.connection();
  if (connection == Connection::Unplugged)
    return make_error(ErrorKind::NotFound, "simulated barcode scanner was unplugged");
  if (connection != Connection::Open) return make_error("simulated barcode scanner is not open");
  if (m_codes.empty()) return std::optional<std::string>{};
  std::string code = std::move(m_codes.front());
  m_codes.pop_front();
  return std::optional<std::string>{std::move(code)};
}

Result<void> SimBarcodeScanner::inject(std::string_view command) {
  std::optional<HotplugEvent> event;
  {
    std::lock_guard lock(m_mutex);
    if (command.starts_with("SCAN ") && command.size() > 5) {
      m_codes.emplace_back(command.substr(5));
    } else if (command == "UNPLUG") {
      m_link.set_connection(Connection::Unplugged);
      m_codes.clear();
      event = HotplugEvent::Left;
    } else if (command == "PLUG") {
      m_link.replace_connection(Connection::Unplugged, Connection::Closed);
      event = HotplugEvent::Arrived;
    } else {
      return make_error("unknown simulated barcode scanner command \"" + std::string(command) + "\"");
    }
    m_changed.notify_all();
  }
  if (event) m_link.notify(*event, m_info);
  return {};
}

}  // namespace pk::barcode
