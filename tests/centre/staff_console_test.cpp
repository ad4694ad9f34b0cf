// The back office's routes against the real centre on loopback (HTTPS, its own CA), with real
// terminals enrolled and submitting: signing in with a password and a TOTP code, the session
// and CSRF rules, lockout, roles, an office manager walled into one office, terminal
// certificates kept out, decisions and notices reaching terminals, the catalog's checks, and
// the audit log that only grows.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "centre/staff/staff_console.h"
#include "centre/staff/totp.h"
#include "protocol/encoding.h"
#include "protocol/wire.h"
#include "sync/http_client.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

using json = nlohmann::json;
using centre::StaffRole;

constexpr const char* kPassword = "a long enough passphrase";
constexpr const char* kOfficeB = "SKO-TEST-B001";  // a terminal at office B (terminal number 2)

// RFC 6238 appendix B, SHA-1, the last six digits of its eight.
TEST(Totp, MatchesTheRfcVectors) {
  const std::string ascii = "12345678901234567890";
  const std::vector<uint8_t> secret(ascii.begin(), ascii.end());
  const std::pair<int64_t, const char*> vectors[] = {{59, "287082"},         {1111111109, "081804"},
                                                     {1111111111, "050471"}, {1234567890, "005924"},
                                                     {2000000000, "279037"}, {20000000000, "353130"}};
  for (const auto& [time, code] : vectors) EXPECT_EQ(centre::totp_code(secret, time / 30), code) << time;
  // A code is good for its step and one either side, and once.
  EXPECT_EQ(centre::match_totp(secret, "287082", 59, 0), 1);
  EXPECT_EQ(centre::match_totp(secret, "287082", 89, 0), 1);
  EXPECT_FALSE(centre::match_totp(secret, "287082", 119, 0));
  EXPECT_FALSE(centre::match_totp(secret, "287082", 59, 1));
  EXPECT_FALSE(centre::match_totp(secret, "28708", 59, 0));
  EXPECT_EQ(centre::base32_decode(centre::base32_encode(secret)), secret);
  EXPECT_EQ(centre::base32_encode(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

// A staff member's browser: a cookie jar of one session and its CSRF token.
class Staff {
 public:
  Staff(int port, std::string ca_file) : m_client("127.0.0.1", port) {
    m_client.set_ca_cert_path(ca_file.c_str());
    m_client.enable_server_certificate_verification(true);
  }

  httplib::Result get(const std::string& path) { return m_client.Get(path.c_str(), headers(false)); }
  httplib::Result post(const std::string& path, const json& body, bool with_csrf = true) {
    auto reply = m_client.Post(path.c_str(), headers(with_csrf), body.dump(), "application/json");
    take_cookie(reply);
    return reply;
  }
  httplib::Result put(const std::string& path, const json& body) {
    return m_client.Put(path.c_str(), headers(true), body.dump(), "application/json");
  }
  void set_origin(std::string origin) { m_origin = std::move(origin); }

  // Follows a set-up link to the end: password, TOTP secret, a code; signed in afterwards.
  void set_up(const std::string& link_path) {
    const std::string token = link_path.substr(link_path.rfind('/') + 1);
    auto secret_reply = post("/v1/staff/setup/" + token, {{"password", kPassword}}, false);
    ASSERT_TRUE(secret_reply);
    ASSERT_EQ(secret_reply->status, 200) << secret_reply->body;
    m_secret = *centre::base32_decode(json::parse(secret_reply->body)["totp_secret"].get<std::string>());
    auto confirmed = post("/v1/staff/setup/" + token + "/confirm", {{"code", code()}}, false);
    ASSERT_TRUE(confirmed);
    ASSERT_EQ(confirmed->status, 200) << confirmed->body;
    m_csrf = json::parse(confirmed->body)["me"]["csrf"];
    m_step = std::time(nullptr) / centre::kTotpStepSeconds;
  }
  // The code an authenticator app shows now; a code is accepted once, so a second sign-in in
  // the same 30 s uses the next step's (one step ahead is accepted for clock drift).
  std::string code() {
    const int64_t now = std::time(nullptr) / centre::kTotpStepSeconds;
    return centre::totp_code(m_secret, std::max(now, m_step + 1));
  }
  httplib::Result sign_in(const std::string& username, const std::string& password, const std::string& code) {
    auto reply =
        post("/v1/staff/login", {{"username", username}, {"password", password}, {"code", code}}, false);
    if (reply && reply->status == 200) {
      m_csrf = json::parse(reply->body)["me"]["csrf"];
      m_step = std::time(nullptr) / centre::kTotpStepSeconds + 1;
    }
    return reply;
  }
  void forget_session() { m_cookie.clear(); }

 private:
  httplib::Headers headers(bool with_csrf) const {
    httplib::Headers h;
    if (!m_cookie.empty()) h.emplace("Cookie", m_cookie);
    if (with_csrf && !m_csrf.empty()) h.emplace("X-CSRF-Token", m_csrf);
    if (!m_origin.empty()) h.emplace("Origin", m_origin);
    return h;
  }
  void take_cookie(const httplib::Result& reply) {
    if (!reply || !reply->has_header("Set-Cookie")) return;
    const std::string cookie = reply->get_header_value("Set-Cookie");
    m_cookie = cookie.substr(0, cookie.find(';'));
    if (m_cookie == std::string(centre::kSessionCookie) + "=") m_cookie.clear();
  }

  httplib::SSLClient m_client;
  std::string m_cookie;
  std::string m_csrf;
  std::string m_origin;
  std::vector<uint8_t> m_secret;
  int64_t m_step = 0;
};

json json_of(const httplib::Result& reply) {
  return reply ? json::parse(reply->body, nullptr, false) : json();
}

class StaffConsole : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_centre.server);
    m_office_b = enroll_terminal(*m_centre.server, m_centre.dir.path() / "office-b", kOfficeB, "B");
  }

  std::unique_ptr<Staff> staff(const std::string& username, StaffRole role, const std::string& office = "") {
    centre::StaffAccount account;
    account.username = username;
    account.display_name = username;
    account.role = role;
    account.office = office;
    account.created_unix = std::time(nullptr);
    auto link = centre::make_setup_link(m_centre.server->staff(), account, account.created_unix);
    EXPECT_TRUE(link.ok());
    auto browser = std::make_unique<Staff>(m_centre.server->port(), ca_file());
    if (link) browser->set_up(link->path);
    return browser;
  }
  std::string ca_file() const { return (m_centre.dir.path() / "centre" / "tls" / "ca.pem").string(); }

  // A terminal submits an application (no pages: received at once) or a failure report.
  std::string submit(const TlsOptions& as, const std::string& terminal, int number, int64_t sequence,
                     const std::string& kind = "application") {
    Submission submission;
    submission.tracking_code = test_tracking_code(
        sequence, number, kind == "application" ? TrackingKind::Application : TrackingKind::FailureReport);
    submission.kind = kind;
    submission.service_number = 3;
    submission.channel = "kiosk";
    submission.terminal_id = terminal;
    submission.created_at_unix = std::time(nullptr);
    const std::string personal =
        R"({"id_kind":"passport","id_number":"X1234567","mobile":"","consent":true})";
    auto sealed = store::seal(as_bytes(personal), m_centre.server->sealing_key().public_key);
    EXPECT_TRUE(sealed.ok());
    submission.sealed_personal_base64 = to_base64(*sealed);
    HttpOptions options;
    options.tls = as;
    HttpClient http(options);
    const std::string body = to_json(submission);
    auto reply = http.send({Method::Post,
                            m_centre.server->base_url() + "/v1/applications",
                            {{"Idempotency-Key", "k-" + submission.tracking_code}},
                            {reinterpret_cast<const uint8_t*>(body.data()), body.size()}});
    EXPECT_TRUE(reply.ok() && reply->status == 201) << (reply ? reply->body : reply.error().message);
    return submission.tracking_code;
  }
  ApplicationStatus terminal_status(const TlsOptions& as, const std::string& code) {
    HttpOptions options;
    options.tls = as;
    HttpClient http(options);
    auto reply = http.send({Method::Get, m_centre.server->base_url() + "/v1/applications/" + code, {}, {}});
    EXPECT_TRUE(reply.ok() && reply->status == 200);
    auto status = parse_application_status(reply ? reply->body : "");
    EXPECT_TRUE(status.ok()) << (status ? "" : status.error().message);
    return status ? std::move(status).value() : ApplicationStatus{};
  }

  RunningCentre m_centre{"staff-console"};
  TlsOptions m_office_b;
};

