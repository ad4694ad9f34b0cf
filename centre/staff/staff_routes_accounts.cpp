// Staff accounts (the administrator's), the audit log and the offices a caller may see.
#include <httplib.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

#include "centre/centre_http.h"
#include "centre/request_reading.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

bool valid_username(const std::string& name) {
  if (name.size() < 3 || name.size() > 32) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

bool valid_label(const std::string& text, size_t max_bytes) {
  if (text.size() > max_bytes) return false;
  return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

}  // namespace

void StaffConsole::add_account_routes(httplib::Server& server) {
  server.Get("/v1/staff/accounts", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Read, {StaffRole::Administrator});
    if (!who) return;
    auto accounts = m_context.staff.accounts();
    if (!accounts) return http::reply_error(response, 503, "the staff records cannot be read");
    json list = json::array();
    for (const StaffAccount& account : *accounts) list.push_back(json::parse(account_json(account)));
    http::reply_json(response, 200, json{{"accounts", list}}.dump());
  });

  server.Post("/v1/staff/accounts", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Change, {StaffRole::Administrator});
    if (!who) return;
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    StaffAccount account;
    account.username = body.text("username");
    account.display_name = body.text("display_name");
    account.office = body.text("office");
    const auto role = staff_role_from(body.text("role"));
    if (body.refused(response)) return;
    json errors = json::array();
    if (!valid_username(account.username))
      errors.push_back({{"field", "username"}, {"error", "3 to 32 of a-z, 0-9, '.', '_' and '-'"}});
    if (account.display_name.empty() || !valid_label(account.display_name, 200))
      errors.push_back({{"field", "display_name"}, {"error", "a name of up to 200 bytes"}});
    if (!role) errors.push_back({{"field", "role"}, {"error", "one of the four roles"}});
    if (role == StaffRole::OfficeManager && (account.office.empty() || !valid_label(account.office, 64)))
      errors.push_back(
          {{"field", "office"}, {"error", "an office manager needs the office (up to 64 bytes)"}});
    if (!errors.empty()) return http::reply_json(response, 422, json{{"errors", errors}}.dump());
    account.role = *role;
    if (account.role != StaffRole::OfficeManager) account.office.clear();
    account.created_unix = std::time(nullptr);
    auto existing = m_context.staff.find_account(account.username);
    if (!existing) return http::reply_error(response, 503, "the staff records cannot be read");
    if (*existing)
      return http::reply_json(
          response, 422,
          json{{"errors", json::array({{{"field", "username"}, {"error", "this username is taken"}}})}}
              .dump());
    auto link = make_setup_link(m_context.staff, account, account.created_unix);
    if (!link) return http::reply_error(response, 503, link.error().message);
    audit(who->account.username, "create_account", account.username,
          json{{"role", to_string(account.role)}, {"office", account.office}}.dump());
    http::reply_json(response, 201, json{{"setup_link", link->path}}.dump());
  });

  server.Post(R"(/v1/staff/accounts/([a-z0-9._-]{3,32})/(reset|disable))",
              [this](const httplib::Request& request, httplib::Response& response) {
                auto who = caller_in(request, response, Access::Change, {StaffRole::Administrator});
                if (!who) return;
                const std::string username = request.matches[1];
                const std::string action = request.matches[2];
                auto found = m_context.staff.find_account(username);
                if (!found) return http::reply_error(response, 503, "the staff records cannot be read");
                if (!*found) return reply_refusal(response, 404, "no_account", "no account " + username);
                if (username == who->account.username && action == "disable")
                  return reply_refusal(response, 409, "self", "you cannot disable your own account");
                if (action == "reset") {
                  auto link = make_setup_link(m_context.staff, **found, std::time(nullptr));
                  if (!link) return http::reply_error(response, 503, link.error().message);
                  audit(who->account.username, "reset_account", username);
                  return http::reply_json(response, 200, json{{"setup_link", link->path}}.dump());
                }
                StaffAccount account = **found;
                account.state = AccountState::Disabled;
                if (auto updated = m_context.staff.update_account(account); !updated)
                  return http::reply_error(response, 503, "the staff records cannot be written");
                (void)m_context.staff.remove_sessions_of(username);
                audit(who->account.username, "disable_account", username);
                http::reply_json(response, 200, account_json(account));
              });

  server.Get("/v1/staff/audit", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Read, {StaffRole::Inspector, StaffRole::Administrator});
    if (!who) return;
    const auto number = [&](const char* key, int64_t fallback) -> int64_t {
      const std::string text = request.get_param_value(key);
      return text.empty() ? fallback : integer_param(text).value_or(fallback);
    };
    const int limit = static_cast<int>(std::clamp<int64_t>(number("limit", 100), 1, 500));
    auto entries = m_context.staff.audit(std::max<int64_t>(0, number("before", 0)), limit);
    if (!entries) return http::reply_error(response, 503, "the audit log cannot be read");
    json list = json::array();
    for (const AuditEntry& e : *entries) {
      json detail = json::parse(e.detail, nullptr, false);
      list.push_back({{"id", e.id},
                      {"at_unix", e.at_unix},
                      {"actor", e.actor},
                      {"action", e.action},
                      {"subject", e.subject},
                      {"detail", detail.is_discarded() ? json(e.detail) : detail}});
    }
    http::reply_json(response, 200, json{{"entries", list}}.dump());
  });

  server.Get("/v1/staff/offices", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller(request, response, Access::Read);
    if (!who) return;
    std::set<std::string> offices;
    if (who->account.role == StaffRole::OfficeManager) {
      offices.insert(who->account.office);
    } else {
      auto terminals = m_context.enrollment.terminals();
      if (!terminals) return http::reply_error(response, 503, "the fleet's records cannot be read");
      for (const TerminalRecord& t : *terminals) offices.insert(t.office);
    }
    http::reply_json(response, 200, json{{"offices", offices}}.dump());
  });
}

}  // namespace pk::centre
