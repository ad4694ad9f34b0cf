// Signing in and out, and setting an account up from its one-time link.
#include <httplib.h>
#include <sodium.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/staff/password.h"
#include "centre/staff/qr_svg.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"
#include "centre/staff/totp.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

// The TOTP secret of an account, opened with the centre's sealing key.
std::optional<std::vector<uint8_t>> open_totp_secret(const StaffAccount& account, const store::KeyPair& key) {
  auto sealed = sync::from_base64(account.totp_secret_sealed);
  if (!sealed) return std::nullopt;
  auto clear = store::open_sealed(*sealed, key);
  if (!clear) return std::nullopt;
  return std::vector<uint8_t>(clear->bytes().begin(), clear->bytes().end());
}

}  // namespace

void StaffConsole::add_session_routes(httplib::Server& server) {
  server.Post("/v1/staff/login", [this](const httplib::Request& request, httplib::Response& response) {
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    const std::string username = body.text("username");
    const std::string password = body.text("password");
    const std::string code = body.text("code");
    if (body.refused(response)) return;
    const int64_t now = std::time(nullptr);
    auto found = username.size() <= 64 ? m_context.staff.find_account(username)
                                       : Result<std::optional<StaffAccount>>(std::optional<StaffAccount>());
    if (!found) return http::reply_error(response, 503, "the staff records cannot be read");
    const auto refuse = [&](const std::string& why) {
      audit(username.substr(0, 64), "login_failed", username.substr(0, 64), json{{"why", why}}.dump());
      reply_refusal(response, 401, "credentials", "the username, password or code is wrong");
    };
    if (!*found || (*found)->state != AccountState::Active) {
      // As long as a real check, so the reply's timing does not tell which usernames exist.
      static const std::string decoy = [] {
        auto hash = hash_password("a decoy that no account holds");
        return hash ? *hash : std::string();
      }();
      (void)password_matches(decoy, password);
      return refuse(*found ? "not active" : "no such account");
    }
    const StaffAccount& account = **found;
    if (account.locked_until_unix > now) {
      audit(username, "login_locked", username);
      response.status = 423;
      response.set_content(json{{"error", "the account is locked after too many failed sign-ins"},
                                {"reason", "locked"},
                                {"until_unix", account.locked_until_unix}}
                               .dump(),
                           "application/json");
      return;
    }
    const bool password_ok = password_matches(account.password_hash, password);
    const auto secret = open_totp_secret(account, m_context.sealing);
    const auto step = secret ? match_totp(*secret, code, now, account.last_totp_step) : std::nullopt;
    if (!password_ok || !step) {
      auto counted = m_context.staff.record_failed_sign_in(username, now, kMaxFailedSignIns, kLockSeconds);
      if (!counted) return http::reply_error(response, 503, "the staff records cannot be written");
      if (counted->locked_until_unix > now)
        audit(username, "account_locked", username, json{{"until_unix", counted->locked_until_unix}}.dump());
      return refuse(!password_ok ? "password" : "code");
    }
    // The step is taken in one statement: the same code sent twice at once (to two instances)
    // signs in once.
    auto accepted = m_context.staff.record_sign_in(username, *step);
    if (!accepted) return http::reply_error(response, 503, "the staff records cannot be written");
    if (!*accepted) return refuse("code already used");
    if (open_session(account, response)) audit(username, "login", username);
  });

  server.Post("/v1/staff/logout", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller(request, response, Access::Change);
    if (!who) return;
    (void)m_context.staff.remove_session(who->session.token_sha256);
    audit(who->account.username, "logout", who->account.username);
    response.set_header("Set-Cookie", std::string(kSessionCookie) +
                                          "=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
    http::reply_json(response, 200, "{}");
  });

  server.Get("/v1/staff/me", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller(request, response, Access::Read);
    if (!who) return;
    json me = json::parse(account_json(who->account));
    me["csrf"] = who->session.csrf_token;
    http::reply_json(response, 200, me.dump());
  });

  // The set-up link: who it is for; then the password (and a new TOTP secret back); then a
  // code from the app, which proves the app holds the secret before the account is active.
  server.Get(R"(/v1/staff/setup/([0-9a-f]{64}))", [this](const httplib::Request& request,
                                                         httplib::Response& response) {
    auto owner = m_context.staff.setup_token_owner(token_hash(request.matches[1].str()), std::time(nullptr));
    if (!owner) return http::reply_error(response, 503, "the staff records cannot be read");
    auto account =
        *owner ? m_context.staff.find_account(**owner) : Result<std::optional<StaffAccount>>(std::nullopt);
    if (!account || !*account)
      return reply_refusal(response, 404, "setup_link", "this set-up link is not valid (used or expired)");
    http::reply_json(response, 200, account_json(**account));
  });

  server.Post(R"(/v1/staff/setup/([0-9a-f]{64}))", [this](const httplib::Request& request,
                                                          httplib::Response& response) {
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    auto owner = m_context.staff.setup_token_owner(token_hash(request.matches[1].str()), std::time(nullptr));
    if (!owner) return http::reply_error(response, 503, "the staff records cannot be read");
    auto found =
        *owner ? m_context.staff.find_account(**owner) : Result<std::optional<StaffAccount>>(std::nullopt);
    if (!found || !*found)
      return reply_refusal(response, 404, "setup_link", "this set-up link is not valid (used or expired)");
    const std::string password = body.text("password");
    if (body.refused(response)) return;
    if (const std::string problem = password_problem(password); !problem.empty())
      return reply_refusal(response, 422, "password", problem);
    auto hash = hash_password(password);
    if (!hash) return http::reply_error(response, 503, hash.error().message);
    std::vector<uint8_t> secret = new_totp_secret();
    auto sealed = store::seal(secret, m_context.sealing.public_key);
    if (!sealed) return http::reply_error(response, 503, sealed.error().message);
    StaffAccount account = **found;
    account.password_hash = *hash;
    account.totp_secret_sealed = sync::to_base64(*sealed);
    account.last_totp_step = 0;
    if (auto updated = m_context.staff.update_account(account); !updated)
      return http::reply_error(response, 503, "the staff records cannot be written");
    const std::string uri = otpauth_uri(account.username, secret);
    auto svg = qr_svg(uri);
    json reply{{"totp_secret", base32_encode(secret)}, {"otpauth_uri", uri}, {"qr_svg", svg ? *svg : ""}};
    sodium_memzero(secret.data(), secret.size());
    http::reply_json(response, 200, reply.dump());
  });

  server.Post(R"(/v1/staff/setup/([0-9a-f]{64})/confirm)", [this](const httplib::Request& request,
                                                                  httplib::Response& response) {
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    const std::string hash = token_hash(request.matches[1].str());
    const int64_t now = std::time(nullptr);
    auto owner = m_context.staff.setup_token_owner(hash, now);
    if (!owner) return http::reply_error(response, 503, "the staff records cannot be read");
    auto found =
        *owner ? m_context.staff.find_account(**owner) : Result<std::optional<StaffAccount>>(std::nullopt);
    if (!found || !*found)
      return reply_refusal(response, 404, "setup_link", "this set-up link is not valid (used or expired)");
    StaffAccount account = **found;
    const auto secret = open_totp_secret(account, m_context.sealing);
    if (account.password_hash.empty() || !secret)
      return reply_refusal(response, 409, "password", "choose a password first");
    const std::string code = body.text("code");
    if (body.refused(response)) return;
    const auto step = match_totp(*secret, code, now, account.last_totp_step);
    if (!step)
      return reply_refusal(response, 401, "code", "the code does not match: check the phone's clock");
    auto consumed = m_context.staff.consume_setup_token(hash);
    if (!consumed || !*consumed)
      return reply_refusal(response, 404, "setup_link", "this set-up link is not valid (used or expired)");
    account.state = AccountState::Active;
    account.last_totp_step = *step;
    account.failed_logins = 0;
    account.locked_until_unix = 0;
    if (auto updated = m_context.staff.update_account(account); !updated)
      return http::reply_error(response, 503, "the staff records cannot be written");
    audit(account.username, "account_set_up", account.username);
    if (open_session(account, response)) audit(account.username, "login", account.username);
  });
}

}  // namespace pk::centre
