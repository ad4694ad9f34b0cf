// Applications and failure reports (رسید خرابی) as an office sees them: the queue, one case
// with the citizen's data and pages (unsealed here, for the roles that may, every look
// audited), and the office manager's decision, which the terminal's status check then shows.
#include <httplib.h>

#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/request_reading.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

json case_json(const CaseSummary& c, const std::map<std::string, std::string>& office_of) {
  json out{{"tracking_code", c.tracking_code},
           {"terminal_id", c.terminal_id},
           {"office", office_of.contains(c.terminal_id) ? office_of.at(c.terminal_id) : ""},
           {"kind", c.kind},
           {"service", c.service_number ? json(*c.service_number) : json(nullptr)},
           {"channel", c.channel},
           {"created_at_unix", c.created_at_unix},
           {"status", sync::to_string(c.status)},
           {"pages", c.pages},
           {"pages_complete", c.pages_complete},
           {"decision", nullptr}};
  if (c.decision)
    out["decision"] = {{"note", c.decision->note},
                       {"credit", c.decision->credit},
                       {"decided_unix", c.decision->decided_unix},
                       {"decided_by", c.decided_by}};
  return out;
}

bool is_tracking_code(const std::string& text) {
  return text.size() == 14 && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void StaffConsole::add_case_routes(httplib::Server& server) {
  // Who may look at cases: the inspector (every office, read) and an office manager (its own).
  const auto case_reader = [this](const httplib::Request& request, httplib::Response& response,
                                  Access access) {
    return caller_in(request, response, access,
                     access == Access::Read
                         ? std::initializer_list<StaffRole>{StaffRole::Inspector, StaffRole::OfficeManager}
                         : std::initializer_list<StaffRole>{StaffRole::OfficeManager});
  };
  // The terminals' offices, for the reply and for an office manager's scope.
  const auto offices = [this]() -> Result<std::map<std::string, std::string>> {
    auto terminals = m_context.enrollment.terminals();
    if (!terminals) return terminals.error();
    std::map<std::string, std::string> office_of;
    for (const TerminalRecord& t : *terminals) office_of[t.terminal_id] = t.office;
    return office_of;
  };
  // The case, when the caller may see it; otherwise the reply (404 for another office's).
  const auto visible_case = [this, offices](const Caller& who, const std::string& code,
                                            httplib::Response& response) -> std::optional<CaseDetail> {
    if (!is_tracking_code(code)) {
      reply_refusal(response, 404, "no_case", "no such case");
      return std::nullopt;
    }
    auto found = m_context.storage.find_case(code);
    auto office_of = offices();
    if (!found || !office_of) {
      http::reply_error(response, 503, "the records cannot be read");
      return std::nullopt;
    }
    const bool other_office = *found && who.account.role == StaffRole::OfficeManager &&
                              (*office_of)[(*found)->summary.terminal_id] != who.account.office;
    if (!*found || other_office) {
      reply_refusal(response, 404, "no_case", "no such case");
      return std::nullopt;
    }
    return std::move(found).value();
  };

  server.Get("/v1/staff/cases", [this, case_reader, offices](const httplib::Request& request,
                                                             httplib::Response& response) {
    auto who = case_reader(request, response, Access::Read);
    if (!who) return;
    auto office_of = offices();
    if (!office_of) return http::reply_error(response, 503, "the fleet's records cannot be read");
    CaseFilter filter;
    filter.kind = request.get_param_value("kind");
    if (!filter.kind.empty() && filter.kind != "application" && filter.kind != "failure_report")
      return http::reply_error(response, 400, "kind is application or failure_report");
    // An office manager sees its own office; the inspector any one office, or all.
    std::string office = who->account.role == StaffRole::OfficeManager ? who->account.office
                                                                       : request.get_param_value("office");
    if (!office.empty()) {
      std::vector<std::string> ids;
      for (const auto& [terminal, its_office] : *office_of)
        if (its_office == office) ids.push_back(terminal);
      filter.terminal_ids = std::move(ids);
    }
    if (const std::string service = request.get_param_value("service"); !service.empty()) {
      const std::optional<int64_t> number = integer_param(service);
      if (!number) return http::reply_error(response, 400, "service is a number");
      filter.service_number = *number;
    }
    if (const std::string status = request.get_param_value("status"); !status.empty()) {
      filter.status = sync::centre_status_from(status);
      if (!filter.status) return http::reply_error(response, 400, "no status " + status);
    }
    auto cases = m_context.storage.list_cases(filter);
    if (!cases) return http::reply_error(response, 503, cases.error().message);
    json list = json::array();
    for (const CaseSummary& c : *cases) list.push_back(case_json(c, *office_of));
    http::reply_json(response, 200, json{{"cases", list}}.dump());
  });

  server.Get(R"(/v1/staff/cases/([^/]+))", [this, case_reader, offices, visible_case](
                                               const httplib::Request& request, httplib::Response& response) {
    auto who = case_reader(request, response, Access::Read);
    if (!who) return;
    auto detail = visible_case(*who, request.matches[1], response);
    if (!detail) return;
    auto office_of = offices();
    if (!office_of) return http::reply_error(response, 503, "the fleet's records cannot be read");
    json out = case_json(detail->summary, *office_of);
    json pages = json::array();
    for (const sync::PageManifest& page : detail->submission.pages)
      pages.push_back({{"doc_kind", page.doc_kind}, {"page_no", page.page_no}, {"mime", page.mime}});
    out["page_list"] = pages;
    // The citizen's data, opened only for this reply, and the look written down.
    out["personal"] = nullptr;
    if (!detail->submission.sealed_personal_base64.empty()) {
      auto sealed = sync::from_base64(detail->submission.sealed_personal_base64);
      auto clear =
          sealed ? store::open_sealed(*sealed, m_context.sealing) : Result<store::ClearBytes>(sealed.error());
      if (!clear) {
        out["personal_error"] = "the personal data cannot be opened with this centre's key";
      } else {
        const std::string_view text(reinterpret_cast<const char*>(clear->bytes().data()), clear->size());
        out["personal"] = json::parse(text, nullptr, false);
        if (out["personal"].is_discarded()) out["personal"] = nullptr;
      }
    }
    audit(who->account.username, "view_personal", detail->summary.tracking_code);
    response.set_header("Cache-Control", "no-store");
    http::reply_json(response, 200, out.dump());
  });

  server.Get(R"(/v1/staff/cases/([^/]+)/pages/(\d{1,3}))", [this, case_reader, visible_case](
                                                               const httplib::Request& request,
                                                               httplib::Response& response) {
    auto who = case_reader(request, response, Access::Read);
    if (!who) return;
    auto detail = visible_case(*who, request.matches[1], response);
    if (!detail) return;
    const size_t index = std::stoul(request.matches[2]);
    if (index >= detail->page_upload_ids.size() || index >= detail->submission.pages.size())
      return reply_refusal(response, 404, "no_page", "no such page");
    auto sealed = m_context.storage.read_upload(detail->page_upload_ids[index]);
    if (!sealed) return http::reply_error(response, 503, sealed.error().message);
    if (sealed->empty()) return reply_refusal(response, 409, "page_missing", "this page has not arrived yet");
    auto clear = store::open_sealed(*sealed, m_context.sealing);
    if (!clear)
      return reply_refusal(response, 422, "page_sealed", "this page cannot be opened with this centre's key");
    audit(who->account.username, "view_page", detail->summary.tracking_code, json{{"page", index}}.dump());
    const std::string& mime = detail->submission.pages[index].mime;
    response.set_header("Cache-Control", "no-store");
    response.set_content(reinterpret_cast<const char*>(clear->bytes().data()), clear->size(),
                         mime == "image/png" ? "image/png" : "image/jpeg");
  });

  server.Post(
      R"(/v1/staff/cases/([^/]+)/decision)",
      [this, case_reader, visible_case](const httplib::Request& request, httplib::Response& response) {
        auto who = case_reader(request, response, Access::Change);
        if (!who) return;
        auto detail = visible_case(*who, request.matches[1], response);
        if (!detail) return;
        const StaffRequestBody body(request.body);
        if (body.refused(response)) return;
        CaseDecisionRequest decision;
        const std::string status_text = body.text("status");
        decision.decision.note = body.text("note");
        decision.decision.credit = body.text("credit");
        if (body.refused(response)) return;
        const auto status = sync::centre_status_from(status_text);
        if (!status) return reply_refusal(response, 422, "status", "no such status");
        decision.status = *status;
        decision.decided_by = who->account.username;
        const int64_t now = std::time(nullptr);
        decision.decision.decided_unix = now;
        if (auto decided = m_context.storage.decide(detail->summary.tracking_code, decision, now); !decided)
          return reply_refusal(response, 422, "decision", decided.error().message);
        audit(who->account.username, "decide", detail->summary.tracking_code,
              json{{"status", sync::to_string(decision.status)},
                   {"note", decision.decision.note},
                   {"credit", decision.decision.credit}}
                  .dump());
        http::reply_json(response, 200, json{{"status", sync::to_string(decision.status)}}.dump());
      });
}

}  // namespace pk::centre
