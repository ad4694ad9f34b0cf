// The back office's sessions, its static files and its audit helper (the routes are in
// staff_routes_*.cpp).
#include "centre/staff/staff_console.h"

#include <httplib.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/staff/staff_http.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

// What a browser is told about every console reply: scripts and styles only from the centre
// itself, never framed, no referrer leaking a set-up link, no guessing of content types.
void secure_headers(httplib::Response& response) {
  response.set_header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; frame-ancestors 'none'; "
      "form-action 'self'; base-uri 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
}

std::string_view content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  return {};
}

// A path under /console/ that names a file of the console: plain names, no way up.
bool plain_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find("..") != std::string_view::npos) return false;
  for (const char c : path)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
          c == '.' || c == '-' || c == '_'))
      return false;
  return true;
}

}  // namespace

std::string staff_token() {
  std::array<uint8_t, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return sync::to_hex(bytes);
}

std::string token_hash(std::string_view token) { return sync::to_hex(sync::sha256(token)); }

std::string cookie_value(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t end = rest.find(';');
    std::string_view part = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.starts_with(name) && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
  }
  return {};
}

void reply_refusal(httplib::Response& response, int status, std::string_view reason,
                   const std::string& message) {
  response.status = status;
  response.set_content(json{{"error", message}, {"reason", reason}}.dump(), "application/json");
}

std::string account_json(const StaffAccount& account) {
  return json{{"username", account.username},        {"display_name", account.display_name},
              {"role", to_string(account.role)},     {"office", account.office},
              {"state", to_string(account.state)},   {"locked_until_unix", account.locked_until_unix},
              {"created_unix", account.created_unix}}
      .dump();
}

Result<SetupLink> make_setup_link(StaffStore& staff, const StaffAccount& account, int64_t now_unix) {
  const std::string token = staff_token();
  auto existing = staff.find_account(account.username);
  if (!existing) return existing.error();
  SetupLink link{"/console/#/setup/" + token, !existing->has_value()};
  if (!existing->has_value()) {
    if (auto created = staff.create_account(account, token_hash(token), now_unix + kSetupLinkSeconds);
        !created)
      return created.error();
    return link;
  }
  // A fresh link for an existing account: its holder sets a new password and TOTP app, so the
  // account waits for that, and whoever held the old ones is signed out.
  StaffAccount reset = **existing;
  reset.state = AccountState::AwaitingSetUp;
  reset.failed_logins = 0;
  reset.locked_until_unix = 0;
  if (auto updated = staff.update_account(reset); !updated) return updated.error();
  if (auto ended = staff.remove_sessions_of(reset.username); !ended) return ended.error();
  if (auto replaced =
          staff.replace_setup_token(reset.username, token_hash(token), now_unix + kSetupLinkSeconds);
      !replaced)
    return replaced.error();
  return link;
}

void StaffConsole::add_routes(httplib::Server& server) {
  add_file_routes(server);
  add_session_routes(server);
  add_account_routes(server);
  add_case_routes(server);
  add_notice_routes(server);
  add_fleet_routes(server);
  add_sla_routes(server);
  add_catalog_routes(server);
}

void StaffConsole::audit(const std::string& actor, std::string action, std::string subject,
                         std::string detail) {
  AuditEntry entry{0, std::time(nullptr), actor, std::move(action), std::move(subject), std::move(detail)};
  if (auto appended = m_context.staff.append_audit(entry); !appended)
    spdlog::error("back office: the audit log could not take {} by {}: {}", entry.action, actor,
                  appended.error().message);
}

