#include "protocol/enrollment_qr.h"

#include <array>
#include <optional>

#include "protocol/enrollment_code.h"

namespace pk::provisioning {
namespace {

constexpr std::string_view kPinPrefix = "sha256//";
constexpr size_t kPinBase64 = 44;  // 32 bytes of SHA-256 in base64, with its one '='

bool base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Printable ASCII (what a keyboard-wedge scanner types), without the separator.
bool value_char(char c) { return c > ' ' && c < 0x7f && c != ';'; }

bool host_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == ':' || c == '[' || c == ']';
}

QrReading refuse(QrProblem problem, std::string detail) {
  QrReading reading;
  reading.problem = problem;
  reading.detail = std::move(detail);
  return reading;
}

std::string trim_slash(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

}  // namespace

bool plausible_centre_pin(std::string_view pin) {
  if (!pin.starts_with(kPinPrefix) || pin.size() != kPinPrefix.size() + kPinBase64 || pin.back() != '=')
    return false;
  for (size_t i = kPinPrefix.size(); i + 1 < pin.size(); ++i)
    if (!base64_char(pin[i])) return false;
  return true;
}

bool plausible_centre_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (!url.starts_with(kScheme) || url.size() > kEnrollQrMaxBytes) return false;
  const std::string_view rest = url.substr(kScheme.size());
  const size_t slash = rest.find('/');
  const std::string_view host = rest.substr(0, slash);
  if (host.empty() || host.front() == ':') return false;
  for (char c : host)
    if (!host_char(c)) return false;
  for (char c : rest)
    if (!value_char(c)) return false;
  return true;
}

QrReading parse_enrollment_qr(std::string_view text) {
  // Scanners end a read with Enter (or CR LF); that is not part of the code.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (!text.starts_with(kEnrollQrPrefix))
    return refuse(QrProblem::NotEnrollment, "not an enrollment QR code (it does not start with PKENROLL)");
  if (text.size() > kEnrollQrMaxBytes)
    return refuse(QrProblem::TooLong, "the enrollment QR code is longer than " +
                                          std::to_string(kEnrollQrMaxBytes) + " characters");
  const size_t first = text.find(';');
  const std::string_view version = text.substr(kEnrollQrPrefix.size(), first - kEnrollQrPrefix.size());
  if (version != std::to_string(kEnrollQrVersion))
    return refuse(QrProblem::UnsupportedVersion,
                  "enrollment QR code of another format (PKENROLL" + std::string(version).substr(0, 8) +
                      "); this terminal reads PKENROLL" + std::to_string(kEnrollQrVersion));
  if (first == std::string_view::npos) return refuse(QrProblem::MissingField, "no fields after PKENROLL1");

  std::array<std::optional<std::string>, 3> values;  // code, url, pin
  constexpr std::array<std::string_view, 3> kNames = {"code", "url", "pin"};
  std::string_view rest = text.substr(first + 1);
  for (;;) {
    const size_t end = rest.find(';');
    const std::string_view field = rest.substr(0, end);
    const size_t equals = field.find('=');
    if (field.empty() || equals == std::string_view::npos || equals == 0 || equals + 1 == field.size())
      return refuse(QrProblem::Malformed, "a field of the enrollment QR code is not name=value");
    const std::string_view name = field.substr(0, equals);
    const std::string_view value = field.substr(equals + 1);
    for (char c : field)
      if (!value_char(c))
        return refuse(QrProblem::Malformed,
                      "the enrollment QR code holds a character it may not (a space, a "
                      "control character or a non-ASCII one)");
    size_t slot = kNames.size();
    for (size_t i = 0; i < kNames.size(); ++i)
      if (kNames[i] == name) slot = i;
    if (slot == kNames.size())
      return refuse(QrProblem::UnknownField,
                    "the enrollment QR code has a field this terminal does not know: " +
                        std::string(name.substr(0, 16)));
    if (values[slot])
      return refuse(QrProblem::RepeatedField, "the enrollment QR code gives " + std::string(name) + " twice");
    values[slot] = std::string(value);
    if (end == std::string_view::npos) break;
    rest = rest.substr(end + 1);
  }
  for (size_t i = 0; i < kNames.size(); ++i)
    if (!values[i])
      return refuse(QrProblem::MissingField, "the enrollment QR code has no " + std::string(kNames[i]));

  QrReading reading;
  auto code = enroll::normalise_enrollment_code(*values[0]);
  if (!code) return refuse(QrProblem::BadCode, "in the QR code: " + code.error().message);
  reading.qr.code = enroll::format_enrollment_code(*code);
  if (!plausible_centre_url(*values[1]))
    return refuse(QrProblem::BadUrl, "the centre address in the QR code is not https://host[:port]");
  reading.qr.centre_url = trim_slash(*values[1]);
  if (!plausible_centre_pin(*values[2]))
    return refuse(QrProblem::BadPin,
                  "the centre pin in the QR code is not sha256// and 44 base64 characters");
  reading.qr.centre_pin = *values[2];
  return reading;
}

Result<std::string> format_enrollment_qr(const EnrollmentQr& qr) {
  auto code = enroll::normalise_enrollment_code(qr.code);
  if (!code) return code.error();
  if (!plausible_centre_url(qr.centre_url))
    return make_error("the centre URL " + qr.centre_url +
                      " cannot go into an enrollment QR code (https://host[:port], no spaces or ';')");
  if (!plausible_centre_pin(qr.centre_pin)) return make_error("the centre pin is not sha256//<44 base64>");
  std::string text = std::string(kEnrollQrPrefix) + std::to_string(kEnrollQrVersion) +
                     ";code=" + enroll::format_enrollment_code(*code) + ";url=" + trim_slash(qr.centre_url) +
                     ";pin=" + qr.centre_pin;
  // What the terminal will read must be what was meant: checked here, once, not hoped.
  const QrReading back = parse_enrollment_qr(text);
  if (!back.ok()) return make_error("enrollment QR code does not read back: " + back.detail);
  return text;
}

std::string_view to_string(QrProblem problem) {
  switch (problem) {
    case QrProblem::None:
      return "none";
    case QrProblem::NotEnrollment:
      return "not an enrollment code";
    case QrProblem::UnsupportedVersion:
      return "unsupported version";
    case QrProblem::TooLong:
      return "too long";
    case QrProblem::Malformed:
      return "malformed";
    case QrProblem::UnknownField:
      return "unknown field";
    case QrProblem::RepeatedField:
      return "repeated field";
    case QrProblem::MissingField:
      return "missing field";
    case QrProblem::BadCode:
      return "bad code";
    case QrProblem::BadUrl:
      return "bad url";
    case QrProblem::BadPin:
      return "bad pin";
  }
  return "unknown";
}

}  // namespace pk::provisioning
