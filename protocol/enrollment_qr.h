#pragma once
// The enrollment QR code: what `pishkhan-centre --issue-enrollment-code` prints (and writes as
// PNG with --qr-png) so that a technician scans one code instead of typing three things on the
// kiosk's screen. One line of printable ASCII, fields separated by ';':
//
//   PKENROLL1;code=7KQM-2H9T-XB4D-R0WC;url=https://centre.example:8470;pin=sha256//BASE64=
//
//   PKENROLL1  format and version; a later version gets a new number and is refused here
//   code       the one-time enrollment code (protocol/enrollment_code.h), its check character right
//   url        the centre's https:// address as the terminal reaches it
//   pin        sha256//<44 base64> of the centre's server key (pishkhan-centre --print-pin)
//
// Every field exactly once, in any order; nothing else. Every character is one a USB keyboard-
// wedge scanner can type on a US layout (the kiosk's barcode driver), and no value may hold ';'.
// The parser is pure (no I/O) and refuses everything else with a QrProblem the screen turns into
// a sentence, so a receipt's tracking code or a torn label scanned by mistake is said so.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::provisioning {

inline constexpr std::string_view kEnrollQrPrefix = "PKENROLL";
inline constexpr int kEnrollQrVersion = 1;
inline constexpr size_t kEnrollQrMaxBytes = 512;  // a QR of this size still scans off a phone

struct EnrollmentQr {
  std::string code;        // canonical, grouped with dashes: "XXXX-XXXX-XXXX-XXXX"
  std::string centre_url;  // https://host[:port], no trailing slash
  std::string centre_pin;  // sha256//BASE64
};

enum class QrProblem {
  None,
  NotEnrollment,       // does not start with PKENROLL (another barcode was scanned)
  UnsupportedVersion,  // PKENROLL<n> with n other than 1
  TooLong,             // more than kEnrollQrMaxBytes
  Malformed,           // a field without '=', a control or non-ASCII character, an empty field
  UnknownField,        // a field name this version does not have
  RepeatedField,
  MissingField,
  BadCode,  // the code's check character (or length, or a character) is wrong
  BadUrl,   // not https://host...
  BadPin,   // not sha256//<44 base64 characters>
};

struct QrReading {
  QrProblem problem = QrProblem::None;
  std::string detail;  // which field and why, in English, for the log and the screen
  EnrollmentQr qr;     // filled only when problem == None
  [[nodiscard]] bool ok() const { return problem == QrProblem::None; }
};

[[nodiscard]] QrReading parse_enrollment_qr(std::string_view text);

// The QR's text for these values; an Error when one of them would not read back (so the centre
// never prints a QR the terminal refuses).
[[nodiscard]] Result<std::string> format_enrollment_qr(const EnrollmentQr& qr);

// The checks the parser (and enroll()) make of a pin and a centre URL, without the network.
[[nodiscard]] bool plausible_centre_pin(std::string_view pin);
[[nodiscard]] bool plausible_centre_url(std::string_view url);

[[nodiscard]] std::string_view to_string(QrProblem problem);

}  // namespace pk::provisioning