TEST_F(StaffConsole, WithoutASessionEveryRouteIs401) {
  Staff anonymous(m_centre.server->port(), ca_file());
  for (const char* path : {"/v1/staff/me", "/v1/staff/accounts", "/v1/staff/audit", "/v1/staff/offices",
                           "/v1/staff/sla?year=1405", "/v1/staff/sla.csv?year=1405", "/v1/staff/notices",
                           "/v1/staff/cases?kind=application", "/v1/staff/cases/10001000000194",
                           "/v1/staff/cases/10001000000194/pages/0", "/v1/staff/terminals",
                           "/v1/staff/diagnostics", "/v1/staff/diagnostics/DG-000001", "/v1/staff/catalog"}) {
    auto reply = anonymous.get(path);
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 401) << path;
    EXPECT_EQ(json_of(reply)["reason"], "no_session") << path;
  }
  for (const char* path :
       {"/v1/staff/logout", "/v1/staff/accounts", "/v1/staff/accounts/admin/reset",
        "/v1/staff/accounts/admin/disable", "/v1/staff/notices", "/v1/staff/cases/10001000000194/decision",
        "/v1/staff/enrollment-codes", "/v1/staff/terminals/SKO-TEST-0001/revoke"}) {
    auto reply = anonymous.post(path, json::object());
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 401) << path;
  }
  auto put = anonymous.put("/v1/staff/catalog", {{"catalog", json::object()}});
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 401);
}