std::optional<StaffConsole::Caller> StaffConsole::caller(const httplib::Request& request,
                                                         httplib::Response& response, Access access) {
  const std::string token = cookie_value(request, kSessionCookie);
  if (token.empty()) {
    reply_refusal(response, 401, "no_session", "sign in first");
    return std::nullopt;
  }
  const int64_t now = std::time(nullptr);
  const std::string hash = token_hash(token);
  auto session = m_context.staff.find_session(hash);
  if (!session) {
    http::reply_error(response, 503, "the staff records cannot be read");
    return std::nullopt;
  }
  if (!*session || now - (*session)->last_seen_unix > kSessionIdleSeconds ||
      now - (*session)->created_unix > kSessionMaxSeconds) {
    if (*session) (void)m_context.staff.remove_session(hash);
    reply_refusal(response, 401, "no_session", "the session has ended; sign in again");
    return std::nullopt;
  }
  auto account = m_context.staff.find_account((*session)->username);
  if (!account || !*account || (*account)->state != AccountState::Active) {
    (void)m_context.staff.remove_session(hash);
    reply_refusal(response, 401, "no_session", "the account is not active");
    return std::nullopt;
  }
  if (access == Access::Change) {
    // The CSRF token lives in the page's memory, never in a cookie, so another site's form or
    // script cannot send it; the Origin, when the browser gives one, must be this centre's.
    const std::string sent = request.get_header_value("X-CSRF-Token");
    const std::string& expected = (*session)->csrf_token;
    const std::string origin = request.get_header_value("Origin");
    const bool same_origin = origin.empty() || origin == "https://" + request.get_header_value("Host");
    if (sent.size() != expected.size() || sodium_memcmp(sent.data(), expected.data(), sent.size()) != 0 ||
        !same_origin) {
      audit((*account)->username, "csrf_refused", request.path);
      reply_refusal(response, 403, "csrf", "this form is stale or came from another site: reload the page");
      return std::nullopt;
    }
  }
  if (now - (*session)->last_seen_unix >= 30) (void)m_context.staff.touch_session(hash, now);
  return Caller{std::move(account->value()), std::move(session->value())};
}

std::optional<StaffConsole::Caller> StaffConsole::caller_in(const httplib::Request& request,
                                                            httplib::Response& response, Access access,
                                                            std::initializer_list<StaffRole> roles) {
  auto who = caller(request, response, access);
  if (!who) return std::nullopt;
  for (const StaffRole role : roles)
    if (who->account.role == role) return who;
  reply_refusal(response, 403, "role", "your role may not do this");
  return std::nullopt;
}

bool StaffConsole::open_session(const StaffAccount& account, httplib::Response& response) {
  const std::string token = staff_token();
  const int64_t now = std::time(nullptr);
  StaffSession session{token_hash(token), account.username, staff_token(), now, now};
  if (auto created = m_context.staff.create_session(session); !created) {
    http::reply_error(response, 503, "the session could not be recorded");
    return false;
  }
  response.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token +
                                        "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" +
                                        std::to_string(kSessionMaxSeconds));
  json me = json::parse(account_json(account));
  me["csrf"] = session.csrf_token;
  http::reply_json(response, 200, json{{"me", me}}.dump());
  return true;
}

Result<std::vector<std::string>> StaffConsole::terminals_of(const std::string& office) {
  auto terminals = m_context.enrollment.terminals();
  if (!terminals) return terminals.error();
  std::vector<std::string> ids;
  for (const TerminalRecord& t : *terminals)
    if (t.office == office) ids.push_back(t.terminal_id);
  return ids;
}

void StaffConsole::add_file_routes(httplib::Server& server) {
  server.Get(
      "/", [](const httplib::Request&, httplib::Response& response) { response.set_redirect("/console/"); });
  server.Get("/console", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("/console/");
  });
  server.Get(R"(/console/(.*))", [this](const httplib::Request& request, httplib::Response& response) {
    std::string relative = request.matches[1];
    if (relative.empty()) relative = "index.html";
    const std::filesystem::path file = m_context.console_dir / relative;
    const std::string_view type = content_type(file);
    if (!plain_relative_path(relative) || type.empty())
      return http::reply_error(response, 404, "no such page of the console");
    std::ifstream in(file, std::ios::binary);
    if (!in) return http::reply_error(response, 404, "no such page of the console");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Asked again each time (no-cache) but sent again only when changed: after an update no
    // office keeps an old script, and on a slow link an unchanged page costs one round trip.
    const std::string etag = "\"" + sync::to_hex(sync::sha256(bytes)).substr(0, 32) + "\"";
    secure_headers(response);
    response.set_header("Cache-Control", "no-cache");
    response.set_header("ETag", etag);
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    response.set_content(bytes, std::string(type));
  });
}

}  // namespace pk::centre
