// POST /v1/diagnostics on the real centre over mutual TLS, at the HTTP level: the body's size
// and shape are checked before anything is stored, each refusal is a JSON reason, bundles are
// filed per certificate terminal, and centre staff find them with `pishkhan-centre
// --list-diagnostics` (run as a real process on the centre's data folder).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "protocol/diagnostics_bundle.h"
#include "protocol/enrollment_code.h"
#include "provisioning/diagnostics.h"
#include "sync/http_client.h"
#include "tests/support/postgres_server.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

HttpResponse send_bundle(const HttpOptions& as, const RunningCentre& centre, const std::string& body) {
  HttpClient http(as);
  auto response = http.send({Method::Post,
                             centre.server->base_url() + "/v1/diagnostics",
                             {{"Content-Type", "application/x-tar"}},
                             {reinterpret_cast<const uint8_t*>(body.data()), body.size()}});
  EXPECT_TRUE(response.ok()) << (response ? "" : response.error().message);
  return response ? std::move(response).value() : HttpResponse{};
}

std::string error_of(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  return body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "(no JSON reason)";
}

std::string bundle(const std::string& log_line, std::vector<provisioning::BundleFile> extra = {}) {
  std::vector<provisioning::BundleFile> files;
  for (std::string_view name : centre::kDiagnosticsBundleFiles)
    files.push_back({std::string(name), name == "log.txt" ? log_line : "-\n"});
  files.insert(files.end(), extra.begin(), extra.end());
  return provisioning::tar_archive(files, "pishkhan-diagnostics-T-20261125-100000", 1'790'000'000);
}

std::string run(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    EXPECT_EQ(::pclose(pipe), 0) << command;
  }
  return out;
}

}  // namespace

TEST(DiagnosticsRoute, TooLargeAndNotABundleAreRefusedWithReasonsAndNothingIsStored) {
  RunningCentre centre("diag-route-refusals");
  ASSERT_TRUE(centre.server);
  // 16 MiB and one block more: refused before it is looked at.
  const auto large = send_bundle(centre.http, centre, std::string(size_t{16} * 1024 * 1024 + 512, '\0'));
  EXPECT_EQ(large.status, 413);
  EXPECT_NE(error_of(large).find("at most 16777216"), std::string::npos) << large.body;

  const auto json = send_bundle(centre.http, centre, R"({"terminal_id": "SKO-TEST-0001"})");
  EXPECT_EQ(json.status, 400);
  EXPECT_NE(error_of(json).find("not a diagnostics bundle"), std::string::npos) << json.body;

  const auto smuggled = send_bundle(centre.http, centre, bundle("ok\n", {{"id_rsa", "KEY"}}));
  EXPECT_EQ(smuggled.status, 400);
  EXPECT_NE(error_of(smuggled).find("id_rsa\" is not one of the bundle's files"), std::string::npos)
      << smuggled.body;

  auto held = centre.server->diagnostics().list();
  ASSERT_TRUE(held);
  EXPECT_TRUE(held->empty());

  // Without a client certificate the body is never read.
  HttpOptions anonymous;
  anonymous.tls.ca_file = centre.http.tls.ca_file;
  EXPECT_EQ(send_bundle(anonymous, centre, bundle("ok\n")).status, 403);
}