TEST_F(StaffConsole, SignInNeedsPasswordAndAFreshCode) {
  auto admin = staff("admin", StaffRole::Administrator);
  auto me = admin->get("/v1/staff/me");
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json_of(me)["role"], "administrator");
  EXPECT_EQ(json_of(me)["username"], "admin");

  Staff browser(m_centre.server->port(), ca_file());
  EXPECT_EQ(browser.sign_in("admin", "wrong password here", admin->code())->status, 401);
  EXPECT_EQ(browser.sign_in("admin", kPassword, "000000")->status, 401);
  EXPECT_EQ(browser.sign_in("nobody", kPassword, admin->code())->status, 401);
  const std::string code = admin->code();
  auto signed_in = browser.sign_in("admin", kPassword, code);
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  // The cookie is HttpOnly, Secure and SameSite=Strict.
  const std::string cookie = signed_in->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  // The same code a second time (someone who watched it typed) is refused.
  Staff replay(m_centre.server->port(), ca_file());
  EXPECT_EQ(replay.sign_in("admin", kPassword, code)->status, 401);
  // Signed out: the session is gone.
  EXPECT_EQ(browser.post("/v1/staff/logout", json::object())->status, 200);
  EXPECT_EQ(browser.get("/v1/staff/me")->status, 401);
}

TEST_F(StaffConsole, TenWrongCodesLockTheAccount) {
  auto inspector = staff("inspector", StaffRole::Inspector);
  Staff attacker(m_centre.server->port(), ca_file());
  for (int i = 0; i < centre::kMaxFailedSignIns; ++i)
    EXPECT_EQ(attacker.sign_in("inspector", kPassword, "12345" + std::to_string(i % 10))->status, 401);
  // Locked now: even the right password and code are refused, with the time it ends.
  auto locked = attacker.sign_in("inspector", kPassword, inspector->code());
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 423);
  EXPECT_EQ(json_of(locked)["reason"], "locked");
  EXPECT_GT(json_of(locked)["until_unix"].get<int64_t>(), std::time(nullptr) + 60);
  // An administrator's reset clears the lock (with a fresh set-up).
  auto admin = staff("admin", StaffRole::Administrator);
  auto reset = admin->post("/v1/staff/accounts/inspector/reset", json::object());
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 200);
  Staff again(m_centre.server->port(), ca_file());
  again.set_up(json_of(reset)["setup_link"]);
  EXPECT_EQ(again.get("/v1/staff/me")->status, 200);
}

