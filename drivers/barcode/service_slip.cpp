#include "drivers/barcode/service_slip.h"

#include <charconv>
#include <optional>

namespace pk::barcode {
namespace {

// Decimal 1..max without a sign or a leading zero; nullopt otherwise.
std::optional<int> strict_number(std::string_view text, int max) {
  if (text.empty() || text.size() > 3 || text[0] == '0') return std::nullopt;
  int value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() || value < 1 || value > max)
    return std::nullopt;
  return value;
}

}  // namespace

Result<int> parse_service_slip(std::string_view payload) {
  if (!payload.starts_with(kServiceSlipMagic)) return make_error("not a service slip (no PKSV prefix)");
  std::string_view rest = payload.substr(kServiceSlipMagic.size());
  const auto bar = rest.find('|');
  if (bar == std::string_view::npos) return make_error("service slip: no fields");
  const auto version = strict_number(rest.substr(0, bar), 999);
  if (!version) return make_error("service slip: bad version");
  if (*version != kServiceSlipVersion)
    return make_error("service slip version " + std::to_string(*version) +
                      " is not supported (this terminal reads " + std::to_string(kServiceSlipVersion) + ")");
  const auto service = strict_number(rest.substr(bar + 1), kServiceSlipMaxService);
  if (!service)
    return make_error("service slip: the service number is not 1.." + std::to_string(kServiceSlipMaxService));
  return *service;
}

Result<std::string> format_service_slip(int service_number) {
  if (service_number < 1 || service_number > kServiceSlipMaxService)
    return make_error("service slip: service " + std::to_string(service_number) + " is out of range");
  return std::string(kServiceSlipMagic) + std::to_string(kServiceSlipVersion) + "|" +
         std::to_string(service_number);
}

}  // namespace pk::barcode
