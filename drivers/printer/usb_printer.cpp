#include "drivers/printer/usb_printer.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdio>

#include "drivers/printer/ieee1284_id.h"
#include "drivers/printer/usb_printer_ids.h"

namespace pk {
namespace {

constexpr int kDeviceIdMax = 1024;
constexpr std::uint8_t kGetDeviceIdRequestType = static_cast<std::uint8_t>(LIBUSB_ENDPOINT_IN) |
                                                 static_cast<std::uint8_t>(LIBUSB_REQUEST_TYPE_CLASS) |
                                                 static_cast<std::uint8_t>(LIBUSB_RECIPIENT_INTERFACE);

std::string id_text(UsbId id) {
  char text[16];
  std::snprintf(text, sizeof text, "%04x:%04x", id.vendor, id.product);
  return text;
}

std::string usb_error(int code) { return libusb_strerror(static_cast<libusb_error>(code)); }

ErrorKind usb_error_kind(int code) {
  switch (code) {
    case LIBUSB_ERROR_ACCESS:
      return ErrorKind::PermissionDenied;
    case LIBUSB_ERROR_BUSY:
      return ErrorKind::Busy;
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
      return ErrorKind::NotFound;
    case LIBUSB_ERROR_TIMEOUT:
      return ErrorKind::Timeout;
    case LIBUSB_ERROR_NOT_SUPPORTED:
    case LIBUSB_ERROR_INVALID_PARAM:
      return ErrorKind::Unavailable;
    default:  // IO, PIPE, OVERFLOW, OTHER: the device or its cable misbehaves
      return ErrorKind::DeviceFault;
  }
}

std::string where(libusb_device* device, UsbId id) {
  return id_text(id) + " (bus " + std::to_string(libusb_get_bus_number(device)) + " address " +
         std::to_string(libusb_get_device_address(device)) + ")";
}

// The printer interface of a device, or nothing when the device is not a printer we drive.
std::optional<UsbPrinterInterface> printer_interface(libusb_device* device, UsbId* id_out) {
  libusb_device_descriptor desc{};
  if (libusb_get_device_descriptor(device, &desc) != 0) return std::nullopt;
  const UsbId id{desc.idVendor, desc.idProduct};
  if (id_out != nullptr) *id_out = id;
  libusb_config_descriptor* config = nullptr;
  if (libusb_get_active_config_descriptor(device, &config) != 0 &&
      libusb_get_config_descriptor(device, 0, &config) != 0) {
    return std::nullopt;
  }
  auto found = find_printer_interface(*config, in_table(kUsbPrinterIds, id));
  libusb_free_config_descriptor(config);
  return found;
}

// GET_DEVICE_ID (USB printer class, request 0): the IEEE 1284 id with its model.
std::optional<Ieee1284Id> read_device_id(libusb_device_handle* handle, const UsbPrinterInterface& iface,
                                         std::chrono::milliseconds timeout) {
  std::uint8_t reply[kDeviceIdMax];
  const int n =
      libusb_control_transfer(handle, kGetDeviceIdRequestType, 0, 0,
                              static_cast<std::uint16_t>((iface.interface_number << 8) | iface.alt_setting),
                              reply, sizeof reply, static_cast<unsigned>(timeout.count()));
  if (n < 2) return std::nullopt;
  auto text = device_id_text(std::span(reply, static_cast<std::size_t>(n)));
  if (!text) return std::nullopt;
  return parse_ieee1284_id(*text);
}

}  // namespace

const DriverMetadata& UsbPrinter::metadata() {
  static const DriverMetadata meta{"usb", "USB receipt printer (ESC/POS)", kUsbPrinterIds,
                                   Features{Feature::NativeQr, Feature::NativeCode128, Feature::Cutter,
                                            Feature::StatusReadback, Feature::Hotplug}};
  return meta;
}

Result<std::unique_ptr<UsbPrinter>> UsbPrinter::create(std::string_view connection) {
  if (connection != "usb" && !connection.starts_with("usb:")) {
    return make_error("not a USB printer: \"" + std::string(connection) + "\"");
  }
  UsbPrinterConfig config;
  if (connection.size() > 4) {
    const std::string_view ids = connection.substr(4);
    UsbId id;
    const auto colon = ids.find(':');
    const auto v = std::from_chars(ids.data(), ids.data() + std::min(colon, ids.size()), id.vendor, 16);
    const auto p = colon == std::string_view::npos
                       ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                       : std::from_chars(ids.data() + colon + 1, ids.data() + ids.size(), id.product, 16);
    if (v.ec != std::errc{} || p.ec != std::errc{} || p.ptr != ids.data() + ids.size()) {
      return make_error("USB printer id must be \"usb:VVVV:PPPP\" in hex, got \"" + std::string(connection) +
                        "\"");
    }
    config.id = id;
  }
  return std::make_unique<UsbPrinter>(config);
}

Result<std::vector<DeviceInfo>> UsbPrinter::discover() {
  std::vector<DeviceInfo> printers;
  libusb_context* context = nullptr;
  if (const int rc = libusb_init(&context); rc != 0) {
    spdlog::info("USB printer discovery: no USB bus visible ({}); no USB printers", usb_error(rc));
    return printers;
  }
  libusb_device** list = nullptr;
  const ssize_t count = libusb_get_device_list(context, &list);
  if (count < 0) {
    libusb_exit(context);
    return make_error(ErrorKind::Unavailable,
                      "cannot list USB devices: " + usb_error(static_cast<int>(count)));
  }
  for (ssize_t i = 0; i < count; ++i) {
    UsbId id;
    auto iface = printer_interface(list[i], &id);
    if (!iface) continue;
    DeviceInfo info{"usb", "USB printer " + where(list[i], id), "", "usb:" + id_text(id)};
    libusb_device_handle* handle = nullptr;
    if (libusb_open(list[i], &handle) == 0) {
      if (auto device_id = read_device_id(handle, *iface, std::chrono::milliseconds(1000))) {
        info.model = device_id->model;
        info.name = device_id->manufacturer + " " + device_id->model + " (USB " + id_text(id) + ")";
      }
      libusb_close(handle);
    }
    printers.push_back(std::move(info));
  }
  libusb_free_device_list(list, 1);
  libusb_exit(context);
  return printers;
}

UsbPrinter::UsbPrinter(UsbPrinterConfig config) : m_config(std::move(config)) {
  m_info.backend = "usb";
  m_info.connection = m_config.id ? "usb:" + id_text(*m_config.id) : "usb";
  m_info.name = "USB printer " + (m_config.id ? id_text(*m_config.id) : std::string("(first found)"));
}

UsbPrinter::~UsbPrinter() {
  stop_events();
  std::lock_guard lock(m_mutex);
  close_locked();
  if (m_context != nullptr) libusb_exit(m_context);
}

DeviceState UsbPrinter::state() const {
  // Under m_mutex too: fail_locked() closes the device (libusb calls) between marking it closed
  // and saying it was unplugged, and state() must not show that half-way point.
  std::lock_guard lock(m_mutex);
  DeviceState state = m_link.state();
  // The hotplug thread may not take m_mutex (see on_hotplug_event), so it only flags the loss.
  if (state.connection == Connection::Open && m_device_left) state.connection = Connection::Unplugged;
  return state;
}

Result<void> UsbPrinter::ensure_context() {
  if (m_context != nullptr) return {};
  if (const int rc = libusb_init(&m_context); rc != 0) {
    m_context = nullptr;
    return make_error(ErrorKind::Unavailable, "USB is not available on this machine: " + usb_error(rc));
  }
  return {};
}

void UsbPrinter::close_locked() {
  if (m_handle == nullptr) return;
  libusb_release_interface(m_handle, m_interface.interface_number);
  // Give the interface back to usblp so the machine is left as we found it.
  if (m_detached_kernel_driver) libusb_attach_kernel_driver(m_handle, m_interface.interface_number);
  m_detached_kernel_driver = false;
  libusb_close(m_handle);
  m_handle = nullptr;
  m_open_device = nullptr;
  m_link.replace_connection(Connection::Open, Connection::Closed);
}

Error UsbPrinter::fail_locked(std::string message, int libusb_error, ErrorKind kind) {
  if (libusb_error != 0) kind = usb_error_kind(libusb_error);
  const bool unplugged = libusb_error == LIBUSB_ERROR_NO_DEVICE;
  if (unplugged) {
    message += " (the printer was unplugged)";
    close_locked();
  } else if (libusb_error == LIBUSB_ERROR_ACCESS) {
    message += "; the kiosk user may not open it: install the udev rule " + std::string(kUdevRulePath) +
               " (generated from the drivers' USB tables) and replug the printer";
  }
  if (unplugged)
    m_link.set(Connection::Unplugged, message);
  else
    m_link.set_last_error(message);
  return make_error(kind, std::move(message));
}

Result<void> UsbPrinter::open() {
  std::lock_guard lock(m_mutex);
  close_locked();
  if (auto ready = ensure_context(); !ready) return fail_locked(ready.error().message, 0, ready.error().kind);

  libusb_device** list = nullptr;
  const ssize_t count = libusb_get_device_list(m_context, &list);
  if (count < 0)
    return fail_locked("cannot list USB devices: " + usb_error(static_cast<int>(count)), 0,
                       ErrorKind::Unavailable);
  libusb_device* chosen = nullptr;
  UsbId chosen_id;
  for (ssize_t i = 0; i < count && chosen == nullptr; ++i) {
    UsbId id;
    auto iface = printer_interface(list[i], &id);
    if (!iface || (m_config.id && !(*m_config.id == id))) continue;
    chosen = libusb_ref_device(list[i]);
    chosen_id = id;
    m_interface = *iface;
  }
  libusb_free_device_list(list, 1);
  if (chosen == nullptr) {
    return fail_locked(
        "no USB printer " + (m_config.id ? id_text(*m_config.id) + " " : std::string()) + "is connected", 0,
        ErrorKind::NotFound);
  }
  const std::string at = where(chosen, chosen_id);
  const int opened = libusb_open(chosen, &m_handle);
  libusb_unref_device(chosen);
  if (opened != 0) {
    m_handle = nullptr;
    return fail_locked("cannot open USB printer " + at + ": " + usb_error(opened), opened);
  }
  if (libusb_kernel_driver_active(m_handle, m_interface.interface_number) == 1) {
    if (const int rc = libusb_detach_kernel_driver(m_handle, m_interface.interface_number); rc != 0) {
      close_locked();
      return fail_locked(
          "cannot take USB printer " + at + " from the kernel's usblp driver: " + usb_error(rc), rc);
    }
    m_detached_kernel_driver = true;
  }
  if (const int rc = libusb_claim_interface(m_handle, m_interface.interface_number); rc != 0) {
    close_locked();
    return fail_locked("cannot claim USB printer " + at + ": " + usb_error(rc), rc);
  }
  if (m_interface.alt_setting != 0) {
    libusb_set_interface_alt_setting(m_handle, m_interface.interface_number, m_interface.alt_setting);
  }
  m_info.connection = "usb:" + id_text(chosen_id);
  m_info.name = "USB printer " + at;
  if (auto device_id = read_device_id(m_handle, m_interface, m_config.status_timeout)) {
    m_info.model = device_id->model;
    m_info.name = device_id->manufacturer + " " + device_id->model + " (USB " + at + ")";
  }
  m_open_device = libusb_get_device(m_handle);
  m_device_left = false;
  m_link.set(Connection::Open, {});
  return {};
}

Result<void> UsbPrinter::write_locked(std::span<const std::uint8_t> bytes) {
  // Chunks keep each transfer's timeout meaningful: the printer must take 16 KiB in time.
  constexpr std::size_t kChunk = 16 * 1024;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const int size = static_cast<int>(std::min(kChunk, bytes.size() - sent));
    int done = 0;
    const int rc = libusb_bulk_transfer(m_handle, m_interface.endpoint_out,
                                        const_cast<std::uint8_t*>(bytes.data() + sent), size, &done,
                                        static_cast<unsigned>(m_config.transfer_timeout.count()));
    sent += static_cast<std::size_t>(done);
    if (rc != 0) {
      return fail_locked("USB printer " + m_info.connection + " stopped taking data after " +
                             std::to_string(sent) + " of " + std::to_string(bytes.size()) +
                             " bytes: " + usb_error(rc),
                         rc);
    }
  }
  return {};
}