// Bundles are filed under the certificate's terminal; the same bytes from two terminals are two
// bundles (idempotency is per terminal), and the staff's list shows both.
TEST(DiagnosticsRoute, FiledPerTerminalAndListedForCentreStaff) {
  RunningCentre centre("diag-route-list");
  ASSERT_TRUE(centre.server);
  HttpOptions second;
  second.tls = enroll_terminal(*centre.server, centre.dir.path() / "second", "SKO-TEST-0002");
  const std::string body = bundle("printer: paper out\n");
  const auto a = send_bundle(centre.http, centre, body);
  const auto b = send_bundle(second, centre, body);
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(b.status, 201) << b.body;
  const auto receipt_a = nlohmann::json::parse(a.body);
  const auto receipt_b = nlohmann::json::parse(b.body);
  EXPECT_NE(receipt_a["receipt_id"], receipt_b["receipt_id"]);
  EXPECT_EQ(receipt_a["sha256"], receipt_b["sha256"]);
  EXPECT_EQ(receipt_a["bytes"], static_cast<int64_t>(body.size()));
  // Sent again by the first: its first receipt, 200, nothing new.
  const auto again = send_bundle(centre.http, centre, body);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(nlohmann::json::parse(again.body)["receipt_id"], receipt_a["receipt_id"]);
  EXPECT_EQ(nlohmann::json::parse(again.body)["replayed"], true);

  const std::string listing =
      run(std::string(PK_CENTRE_EXE) + " --data '" + (centre.dir.path() / "centre").string() +
          "' --list-diagnostics 2>/dev/null");
  std::vector<std::string> lines;
  for (size_t at = 0, end; (end = listing.find('\n', at)) != std::string::npos; at = end + 1)
    lines.push_back(listing.substr(at, end - at));
  ASSERT_EQ(lines.size(), 2U) << listing;
  for (const auto& [terminal, receipt] : {std::pair{std::string("SKO-TEST-0001"), receipt_a},
                                          std::pair{std::string("SKO-TEST-0002"), receipt_b}}) {
    const std::string id = receipt["receipt_id"].get<std::string>();
    const auto line =
        std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(id); });
    ASSERT_NE(line, lines.end()) << listing;
    EXPECT_NE(line->find("\t" + terminal + "\t"), std::string::npos) << *line;
    EXPECT_NE(line->find("\t" + std::to_string(body.size()) + "\t"), std::string::npos) << *line;
    EXPECT_NE(line->find(" UTC\t"), std::string::npos) << *line;
    const std::string file = line->substr(line->rfind('\t') + 1);
    EXPECT_NE(file.find("/diagnostics/" + terminal + "/"), std::string::npos) << file;
    std::ifstream in(file, std::ios::binary);
    const std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(stored, body) << file;
  }
}

// With --database the bundles live in PostgreSQL: the staff's list names no file, and
// --export-diagnostics gives the bytes back; the enrollment subcommands use the database too.
TEST(DiagnosticsRoutePostgres, KeptInTheDatabaseListedExportedAndTheSubcommandsUseIt) {
  auto postgres = pk::test::PostgresServer::start("diag-route");
  ASSERT_TRUE(postgres.ok()) << postgres.error().message;
  const std::string url = (*postgres)->url();
  RunningCentre centre("diag-route-postgres",
                       [&](centre::CentreConfig& config) { config.database_url = url; });
  ASSERT_TRUE(centre.server);
  const std::string body = bundle("scanner: jammed\n");
  const auto sent = send_bundle(centre.http, centre, body);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string id = nlohmann::json::parse(sent.body)["receipt_id"].get<std::string>();
  const std::string centre_exe = std::string(PK_CENTRE_EXE) + " --data '" +
                                 (centre.dir.path() / "centre").string() + "' --database " + url;

  const std::string listing = run(centre_exe + " --list-diagnostics 2>/dev/null");
  EXPECT_TRUE(listing.starts_with(id + "\tSKO-TEST-0001\t")) << listing;
  EXPECT_TRUE(listing.ends_with("\t" + std::to_string(body.size()) + "\t-\n")) << listing;
  EXPECT_EQ(run(centre_exe + " --export-diagnostics " + id + " 2>/dev/null"), body);
  EXPECT_FALSE(std::filesystem::exists(centre.dir.path() / "centre" / "diagnostics"));

  // A code issued on the command line is in the running centre's records.
  const std::string code =
      run(centre_exe + " --issue-enrollment-code --office B --terminal-id SKO-TEST-0009 2>/dev/null");
  auto normalised = enroll::normalise_enrollment_code(code.substr(0, code.find('\n')));
  ASSERT_TRUE(normalised.ok()) << code;
  auto check =
      centre.server->enrollment().check_code(enroll::enrollment_code_hash(*normalised), std::time(nullptr));
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->state, centre::CodeState::Fresh);
  EXPECT_EQ(check->terminal_id, "SKO-TEST-0009");
  // Revoked on the command line: the running centre refuses the terminal within a second.
  EXPECT_NE(run(centre_exe + " --revoke-terminal SKO-TEST-0001 2>/dev/null").find("revoked"),
            std::string::npos);
  EXPECT_TRUE(eventually([&] { return send_bundle(centre.http, centre, body).status == 403; },
                         std::chrono::seconds(5)));
  EXPECT_FALSE(std::filesystem::exists(centre.dir.path() / "centre" / "enrollment.sqlite"));
}

}  // namespace pk::sync::test