TEST_F(StaffConsole, AChangeWithoutTheCsrfTokenOrFromAnotherSiteIsRefused) {
  auto admin = staff("admin", StaffRole::Administrator);
  const json account{{"username", "newcomer"}, {"display_name", "N"}, {"role", "inspector"}};
  auto without = admin->post("/v1/staff/accounts", account, false);
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 403);
  EXPECT_EQ(json_of(without)["reason"], "csrf");
  admin->set_origin("https://evil.example");
  auto cross_site = admin->post("/v1/staff/accounts", account);
  ASSERT_TRUE(cross_site);
  EXPECT_EQ(cross_site->status, 403);
  admin->set_origin("");
  auto accounts = json_of(admin->get("/v1/staff/accounts"))["accounts"];
  EXPECT_EQ(accounts.size(), 1u) << "nothing was created";
  EXPECT_EQ(admin->post("/v1/staff/accounts", account)->status, 201);
}

TEST_F(StaffConsole, TerminalsAndStaffStayOnTheirOwnSide) {
  // A terminal's certificate does not open the back office...
  const TlsOptions& terminal = m_centre.http.tls;
  httplib::SSLClient as_terminal("127.0.0.1", m_centre.server->port(), terminal.client_cert_file,
                                 terminal.client_key_file);
  as_terminal.enable_server_certificate_verification(false);
  for (const char* path : {"/v1/staff/me", "/v1/staff/cases", "/console/"}) {
    auto reply = as_terminal.Get(path);
    ASSERT_TRUE(reply) << path;
    EXPECT_EQ(reply->status, 403) << path;
    EXPECT_EQ(json_of(reply)["reason"], "terminal_certificate") << path;
  }
  // ...and a staff session opens none of the terminals' routes.
  auto inspector = staff("inspector", StaffRole::Inspector);
  for (const char* path : {"/v1/notices", "/v1/catalog", "/v1/applications/10001000000194"})
    EXPECT_EQ(inspector->get(path)->status, 403) << path;
}

TEST_F(StaffConsole, EachRoleDoesOnlyItsOwnWork) {
  auto inspector = staff("inspector", StaffRole::Inspector);
  auto manager = staff("manager", StaffRole::OfficeManager, "A");
  auto technician = staff("technician", StaffRole::TechnicianLead);
  const auto refused = [](const httplib::Result& reply) { return reply && reply->status == 403; };
  EXPECT_TRUE(refused(inspector->post("/v1/staff/accounts", {{"username", "x"}})));
  EXPECT_TRUE(
      refused(inspector->post("/v1/staff/enrollment-codes", {{"office", "A"}, {"terminal_id", "T"}})));
  EXPECT_TRUE(refused(manager->post("/v1/staff/notices", json::object())));
  EXPECT_TRUE(refused(manager->get("/v1/staff/audit")));
  EXPECT_TRUE(refused(technician->get("/v1/staff/cases")));
  EXPECT_TRUE(refused(technician->put("/v1/staff/catalog", {{"catalog", json::object()}})));
  EXPECT_EQ(json_of(technician->get("/v1/staff/cases"))["reason"], "role");
}