Result<PrinterStatus> UsbPrinter::status() {
  std::lock_guard lock(m_mutex);
  if (m_handle == nullptr) return make_error("USB printer " + m_info.connection + " is not open");
  if (m_interface.endpoint_in == 0) {
    return make_error("USB printer " + m_info.connection + " has no IN endpoint: it cannot report status");
  }
  escpos::StatusReply reply;
  const std::pair<escpos::StatusQuery, std::uint8_t*> queries[] = {
      {escpos::StatusQuery::Printer, &reply.printer},
      {escpos::StatusQuery::OfflineCause, &reply.offline_cause},
      {escpos::StatusQuery::ErrorCause, &reply.error_cause},
      {escpos::StatusQuery::RollPaper, &reply.roll_paper}};
  for (const auto& [query, slot] : queries) {
    if (auto sent = write_locked(escpos::status_request(query)); !sent) return sent.error();
    std::uint8_t answer[64];
    int got = 0;
    const int rc = libusb_bulk_transfer(m_handle, m_interface.endpoint_in, answer, sizeof answer, &got,
                                        static_cast<unsigned>(m_config.status_timeout.count()));
    if (rc != 0 || got < 1) {
      return fail_locked("USB printer " + m_info.connection + " did not answer a status request: " +
                             (rc != 0 ? usb_error(rc) : std::string("empty reply")),
                         rc);
    }
    *slot = answer[got - 1];  // the newest byte answers this request
  }
  auto decoded = escpos::decode_status(reply);
  if (!decoded)
    return fail_locked("USB printer " + m_info.connection + ": " + decoded.error().message, 0,
                       ErrorKind::Malformed);
  return decoded;
}

