// A device's problem for the technician: its kind (from the kind the driver gave the error),
// the group its devices belong to, and the sentence that says what happened and what to do.
#include <cctype>

#include "provisioning/device_setup.h"

namespace pk::provisioning {

std::string_view to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::PermissionDenied:
      return "permission-denied";
    case ProblemKind::Busy:
      return "busy";
    case ProblemKind::MissingBackend:
      return "missing-backend";
    case ProblemKind::Unplugged:
      return "unplugged";
    case ProblemKind::NoMedia:
      return "no-media";
    case ProblemKind::DeviceFault:
      return "device-fault";
    case ProblemKind::Other:
      return "other";
  }
  return "?";
}

ProblemKind problem_of(const Error& error) {
  switch (error.kind) {
    case ErrorKind::PermissionDenied:
      return ProblemKind::PermissionDenied;
    case ErrorKind::Busy:
      return ProblemKind::Busy;
    case ErrorKind::Unavailable:
      return ProblemKind::MissingBackend;
    case ErrorKind::NotFound:
      return ProblemKind::Unplugged;
    case ErrorKind::NoMedia:
      return ProblemKind::NoMedia;
    case ErrorKind::DeviceFault:
      return ProblemKind::DeviceFault;
    case ErrorKind::Unspecified:  // no driver said more: the technician reads the detail
    case ErrorKind::Refused:
    case ErrorKind::Timeout:
    case ErrorKind::Malformed:
    case ErrorKind::Io:
      break;
  }
  return ProblemKind::Other;
}

std::string_view device_group(DeviceRole role) {
  switch (role) {
    case DeviceRole::Printer:
      return "lp";
    case DeviceRole::Scanner:
      return "scanner";
    case DeviceRole::Barcode:
      return "input";
    case DeviceRole::CardReader:
      break;  // pcscd opens the readers; its polkit policy admits the kiosk's local session
  }
  return "plugdev";
}

std::string explain(const Problem& problem, DeviceRole role, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  std::string device(role_name(role, language));
  if (!fa && !device.empty())
    device[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(device[0])));
  std::string what;
  switch (problem.kind) {
    case ProblemKind::PermissionDenied:
      what =
          fa ? "برنامه اجازه باز کردن " + device + " را ندارد. قاعده udev در " + std::string(kUdevRuleFile) +
                   " باید نصب باشد و کاربر کیوسک عضو گروه «" + std::string(device_group(role)) +
                   "» باشد؛ سپس دستگاه را جدا و دوباره وصل کنید (یا udevadm trigger)."
             : "The kiosk may not open the " + device + ". Install the udev rule " +
                   std::string(kUdevRuleFile) + ", make sure the kiosk user is in the group \"" +
                   std::string(device_group(role)) + "\", then replug the device (or run udevadm trigger).";
      break;
    case ProblemKind::Busy:
      what =
          fa ? device +
                   " در دست برنامهٔ دیگری است. برنامه‌های دیگر (مثلاً CUPS یا ippusbxd برای چاپگر، "
                   "scanbd برای اسکنر) را ببندید و دوباره آزمایش کنید."
             : "Another program holds the " + device +
                   ". Stop it (CUPS or ippusbxd for a printer, scanbd for a scanner) and test again.";
      break;
    case ProblemKind::MissingBackend: {
      const bool reader = role == DeviceRole::CardReader;
      const bool scanner = role == DeviceRole::Scanner;
      what =
          fa ? "نرم‌افزار راه‌انداز " + device + " در دسترس نیست. " +
                   (reader ? std::string("سرویس pcscd را روشن کنید (systemctl start pcscd).")
                    : scanner ? std::string(
                                    "بستهٔ راه‌انداز SANE سازنده را نصب کنید.")
                              : std::string("نشانی اتصال را بررسی کنید."))
             : "The " + device + "'s driver or service is missing. " +
                   (reader    ? std::string("Start pcscd (systemctl start pcscd).")
                    : scanner ? std::string("Install the maker's SANE backend package.")
                              : std::string("Check the connection string."));
      break;
    }
    case ProblemKind::Unplugged:
      what =
          fa ? device +
                   " پیدا نشد. کابل و برق آن را بررسی کنید، آن را به درگاه USB دیگری وصل کنید و فهرست را تازه کنید."
             : "The " + device +
                   " was not found. Check its cable and power, try another USB port, and refresh the list.";
      break;
    case ProblemKind::NoMedia:
      what =
          fa ? device +
                   " پاسخ می‌دهد ولی چیزی برای آزمایش نبود: کاغذ، کارت یا بارکد را بگذارید و دوباره آزمایش کنید."
             : "The " + device +
                   " answers but had nothing to work on: load paper, put a card on it or scan a code, and "
                   "test again.";
      break;
    case ProblemKind::DeviceFault:
      what =
          fa ? device +
                   " خطا گزارش می‌کند (گیر کاغذ، درِ باز، خرابی). آن را بررسی و دوباره آزمایش کنید."
             : "The " + device +
                   " reports a fault (a jam, an open cover, an error). Check it and test again.";
      break;
    case ProblemKind::Other:
      what =
          fa ? "آزمایش " + device +
                   " انجام نشد. پیام دستگاه را در بستهٔ عیب‌یابی برای پشتیبانی بفرستید."
             : "The " + device + " test failed. Send the diagnostics bundle with this message to support.";
      break;
  }
  if (problem.detail.empty()) return what;
  // The driver's words are English: in a Persian sentence they are an isolate (LRI..PDI), or
  // the bidi algorithm mirrors their brackets and moves their colon and full stop.
  return fa ? what + " (\u2066" + problem.detail + "\u2069)" : what + " (" + problem.detail + ")";
}

}  // namespace pk::provisioning
