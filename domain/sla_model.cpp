#include "domain/sla_model.h"

#include <algorithm>
#include <charconv>

namespace pk::sla {

std::string_view to_string(OutageCause cause) {
  switch (cause) {
    case OutageCause::CentreUnreachable:
      return "centre_unreachable";
    case OutageCause::PrinterDown:
      return "printer_down";
    case OutageCause::ScannerDown:
      return "scanner_down";
    case OutageCause::KioskNotServing:
      return "kiosk_not_serving";
  }
  return "centre_unreachable";
}

std::optional<OutageCause> outage_cause_from(std::string_view name) {
  for (OutageCause cause : {OutageCause::CentreUnreachable, OutageCause::PrinterDown,
                            OutageCause::ScannerDown, OutageCause::KioskNotServing}) {
    if (to_string(cause) == name) return cause;
  }
  return std::nullopt;
}

ServiceScope ServiceScope::all() {
  ServiceScope scope;
  scope.m_kind = Kind::All;
  return scope;
}

ServiceScope ServiceScope::only(std::vector<int> numbers) {
  std::erase_if(numbers, [](int n) { return n < 1; });
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  ServiceScope scope;
  scope.m_numbers = std::move(numbers);
  return scope;
}

std::optional<ServiceScope> ServiceScope::from_text(std::string_view text) {
  if (text == "all") return all();
  std::vector<int> numbers;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    int value = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (ec != std::errc{} || end != item.data() + item.size() || value < 1) return std::nullopt;
    numbers.push_back(value);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;  // a trailing comma
  }
  return only(std::move(numbers));
}

std::string ServiceScope::to_text() const {
  if (is_all()) return "all";
  std::string text;
  for (int n : m_numbers) {
    if (!text.empty()) text += ',';
    text += std::to_string(n);
  }
  return text;
}

bool ServiceScope::covers(int service) const {
  return is_all() || std::binary_search(m_numbers.begin(), m_numbers.end(), service);
}

Interval effective_interval(const Outage& outage, int64_t as_of_unix) {
  int64_t end = as_of_unix;
  if (outage.monotonic_duration_ms) {
    end = outage.start_unix + *outage.monotonic_duration_ms / 1000;
  } else if (outage.end_unix) {
    end = *outage.end_unix;
  }
  return Interval{outage.start_unix, std::max(outage.start_unix, end)};
}

}  // namespace pk::sla