Result<void> UsbPrinter::print(const PrintJob& job, Cut cut) {
  auto encoded = escpos::encode_job(job, cut, m_config.encode);
  if (!encoded) return encoded.error();
  std::lock_guard lock(m_mutex);
  if (m_handle == nullptr) return make_error("USB printer " + m_info.connection + " is not open");
  return write_locked(encoded.value());
}

int LIBUSB_CALL UsbPrinter::on_hotplug_event(libusb_context*, libusb_device* device,
                                             libusb_hotplug_event event, void* self_pointer) {
  auto* self = static_cast<UsbPrinter*>(self_pointer);
  UsbId id;
  const bool arrived = event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED;
  // Descriptors are cached by libusb, so a device that has just left can still be matched.
  if (!printer_interface(device, &id)) return 0;
  if (self->m_config.id && !(*self->m_config.id == id)) return 0;
  DeviceInfo info{"usb", "USB printer " + where(device, id), "", "usb:" + id_text(id)};
  // Never m_mutex here: this runs inside libusb's event handling, and a print() holding m_mutex
  // may be waiting for that very event handling to finish its transfer (a deadlock when the
  // printer is unplugged mid-job).
  if (!arrived && self->m_open_device.load() == device) self->m_device_left = true;
  // The link's own mutex is never held around libusb calls, so taking it here is safe.
  self->m_link.notify(arrived ? HotplugEvent::Arrived : HotplugEvent::Left, info);
  return 0;
}