TEST_F(StaffConsole, MalformedRequestsGetAReasonNeverAnInternalError) {
  auto admin = staff("admin", StaffRole::Administrator);
  auto inspector = staff("inspector", StaffRole::Inspector);
  const std::pair<Staff*, std::pair<std::string, json>> requests[] = {
      {admin.get(),
       {"/v1/staff/accounts", {{"username", 5}, {"display_name", json::array()}, {"role", nullptr}}}},
      {admin.get(), {"/v1/staff/accounts", json::array({1, 2})}},
      {inspector.get(),
       {"/v1/staff/notices", {{"services", "some"}, {"starts_unix", "soon"}, {"text_fa", 3}}}},
      {inspector.get(), {"/v1/staff/notices", {{"services", json::array({0, -1, "x"})}}}},
      {inspector.get(), {"/v1/staff/login", {{"username", json::object()}, {"password", 1}, {"code", true}}}},
  };
  for (const auto& [who, request] : requests) {
    auto reply = who->post(request.first, request.second);
    ASSERT_TRUE(reply) << request.second.dump();
    EXPECT_TRUE(reply->status == 400 || reply->status == 401 || reply->status == 422)
        << request.first << " " << request.second.dump() << " -> " << reply->status << " " << reply->body;
  }
  // A CSV asked for an office named like a formula: the cell is text, the file name plain.
  auto csv = inspector->get("/v1/staff/sla.csv?year=1405&office=%3DHYPERLINK(%22x%22)");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_NE(csv->body.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv->body.substr(0, 300);
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"sla-1405-HYPERLINKx.csv\"");
}

TEST_F(StaffConsole, AnOfficeManagerSeesAndDecidesOnlyTheirOffice) {
  const std::string ours = submit(m_centre.http.tls, kTestTerminal, kTestTerminalNumber, 1);
  const std::string theirs = submit(m_office_b, kOfficeB, 2, 1);
  auto manager = staff("manager-a", StaffRole::OfficeManager, "A");
  auto cases = json_of(manager->get("/v1/staff/cases?kind=application"))["cases"];
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["tracking_code"], ours);
  EXPECT_EQ(cases[0]["office"], "A");
  // Asking for office B by name changes nothing for an office manager.
  EXPECT_EQ(json_of(manager->get("/v1/staff/cases?office=B"))["cases"].size(), 1u);
  for (const std::string& path : {"/v1/staff/cases/" + theirs, "/v1/staff/cases/" + theirs + "/pages/0"})
    EXPECT_EQ(manager->get(path)->status, 404) << path;
  EXPECT_EQ(manager->post("/v1/staff/cases/" + theirs + "/decision", {{"status", "approved"}})->status, 404);
  auto terminals = json_of(manager->get("/v1/staff/terminals"))["terminals"];
  ASSERT_EQ(terminals.size(), 1u);
  EXPECT_EQ(terminals[0]["office"], "A");
  EXPECT_EQ(json_of(manager->get("/v1/staff/sla?year=1405&office=B"))["office"], "A");
  // The inspector sees both offices.
  auto inspector = staff("inspector", StaffRole::Inspector);
  EXPECT_EQ(json_of(inspector->get("/v1/staff/cases"))["cases"].size(), 2u);
  EXPECT_EQ(json_of(inspector->get("/v1/staff/cases?office=B"))["cases"].size(), 1u);
  EXPECT_EQ(json_of(inspector->get("/v1/staff/terminals"))["terminals"].size(), 2u);
}

