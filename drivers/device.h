#pragma once
// What every device class (printer, scanner, card reader, barcode scanner) shares: how a
// device is named, the state a kiosk shows for it, the static metadata of a driver, and the
// registry that maps a connection string ("sim:/tmp/out", "tcp:10.0.0.5:9100", "usb:04b8:0e15")
// to a driver. A device class derives its interface from Device and keeps its own registry,
// e.g. `using PrinterRegistry = DriverRegistry<PrinterDriver>`.
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk {

// Identifies one physical or simulated device. `connection` is what reopens the same device.
struct DeviceInfo {
  std::string backend;     // driver id: "sim", "tcp", "usb"
  std::string name;        // for people: "EPSON TM-T20II (USB 1-4)"
  std::string model;       // from the device itself when it says (IEEE 1284 MDL), else empty
  std::string connection;  // "tcp:10.0.0.5:9100"
};

enum class Connection : std::uint8_t { Closed, Open, Unplugged };

// The part of a device's state that is the same for every class; a class adds its own
// (a printer adds PrinterStatus). last_error is the last message meant for a technician.
struct DeviceState {
  Connection connection = Connection::Closed;
  std::string last_error;
};

enum class HotplugEvent : std::uint8_t { Arrived, Left };
using HotplugCallback = std::function<void(HotplugEvent, const DeviceInfo&)>;

struct UsbId {
  std::uint16_t vendor = 0;
  std::uint16_t product = 0;
  friend bool operator==(const UsbId&, const UsbId&) = default;
};

enum class Feature : std::uint32_t {
  NativeQr = 1U << 0,
  NativeCode128 = 1U << 1,
  Cutter = 1U << 2,
  StatusReadback = 1U << 3,
  Hotplug = 1U << 4,
  Scripted = 1U << 5,  // a virtual twin that tests drive with commands
};

class Features {
 public:
  constexpr Features() = default;
  constexpr Features(std::initializer_list<Feature> list) {
    for (Feature f : list) m_bits |= static_cast<std::uint32_t>(f);
  }
  [[nodiscard]] constexpr bool has(Feature f) const { return (m_bits & static_cast<std::uint32_t>(f)) != 0; }

 private:
  std::uint32_t m_bits = 0;
};

// Static, per driver; the udev rules are generated from usb_ids (see udev_rules()).
struct DriverMetadata {
  std::string_view id;  // also the connection-string scheme: "usb" for "usb:..."
  std::string_view name;
  std::span<const UsbId> usb_ids;
  Features features;
};

// Base of every device-class interface.
class Device {
 public:
  virtual ~Device() = default;
  Device() = default;
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  [[nodiscard]] virtual const DeviceInfo& info() const = 0;
  [[nodiscard]] virtual DeviceState state() const = 0;
  // Called from the driver's own thread when the device arrives or leaves.
  virtual void on_hotplug(HotplugCallback callback) = 0;
};

// A driver is registered by type: it must derive from the class interface and provide
// `static const DriverMetadata& metadata()` and
// `static Result<std::unique_ptr<T>> create(std::string_view connection)` (no I/O: open() does it).
template <class T, class Base>
concept RegistrableDriver = std::derived_from<T, Base> && requires(std::string_view connection) {
  { T::metadata() } -> std::same_as<const DriverMetadata&>;
  { T::create(connection) } -> std::same_as<Result<std::unique_ptr<T>>>;
};

template <class Base>
class DriverRegistry {
 public:
  using Factory = Result<std::unique_ptr<Base>> (*)(std::string_view connection);
  struct Entry {
    const DriverMetadata* metadata;
    Factory factory;
  };

  template <class T>
  requires RegistrableDriver<T, Base>
  void add() {
    m_entries.push_back(
        Entry{&T::metadata(), [](std::string_view connection) -> Result<std::unique_ptr<Base>> {
                auto made = T::create(connection);
                if (!made) return made.error();
                return std::unique_ptr<Base>(std::move(made).value());
              }});
  }

  [[nodiscard]] std::span<const Entry> drivers() const { return m_entries; }

  // "tcp:10.0.0.5:9100" goes to the driver whose id is "tcp".
  [[nodiscard]] Result<std::unique_ptr<Base>> create(std::string_view connection) const {
    const auto colon = connection.find(':');
    const std::string_view scheme = connection.substr(0, colon);
    for (const Entry& entry : m_entries) {
      if (entry.metadata->id == scheme) return entry.factory(connection);
    }
    return make_error(ErrorKind::Unavailable, "no driver for device \"" + std::string(connection) +
                                                  "\" (known: " + known_ids() + ")");
  }

 private:
  [[nodiscard]] std::string known_ids() const {
    std::string ids;
    for (const Entry& entry : m_entries) ids += (ids.empty() ? "" : ", ") + std::string(entry.metadata->id);
    return ids;
  }

  std::vector<Entry> m_entries;
};

// udev rules that let the kiosk's group open every USB device listed in `drivers` metadata.
// The pishkhan-kiosk package installs the output as kUdevRulePath (packaging/udev/).
inline constexpr std::string_view kUdevRulePath = "/usr/lib/udev/rules.d/70-pishkhan.rules";
[[nodiscard]] std::string udev_rules(std::span<const DriverMetadata* const> drivers, std::string_view group);

}  // namespace pk
