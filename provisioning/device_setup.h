#pragma once
// Device set-up: what each driver finds per role, a self-test per role, problems explained
// with what to do, and the choice as configuration settings. No UI here: the technician's
// Devices screen (kiosk/technician) draws these results.
//
// Discovery: the simulated twin of each class is always listed (a terminal can be set up and
// demonstrated without hardware); the real backends list what they see now — USB printers
// (libusb), SANE scanners, PC/SC readers (one entry per reader pcscd knows), keyboard-wedge
// barcode scanners (/dev/input/by-id/*-event-kbd). A backend that cannot list (pcscd not
// running, no permission) gives a Problem for that role instead of devices.
//
// Self-tests block (seconds; a real barcode scanner is waited for up to barcode_wait): the
// printer prints the test receipt, the scanner scans one page, the card reader reads the ATR of
// the card on it, the barcode scanner waits for one code (the simulated one is given a scripted
// scan of the test receipt's code). The kiosk runs them, and discover_devices (SANE may take
// seconds to list), off its frame loop (kiosk/background_task.h); they use no shared state, so
// tests of different roles may run at once, each on its own device.
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "drivers/barcode/barcode_scanner.h"
#include "drivers/cardreader/card_reader.h"
#include "drivers/device.h"
#include "drivers/printer/printer.h"
#include "drivers/scanner/scanner.h"
#include "provisioning/config_writer.h"
#include "receipts/receipt_render.h"

namespace pk::provisioning {

enum class DeviceRole : std::uint8_t { Printer, Scanner, CardReader, Barcode };
inline constexpr std::array<DeviceRole, 4> kDeviceRoles = {DeviceRole::Printer, DeviceRole::Scanner,
                                                           DeviceRole::CardReader, DeviceRole::Barcode};
[[nodiscard]] std::string_view to_string(DeviceRole role);  // "printer", "scanner"...
[[nodiscard]] std::string_view role_name(DeviceRole role, Language language);

enum class ProblemKind : std::uint8_t {
  PermissionDenied,  // the kiosk user may not open the device node
  Busy,              // another program (or another part of the kiosk) holds it
  MissingBackend,    // the service or driver is not there (pcscd stopped, no SANE backend)
  Unplugged,         // the device is not (or no longer) attached
  NoMedia,           // attached and answering, but no paper / no card / no code came
  DeviceFault,       // the device reports a fault (paper jam, cover open, printer error)
  Other,
};
[[nodiscard]] std::string_view to_string(ProblemKind kind);

struct Problem {
  ProblemKind kind = ProblemKind::Other;
  std::string detail;  // the driver's own words, for the technician and the log
};

// The problem a driver's error is, from the kind the driver gave it where it arose.
[[nodiscard]] ProblemKind problem_of(const Error& error);
// What happened and what to do, for the technician. Permission problems name the udev rule
// file the package installs (kUdevRulePath) and the group that owns the role's devices.
inline constexpr std::string_view kUdevRuleFile = kUdevRulePath;
// The group the kiosk user must be in to open a role's devices (packaging/debian/kiosk-postinst
// adds it to all of them): lp for printers, scanner (libsane's rules), input for evdev
// barcode scanners; card readers go through pcscd (plugdev, should its policy ask for it).
[[nodiscard]] std::string_view device_group(DeviceRole role);
[[nodiscard]] std::string explain(const Problem& problem, DeviceRole role, Language language);

struct RoleDevices {
  DeviceRole role = DeviceRole::Printer;
  std::vector<DeviceInfo> devices;  // the simulated one first
  std::vector<Problem> problems;    // backends that could not list their devices
};

struct DiscoveryOptions {
  std::filesystem::path sim_printer_dir;  // the simulated printer writes its receipts here
  std::filesystem::path evdev_dir = "/dev/input/by-id";
  bool real_backends = true;                     // false: only the simulated twins (tests)
  std::vector<std::string> known_connections{};  // e.g. a configured network printer (not discoverable)
};

[[nodiscard]] std::vector<RoleDevices> discover_devices(const DiscoveryOptions& options);

struct SelfTestOptions {
  Language language = Language::Persian;
  std::string terminal_id;
  int terminal_number = 1;
  std::int64_t now_unix = 0;
  receipts::ReceiptRenderer* renderer = nullptr;  // required for the printer
  std::chrono::milliseconds barcode_wait{8000};   // how long a real barcode scanner is waited for
};

enum class TestOutcome : std::uint8_t { NotRun, Passed, Failed };

struct SelfTestResult {
  DeviceRole role = DeviceRole::Printer;
  std::string connection;
  TestOutcome outcome = TestOutcome::NotRun;
  std::string summary;             // what was seen: "ATR 3B 88 ...", "page 1654 × 2339 at 200 dpi"
  std::optional<Problem> problem;  // when Failed
  [[nodiscard]] bool passed() const { return outcome == TestOutcome::Passed; }
};

// Opens the device named by `connection` through its class's registry and tests it.
[[nodiscard]] SelfTestResult self_test(DeviceRole role, const std::string& connection,
                                       const SelfTestOptions& options);
// The same test on a device the caller already holds: the kiosk lends its own device when the
// technician tests the connection the kiosk uses (a second object on it would find it busy: a
// claimed USB interface, a grabbed evdev node, an open SANE handle). A simulated twin is
// scripted as above; the device is left open as it was found.
[[nodiscard]] SelfTestResult self_test(DeviceRole role, Device& held, const SelfTestOptions& options);

// The same tests on a device the caller already holds (opened here if needed).
[[nodiscard]] SelfTestResult test_printer(PrinterDriver& printer, const SelfTestOptions& options);
[[nodiscard]] SelfTestResult test_scanner(scanner::ScannerDriver& scanner);
[[nodiscard]] SelfTestResult test_card_reader(cardreader::CardReaderDriver& reader,
                                              std::string_view reader_name);
[[nodiscard]] SelfTestResult test_barcode(barcode::BarcodeScannerDriver& scanner,
                                          std::chrono::milliseconds wait, std::string_view expected);

// One connection string per role; empty means no device for that role.
struct DeviceChoice {
  std::array<std::string, 4> connection{};  // indexed by DeviceRole
  [[nodiscard]] std::string& operator[](DeviceRole role) { return connection[static_cast<size_t>(role)]; }
  [[nodiscard]] const std::string& operator[](DeviceRole role) const {
    return connection[static_cast<size_t>(role)];
  }
};

// The [devices] keys of data/pishkhan.toml that select these devices (kiosk/config.h).
// Refuses a connection no registry knows for its role.
[[nodiscard]] Result<std::vector<Setting>> device_settings(const DeviceChoice& choice);

// Writes the choice into the [devices] table of the configuration file (config_writer.h).
[[nodiscard]] Result<EditedText> save_device_choice(const std::filesystem::path& config_file,
                                                    const DeviceChoice& choice);

}  // namespace pk::provisioning
