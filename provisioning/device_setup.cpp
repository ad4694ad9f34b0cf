// Device set-up: the roles and their names, the devices found for each, and the choice
// written to the configuration. Problems are device_problems.cpp, self-tests device_self_test.cpp.
#include "provisioning/device_setup.h"

#include <algorithm>

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/cardreader/pcsc_reader.h"
#include "drivers/printer/usb_printer.h"
#include "drivers/scanner/sane_runtime.h"

namespace pk::provisioning {

std::string_view to_string(DeviceRole role) {
  switch (role) {
    case DeviceRole::Printer:
      return "printer";
    case DeviceRole::Scanner:
      return "scanner";
    case DeviceRole::CardReader:
      return "card_reader";
    case DeviceRole::Barcode:
      return "barcode";
  }
  return "?";
}

std::string_view role_name(DeviceRole role, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  switch (role) {
    case DeviceRole::Printer:
      return fa ? "چاپگر رسید" : "Receipt printer";
    case DeviceRole::Scanner:
      return fa ? "اسکنر مدارک" : "Document scanner";
    case DeviceRole::CardReader:
      return fa ? "کارت‌خوان" : "Card reader";
    case DeviceRole::Barcode:
      return fa ? "بارکدخوان" : "Barcode scanner";
  }
  return "?";
}

std::vector<RoleDevices> discover_devices(const DiscoveryOptions& options) {
  std::vector<RoleDevices> roles;
  for (DeviceRole role : kDeviceRoles) roles.push_back(RoleDevices{role, {}, {}});
  auto add = [&](DeviceRole role, DeviceInfo info) {
    roles[static_cast<size_t>(role)].devices.push_back(info);
  };
  auto problem = [&](DeviceRole role, const Error& error) {
    roles[static_cast<size_t>(role)].problems.push_back(Problem{problem_of(error), error.message});
  };
  auto add_all = [&](DeviceRole role, Result<std::vector<DeviceInfo>> found) {
    if (!found) return problem(role, found.error());
    for (DeviceInfo& info : found.value()) add(role, std::move(info));
  };

  add(DeviceRole::Printer,
      {"sim", "Simulated receipt printer", "PK-SIM-80", "sim:" + options.sim_printer_dir.string()});
  add(DeviceRole::Scanner, {"sim", "Simulated document scanner", "PK-SIM-ADF", "sim:"});
  add(DeviceRole::CardReader,
      {"sim", "Simulated card reader (ICAO test passport)", "PK-SIM-PCSC", "sim:passport"});
  add(DeviceRole::Barcode, {"sim", "Simulated barcode scanner", "PK-SIM-HID", "sim:"});
  for (const std::string& known : options.known_connections)
    if (known.starts_with("tcp:"))
      add(DeviceRole::Printer, {"tcp", "Network printer " + known.substr(4), "", known});
  if (!options.real_backends) return roles;

  add_all(DeviceRole::Printer, UsbPrinter::discover());
  add_all(DeviceRole::Scanner, scanner::discover_sane_devices());
  {
    auto reader = cardreader::PcscReader::create("pcsc:");
    if (auto opened = (*reader)->open(); !opened) {
      problem(DeviceRole::CardReader, opened.error());
    } else if (auto names = (*reader)->readers(); !names) {
      problem(DeviceRole::CardReader, names.error());
    } else {
      for (const cardreader::ReaderStatus& r : names.value())
        add(DeviceRole::CardReader, {"pcsc", r.name, "", "pcsc:" + r.name});
    }
  }
  add_all(DeviceRole::Barcode, barcode::EvdevScanner::discover(options.evdev_dir));
  return roles;
}

Result<std::vector<Setting>> device_settings(const DeviceChoice& choice) {
  std::vector<Setting> out;
  struct Scheme {
    std::string_view prefix;
    std::string_view backend;
    bool keep_connection;
  };
  struct RoleKeys {
    DeviceRole role;
    std::string_view backend_key;
    std::string_view connection_key;
    std::vector<Scheme> schemes;
  };
  const RoleKeys table[] = {
      {DeviceRole::Printer,
       "printer",
       "printer_connection",
       {{"sim:", "simulated", false}, {"usb", "usb", true}, {"tcp:", "network", true}}},
      {DeviceRole::Scanner,
       "scanner",
       "scanner_connection",
       {{"sim:", "simulated", false}, {"sane:", "sane", true}}},
      {DeviceRole::CardReader,
       "card_reader",
       "card_reader_connection",
       {{"sim:", "simulated", false}, {"pcsc:", "pcsc", true}}},
      {DeviceRole::Barcode,
       "barcode",
       "barcode_connection",
       {{"sim:", "simulated", false}, {"evdev:", "usb", true}}},
  };
  for (const RoleKeys& keys : table) {
    const std::string& connection = choice[keys.role];
    if (connection.empty()) {
      out.emplace_back(keys.backend_key, "none");
      out.emplace_back(keys.connection_key, "");
      continue;
    }
    const Scheme* match = nullptr;
    for (const Scheme& s : keys.schemes)
      if (connection.starts_with(s.prefix)) match = &s;
    if (!match)
      return make_error("\"" + connection + "\" is not a " + std::string(to_string(keys.role)) +
                        " connection");
    out.emplace_back(keys.backend_key, match->backend);
    // The simulated devices' places are the kiosk's own (receipts under data_dir).
    out.emplace_back(keys.connection_key, match->keep_connection ? connection : "");
  }
  return out;
}

Result<EditedText> save_device_choice(const std::filesystem::path& config_file, const DeviceChoice& choice) {
  auto settings = device_settings(choice);
  if (!settings) return settings.error();
  return write_table_strings(config_file, "devices", *settings);
}

}  // namespace pk::provisioning