TEST_F(StaffConsole, ADecisionReachesTheTerminalAndEveryLookIsAudited) {
  const std::string application = submit(m_centre.http.tls, kTestTerminal, kTestTerminalNumber, 1);
  const std::string report =
      submit(m_centre.http.tls, kTestTerminal, kTestTerminalNumber, 2, "failure_report");
  auto manager = staff("manager-a", StaffRole::OfficeManager, "A");
  // The case with the citizen's data, unsealed for this reply only.
  auto opened = json_of(manager->get("/v1/staff/cases/" + application));
  EXPECT_EQ(opened["personal"]["id_number"], "X1234567");
  // Rules: a rejection needs its reason; a credit only on a resolved failure report.
  auto no_reason = manager->post("/v1/staff/cases/" + application + "/decision", {{"status", "rejected"}});
  EXPECT_EQ(no_reason->status, 422);
  EXPECT_NE(json_of(no_reason)["error"].get<std::string>().find("reason"), std::string::npos);
  EXPECT_EQ(
      manager->post("/v1/staff/cases/" + application + "/decision", {{"status", "resolved"}, {"note", "x"}})
          ->status,
      422);
  EXPECT_EQ(manager
                ->post("/v1/staff/cases/" + application + "/decision",
                       {{"status", "documents_requested"}, {"note", "تصویر صفحه دوم گذرنامه"}})
                ->status,
            200);
  ApplicationStatus status = terminal_status(m_centre.http.tls, application);
  EXPECT_EQ(status.status, CentreStatus::DocumentsRequested);
  ASSERT_TRUE(status.decision);
  EXPECT_EQ(status.decision->note, "تصویر صفحه دوم گذرنامه");
  EXPECT_EQ(manager->post("/v1/staff/cases/" + application + "/decision", {{"status", "approved"}})->status,
            200);
  EXPECT_EQ(terminal_status(m_centre.http.tls, application).status, CentreStatus::Approved);
  // Final: no way back.
  EXPECT_EQ(manager->post("/v1/staff/cases/" + application + "/decision", {{"status", "in_review"}})->status,
            422);
  // The failure report: answered, then resolved with a credit.
  EXPECT_EQ(
      manager
          ->post("/v1/staff/cases/" + report + "/decision",
                 {{"status", "resolved"}, {"note", "The printer was replaced."}, {"credit", "50,000 rials"}})
          ->status,
      200);
  status = terminal_status(m_centre.http.tls, report);
  EXPECT_EQ(status.status, CentreStatus::Resolved);
  ASSERT_TRUE(status.decision);
  EXPECT_EQ(status.decision->credit, "50,000 rials");
  // The inspector reads it all in the audit log: the look at personal data, each decision.
  auto inspector = staff("inspector", StaffRole::Inspector);
  auto entries = json_of(inspector->get("/v1/staff/audit?limit=500"))["entries"];
  int views = 0;
  int decisions = 0;
  for (const json& e : entries) {
    views += e["action"] == "view_personal" && e["subject"] == application && e["actor"] == "manager-a";
    decisions += e["action"] == "decide";
  }
  EXPECT_EQ(views, 1);
  EXPECT_EQ(decisions, 3);  // the refused attempts changed nothing and are not decisions
}

