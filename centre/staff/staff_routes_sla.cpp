// Service levels for the inspection office and the offices: the province's (or one office's)
// figures per service, per agreement month and for the year (the same figures as
// `pishkhan-centre --sla-summary`), the outages on a time line, and a CSV of the same numbers.
#include <httplib.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "centre/centre_http.h"
#include "centre/province_summary.h"
#include "centre/request_reading.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "domain/jalali.h"
#include "domain/sla_period.h"
#include "domain/sla_planned.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

std::string csv_number(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(6);
  out << *value;
  return out.str();
}

// A text cell: quoted, its quotes doubled, and a leading = + - @ defused, so a spreadsheet
// opening the file takes an office's name for text, never for a formula.
std::string csv_text(const std::string& text) {
  std::string cell = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    cell += '\'';
  for (const char c : text) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
  return cell + "\"";
}

// What may go into a download's file name: letters, digits, '-' and '_' of the office's id.
std::string file_name_part(const std::string& text) {
  std::string part;
  for (const char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
      part += c;
  return part.empty() ? "office" : part;
}

// Hours are real hours (an outage hour is an hour); availability is over agreement_hours (720 h
// a month, 8,640 h a year, per terminal counted); `state` says whether the period may be
// judged at all: only "complete" can be met.
void csv_row(std::ostringstream& out, const std::string& office, int service, const std::string& period,
             const SummaryFigures& f) {
  out << csv_text(office) << ',' << service << ',' << period << ',' << csv_number(f.known_hours) << ','
      << csv_number(f.planned_hours) << ',' << csv_number(f.unplanned_hours) << ','
      << csv_number(f.unknown_hours) << ',' << csv_number(f.agreement_hours) << ','
      << csv_number(f.availability) << ',' << csv_number(f.agreement_availability) << ','
      << sla::to_string(f.state) << ',' << f.outages << ',' << f.failure_reports << ','
      << f.suspect_clock_terminals << "\r\n";
}

}  // namespace

void StaffConsole::add_sla_routes(httplib::Server& server) {
  // The summary a request asks for, scoped to what the caller may see.
  struct Scope {
    std::string office;  // empty: the province
    std::optional<std::vector<std::string>> terminals;
  };
  const auto figures = [this](const httplib::Request& request,
                              httplib::Response& response) -> std::optional<std::pair<Scope, SlaSummary>> {
    auto who = caller_in(request, response, Access::Read, {StaffRole::Inspector, StaffRole::OfficeManager});
    if (!who) return std::nullopt;
    const int64_t now = std::time(nullptr);
    int year = jalali::from_unix(now).year;  // from_unix is in Iran time already
    if (const std::string text = request.get_param_value("year"); !text.empty()) {
      const std::optional<int> asked = jalali_year_param(text);
      if (!asked) {
        reply_refusal(response, 400, "year", "the year is a Jalali year, e.g. 1405");
        return std::nullopt;
      }
      year = *asked;
    }
    Scope scope;
    scope.office = who->account.role == StaffRole::OfficeManager ? who->account.office
                                                                 : request.get_param_value("office");
    if (!scope.office.empty()) {
      auto ids = terminals_of(scope.office);
      if (!ids) {
        http::reply_error(response, 503, "the fleet's records cannot be read");
        return std::nullopt;
      }
      scope.terminals = std::move(ids).value();
    }
    auto summary =
        province_summary(m_context.storage, m_context.served_catalog_file(), year, now, {}, scope.terminals);
    if (!summary) {
      http::reply_error(response, 503, summary.error().message);
      return std::nullopt;
    }
    return std::pair{std::move(scope), std::move(summary).value()};
  };

  server.Get("/v1/staff/sla", [this, figures](const httplib::Request& request, httplib::Response& response) {
    auto result = figures(request, response);
    if (!result) return;
    const auto& [scope, summary] = *result;
    json out = json::parse(to_json(summary));
    out["office"] = scope.office;
    out["hours_per_month"] = sla::kAgreementHoursPerMonth;
    out["hours_per_year"] = sla::kAgreementHoursPerYear;
    // The outages of the year on a time line, each marked planned when a notice announced it in time.
    auto ledgers = m_context.storage.terminal_ledgers();
    auto notices = m_context.storage.notices();
    if (!ledgers || !notices) return http::reply_error(response, 503, "the ledgers cannot be read");
    const sla::Interval year_span = sla::year_span(summary.year);
    json outages = json::array();
    json suspect = json::array();
    for (const TerminalLedger& ledger : *ledgers) {
      if (scope.terminals && std::find(scope.terminals->begin(), scope.terminals->end(),
                                       ledger.terminal_id) == scope.terminals->end())
        continue;
      if (ledger.suspect_clock_outages > 0) suspect.push_back(ledger.terminal_id);
      for (const sla::Outage& o : ledger.snapshot.outages) {
        const int64_t end = o.end_unix.value_or(summary.as_of_unix);
        if (end <= year_span.start || o.start_unix >= year_span.end) continue;
        const bool planned = std::any_of(notices->begin(), notices->end(), [&](const sync::OutageNotice& n) {
          return n.starts_unix <= o.start_unix && n.ends_unix > o.start_unix &&
                 (n.services.is_all() || o.services.is_all() ||
                  std::any_of(o.services.numbers().begin(), o.services.numbers().end(),
                              [&](int s) { return n.services.covers(s); })) &&
                 sla::announced_in_time(n, o.start_unix);
        });
        outages.push_back({{"terminal_id", ledger.terminal_id},
                           {"start_unix", o.start_unix},
                           {"end_unix", o.end_unix ? json(*o.end_unix) : json(nullptr)},
                           {"cause", sla::to_string(o.cause)},
                           {"services", o.services.to_text()},
                           {"planned", planned}});
      }
    }
    out["outages"] = outages;
    out["suspect_clock_terminal_ids"] = suspect;
    http::reply_json(response, 200, out.dump());
  });

  server.Get("/v1/staff/sla.csv", [figures](const httplib::Request& request, httplib::Response& response) {
    auto result = figures(request, response);
    if (!result) return;
    const auto& [scope, summary] = *result;
    std::ostringstream out;
    out << "office,service,period,known_hours,planned_hours,unplanned_hours,unknown_hours,agreement_hours,"
           "availability,agreement_availability,state,outages,failure_reports,suspect_clock_terminals\r\n";
    const std::string office = scope.office.empty() ? "province" : scope.office;
    for (const ServiceSummary& service : summary.services) {
      for (size_t m = 0; m < service.months.size(); ++m)
        csv_row(out, office, service.service,
                std::to_string(summary.year) + "-" + (m < 9 ? "0" : "") + std::to_string(m + 1),
                service.months[m]);
      csv_row(out, office, service.service, std::to_string(summary.year), service.year);
    }
    response.set_header("Content-Disposition", "attachment; filename=\"sla-" + std::to_string(summary.year) +
                                                   "-" + file_name_part(office) + ".csv\"");
    response.set_content(out.str(), "text/csv; charset=utf-8");
  });
}

}  // namespace pk::centre
