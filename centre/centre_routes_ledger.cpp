// The centre's service-level routes: terminals send their ledgers (POST /v1/ledger) and anyone
// with access to the centre reads the summary across terminals (GET /v1/sla/summary).
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <ctime>
#include <fstream>
#include <iterator>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "centre/sla_summary.h"
#include "domain/catalog.h"
#include "domain/jalali.h"
#include "sync/wire.h"

namespace pk::centre {
namespace {

std::optional<int64_t> parse_number(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "3,7,12": service numbers in 1..9999, at most 1,000 of them.
std::optional<std::vector<int>> parse_services(const std::string& text) {
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

void CentreServer::add_ledger_routes() {
  m_server->Post("/v1/ledger", [this](const httplib::Request& request, httplib::Response& response) {
    auto upload = sync::parse_ledger_upload(request.body);
    if (!upload) return http::reply_error(response, 400, upload.error().message);
    // The rows are stored under the certificate's terminal; a body naming another is refused.
    const auto terminal = http::authenticated_terminal(request, response, "ledger", &upload->terminal_id);
    if (!terminal) return;
    upload->terminal_id = *terminal;
    auto stored = m_storage->store_ledger(*upload);
    if (!stored) {
      spdlog::error("centre: ledger of {}: {}", upload->terminal_id, stored.error().message);
      return http::reply_error(response, 500, "ledger not stored");
    }
    http::reply_json(response, 200, sync::to_json(*stored));
  });

  m_server->Get("/v1/sla/summary", [this](const httplib::Request& request, httplib::Response& response) {
    auto year = parse_number(request.get_param_value("year"));
    if (!year || *year < jalali::kMinYear || *year > jalali::kMaxYear)
      return http::reply_error(response, 400, "sla summary: year=<Jalali year> is required, e.g. year=1405");
    int64_t as_of = std::time(nullptr);
    if (request.has_param("as_of")) {
      auto given = parse_number(request.get_param_value("as_of"));
      if (!given || *given < 0)
        return http::reply_error(response, 400, "sla summary: as_of must be Unix seconds");
      as_of = *given;
    }
    auto ledgers = m_storage->terminal_ledgers();
    auto notices = m_storage->notices();
    if (!ledgers || !notices) {
      spdlog::error("centre: sla summary: {}", (!ledgers ? ledgers.error() : notices.error()).message);
      return http::reply_error(response, 500, "sla summary not available");
    }
    std::vector<int> services;
    if (request.has_param("services")) {
      auto listed = parse_services(request.get_param_value("services"));
      if (!listed) return http::reply_error(response, 400, "sla summary: services must be like 1,3,7");
      services = std::move(listed).value();
    } else {
      services = default_services(m_config.catalog_file, *ledgers);
    }
    const SlaSummary summary = summarise(*ledgers, *notices, services, static_cast<int>(*year), as_of);
    http::reply_json(response, 200, to_json(summary));
  });
}

}  // namespace pk::centre