TEST_F(StaffConsole, TheAuditLogOnlyGrows) {
  auto admin = staff("admin", StaffRole::Administrator);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((m_centre.dir.path() / "centre" / "staff.sqlite").c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_NE(sqlite3_exec(db, "UPDATE staff_audit SET actor = 'someone else'", nullptr, nullptr, &error),
            SQLITE_OK);
  EXPECT_NE(std::string(error ? error : "").find("append-only"), std::string::npos);
  sqlite3_free(error);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM staff_audit", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_FALSE(json_of(admin->get("/v1/staff/audit"))["entries"].empty());
}

TEST_F(StaffConsole, ANoticeReachesTerminalsMarkedLateWhenUnder72Hours) {
  auto inspector = staff("inspector", StaffRole::Inspector);
  const int64_t now = std::time(nullptr);
  auto late = inspector->post("/v1/staff/notices", {{"services", json::array({3, 7})},
                                                    {"starts_unix", now + 3600},
                                                    {"ends_unix", now + 7200},
                                                    {"text_fa", "قطعی برنامه‌ریزی‌شده"},
                                                    {"text_en", "Planned outage"}});
  ASSERT_TRUE(late);
  ASSERT_EQ(late->status, 201) << late->body;
  EXPECT_TRUE(json_of(late)["notice"]["late"].get<bool>());
  auto timely = inspector->post("/v1/staff/notices", {{"services", "all"},
                                                      {"starts_unix", now + 4 * 86400},
                                                      {"ends_unix", now + 4 * 86400 + 3600},
                                                      {"text_fa", "به‌روزرسانی سامانه"},
                                                      {"text_en", "System update"}});
  EXPECT_FALSE(json_of(timely)["notice"]["late"].get<bool>());
  auto bad = inspector->post(
      "/v1/staff/notices",
      {{"starts_unix", now + 7200}, {"ends_unix", now + 3600}, {"text_fa", ""}, {"text_en", "x"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_GE(json_of(bad)["errors"].size(), 2u);
  // What a terminal takes with its next sync.
  HttpClient http(m_centre.http);
  auto notices = http.send({Method::Get, m_centre.server->base_url() + "/v1/notices", {}, {}});
  ASSERT_TRUE(notices.ok());
  auto parsed = parse_notices(notices->body);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].text_en, "Planned outage");
}

TEST_F(StaffConsole, TheCatalogIsCheckedLikeTheTerminalsDoAndServedOncePublished) {
  auto admin = staff("admin", StaffRole::Administrator);
  json catalog = json_of(admin->get("/v1/staff/catalog"));
  const int64_t version = catalog["version"];
  json edited = catalog["catalog"];
  edited["services"][0]["fee_rials"] = -5;
  auto refused = admin->put("/v1/staff/catalog", {{"catalog", edited}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(json_of(refused)["errors"][0].get<std::string>().find("fee_rials"), std::string::npos);
  edited["services"][0]["fee_rials"] = 1'250'000;
  auto published = admin->put("/v1/staff/catalog", {{"catalog", edited}});
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_EQ(json_of(published)["version"], version + 1);
  HttpClient http(m_centre.http);
  auto served = http.send({Method::Get, m_centre.server->base_url() + "/v1/catalog", {}, {}});
  ASSERT_TRUE(served.ok());
  const json terminal_view = json::parse(served->body);
  EXPECT_EQ(terminal_view["version"], version + 1);
  EXPECT_EQ(terminal_view["services"][0]["fee_rials"], 1'250'000);
}

TEST_F(StaffConsole, TheTechnicianLeadIssuesACodeWithItsQrAndRevokesATerminal) {
  auto technician = staff("technician", StaffRole::TechnicianLead);
  auto issued =
      technician->post("/v1/staff/enrollment-codes", {{"office", "A"}, {"terminal_id", "SKO-TEST-0042"}});
  ASSERT_TRUE(issued);
  ASSERT_EQ(issued->status, 201) << issued->body;
  const json code = json_of(issued);
  EXPECT_EQ(code["pin"], m_centre.server->certificate_authority().server_pin());
  EXPECT_TRUE(code["qr_svg"].get<std::string>().starts_with("<svg"));
  auto check = m_centre.server->enrollment().check_code(to_hex(sha256(code["code"].get<std::string>())),
                                                        std::time(nullptr));
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->state, centre::CodeState::Fresh);
  // A heartbeat names the terminal's software; the fleet shows it with the outbox.
  HttpClient as_terminal(m_centre.http);
  const std::string beat =
      json{{"terminal_id", kTestTerminal}, {"pending_outbox", 7}, {"software", "0.1.0"}}.dump();
  auto beaten =
      as_terminal.send({Method::Post, m_centre.server->base_url() + "/v1/heartbeat", {}, as_bytes(beat)});
  ASSERT_TRUE(beaten.ok() && beaten->status == 200);
  EXPECT_EQ(
      technician->post("/v1/staff/terminals/" + std::string(kOfficeB) + "/revoke", json::object())->status,
      200);
  auto terminals = json_of(technician->get("/v1/staff/terminals"))["terminals"];
  ASSERT_EQ(terminals.size(), 2u);
  for (const json& t : terminals) {
    EXPECT_EQ(t["state"], t["terminal_id"] == kOfficeB ? "revoked" : "active") << t.dump();
    if (t["terminal_id"] == kTestTerminal) {
      EXPECT_EQ(t["software"], "0.1.0");
      EXPECT_EQ(t["pending_outbox"], 7);
    }
  }
}

}  // namespace
}  // namespace pk::sync::test
