#include "centre/province_summary.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <span>

#include "domain/catalog.h"

namespace pk::centre {
namespace {

std::optional<int64_t> parse_number(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "3,7,12": service numbers in 1..9999, at most 1,000 of them.
std::optional<std::vector<int>> parse_services_text(const std::string& text) {
  std::vector<int> services;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    auto number = parse_number(text.substr(start, comma - start));
    if (!number || *number < 1 || *number > 9999 || services.size() >= 1000) return std::nullopt;
    services.push_back(static_cast<int>(*number));
    start = comma + 1;
  }
  return services;
}

// The services of the catalog the centre serves; failing that, every service any terminal's
// outages or failure reports name.
std::vector<int> default_services(const std::filesystem::path& catalog_file,
                                  std::span<const TerminalLedger> ledgers) {
  std::ifstream in(catalog_file, std::ios::binary);
  if (in) {
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto catalog = catalog::parse_catalog(text, catalog_file.string())) {
      std::vector<int> numbers;
      for (const auto& service : catalog->services) numbers.push_back(service.number);
      return numbers;
    }
  }
  std::vector<int> numbers;
  for (const TerminalLedger& ledger : ledgers) {
    for (const auto& outage : ledger.snapshot.outages)
      numbers.insert(numbers.end(), outage.services.numbers().begin(), outage.services.numbers().end());
    for (const auto& report : ledger.snapshot.failure_reports)
      if (report.service) numbers.push_back(*report.service);
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

}  // namespace

std::optional<std::vector<int>> parse_service_list(const std::string& text) {
  return parse_services_text(text);
}

Result<SlaSummary> province_summary(CentreStorage& storage, const std::filesystem::path& catalog_file,
                                    int year, int64_t as_of_unix, std::vector<int> services,
                                    const std::optional<std::vector<std::string>>& only_terminals) {
  auto ledgers = storage.terminal_ledgers();
  if (!ledgers) return ledgers.error();
  // An office's figures: only its terminals' ledgers.
  if (only_terminals)
    std::erase_if(*ledgers, [&](const TerminalLedger& l) {
      return std::find(only_terminals->begin(), only_terminals->end(), l.terminal_id) ==
             only_terminals->end();
    });
  auto notices = storage.notices();
  if (!notices) return notices.error();
  if (services.empty()) services = default_services(catalog_file, *ledgers);
  return summarise(*ledgers, *notices, services, year, as_of_unix);
}

}  // namespace pk::centre
