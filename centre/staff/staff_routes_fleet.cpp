// The fleet: every terminal with its office, enrollment, last heartbeat, outbox and outages;
// enrollment codes (with the QR code a technician scans on the kiosk), revocation, and the
// diagnostics bundles terminals sent.
#include <httplib.h>

#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/staff/qr_svg.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_qr.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

bool valid_name(const std::string& text) {
  return !text.empty() && text.size() <= 64 && std::none_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\';
  });
}

}  // namespace

void StaffConsole::add_fleet_routes(httplib::Server& server) {
  server.Get("/v1/staff/terminals", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Read,
                         {StaffRole::TechnicianLead, StaffRole::Inspector, StaffRole::OfficeManager});
    if (!who) return;
    auto terminals = m_context.enrollment.terminals();
    auto beats = m_context.storage.heartbeats();
    auto ledgers = m_context.storage.terminal_ledgers();
    if (!terminals || !beats || !ledgers)
      return http::reply_error(response, 503, "the fleet's records cannot be read");
    std::map<std::string, const HeartbeatRecord*> beat_of;
    for (const HeartbeatRecord& b : *beats) beat_of[b.terminal_id] = &b;
    std::map<std::string, const TerminalLedger*> ledger_of;
    for (const TerminalLedger& l : *ledgers) ledger_of[l.terminal_id] = &l;
    json list = json::array();
    for (const TerminalRecord& t : *terminals) {
      if (who->account.role == StaffRole::OfficeManager && t.office != who->account.office) continue;
      json row{{"terminal_id", t.terminal_id},
               {"office", t.office},
               {"number", t.terminal_number},
               {"state", t.state == CertificateState::Revoked ? "revoked" : "active"},
               {"enrolled_unix", t.enrolled_unix},
               {"certificate_expires_unix", t.certificate_expires_unix},
               {"last_heartbeat_unix", nullptr},
               {"pending_outbox", nullptr},
               {"software", nullptr},
               {"open_outages", 0},
               {"clock_suspect", false}};
      if (const auto it = beat_of.find(t.terminal_id); it != beat_of.end()) {
        row["last_heartbeat_unix"] = it->second->last_seen_unix;
        row["pending_outbox"] = it->second->pending_outbox;
        if (!it->second->software.empty()) row["software"] = it->second->software;
      }
      if (const auto it = ledger_of.find(t.terminal_id); it != ledger_of.end()) {
        int open = 0;
        for (const sla::Outage& o : it->second->snapshot.outages)
          open += o.end == sla::OutageEnd::Open ? 1 : 0;
        row["open_outages"] = open;
        row["clock_suspect"] = it->second->suspect_clock_outages > 0;
      }
      list.push_back(std::move(row));
    }
    http::reply_json(response, 200, json{{"terminals", list}}.dump());
  });

  server.Post("/v1/staff/enrollment-codes", [this](const httplib::Request& request,
                                                   httplib::Response& response) {
    auto who = caller_in(request, response, Access::Change, {StaffRole::TechnicianLead});
    if (!who) return;
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    const std::string office = body.text("office");
    const std::string terminal_id = body.text("terminal_id");
    if (body.refused(response)) return;
    json errors = json::array();
    if (!valid_name(office))
      errors.push_back({{"field", "office"}, {"error", "1 to 64 characters, no slashes"}});
    if (!valid_name(terminal_id))
      errors.push_back({{"field", "terminal_id"}, {"error", "1 to 64 characters, no slashes"}});
    if (!errors.empty()) return http::reply_json(response, 422, json{{"errors", errors}}.dump());
    const int64_t now = std::time(nullptr);
    auto issued = m_context.enrollment.issue_code(office, terminal_id, now, 24 * 3600);
    if (!issued)
      return http::reply_json(
          response, 422,
          json{{"errors", json::array({{{"field", "terminal_id"}, {"error", issued.error().message}}})}}
              .dump());
    // The address the technician's browser reached the centre by is the one terminals reach.
    const std::string centre_url = "https://" + request.get_header_value("Host");
    const std::string pin = m_context.ca.server_pin();
    auto qr_text =
        provisioning::format_enrollment_qr({enroll::format_enrollment_code(issued->code), centre_url, pin});
    auto svg = qr_text ? qr_svg(*qr_text) : Result<std::string>(qr_text.error());
    audit(who->account.username, "issue_enrollment_code", terminal_id, json{{"office", office}}.dump());
    http::reply_json(response, 201,
                     json{{"code", issued->code},
                          {"display", enroll::format_enrollment_code(issued->code)},
                          {"expires_unix", issued->expires_unix},
                          {"pin", pin},
                          {"centre_url", centre_url},
                          {"qr_svg", svg ? *svg : ""}}
                         .dump());
  });

  server.Post(R"(/v1/staff/terminals/([^/]{1,64})/revoke)", [this](const httplib::Request& request,
                                                                   httplib::Response& response) {
    auto who = caller_in(request, response, Access::Change, {StaffRole::TechnicianLead});
    if (!who) return;
    const std::string terminal_id = request.matches[1];
    auto revoked = m_context.enrollment.revoke_terminal(terminal_id, std::time(nullptr));
    if (!revoked) return reply_refusal(response, 404, "no_terminal", revoked.error().message);
    audit(who->account.username, "revoke_terminal", terminal_id, json{{"certificates", *revoked}}.dump());
    http::reply_json(response, 200, json{{"certificates_revoked", *revoked}}.dump());
  });

  server.Get("/v1/staff/diagnostics", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Read, {StaffRole::TechnicianLead});
    if (!who) return;
    auto bundles = m_context.diagnostics.list();
    if (!bundles) return http::reply_error(response, 503, "the diagnostics bundles cannot be read");
    json list = json::array();
    for (const DiagnosticsReceipt& b : *bundles)
      list.push_back({{"receipt_id", b.receipt_id},
                      {"terminal_id", b.terminal_id},
                      {"bytes", b.bytes},
                      {"received_unix", b.received_unix},
                      {"sha256", b.sha256_hex}});
    http::reply_json(response, 200, json{{"bundles", list}}.dump());
  });

  server.Get(R"(/v1/staff/diagnostics/(DG-\d{6,}))",
             [this](const httplib::Request& request, httplib::Response& response) {
               auto who = caller_in(request, response, Access::Read, {StaffRole::TechnicianLead});
               if (!who) return;
               const std::string receipt = request.matches[1];
               auto bundle = m_context.diagnostics.read(receipt);
               if (!bundle) return reply_refusal(response, 404, "no_bundle", bundle.error().message);
               audit(who->account.username, "download_diagnostics", receipt);
               response.set_header("Content-Disposition", "attachment; filename=\"" + receipt + ".tar\"");
               response.set_content(*bundle, "application/x-tar");
             });
}

}  // namespace pk::centre