void UsbPrinter::on_hotplug(HotplugCallback callback) {
  stop_events();
  std::lock_guard lock(m_mutex);
  const bool wanted = static_cast<bool>(callback);
  m_link.set_hotplug(std::move(callback));
  if (!wanted) return;
  if (!ensure_context() || libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) == 0) {
    spdlog::info("USB hot-plug is not supported here; printer loss shows as status errors");
    return;
  }
  const int rc = libusb_hotplug_register_callback(
      m_context,
      static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                        LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
      LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
      &UsbPrinter::on_hotplug_event, this, &m_hotplug_handle);
  if (rc != 0) {
    spdlog::warn("USB hot-plug registration failed: {}", usb_error(rc));
    return;
  }
  m_hotplug_registered = true;
  m_stop_events = false;
  m_events = std::thread([this] {
    timeval tick{0, 200 * 1000};  // wake up to notice stop_events()
    while (!m_stop_events) libusb_handle_events_timeout_completed(m_context, &tick, nullptr);
  });
}

void UsbPrinter::stop_events() {
  m_stop_events = true;
  if (m_events.joinable()) m_events.join();
  std::lock_guard lock(m_mutex);
  if (m_hotplug_registered) libusb_hotplug_deregister_callback(m_context, m_hotplug_handle);
  m_hotplug_registered = false;
}

}  // namespace pk
