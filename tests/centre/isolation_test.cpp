// Each terminal walled off: every route acts only for the client certificate's terminal. Two
// terminals enrolled for real with the real centre on loopback; the second tries everything
// against the first's applications and uploads, and each attempt is refused without telling
// it whether the thing exists, while the first carries on undisturbed. Also the per-terminal
// quotas (413/429 with a JSON reason) and the province-wide summary being closed to terminals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "protocol/tus_headers.h"
#include "protocol/wire.h"
#include "sync/centre_client.h"
#include "sync/http_client.h"
#include "tests/support/postgres_server.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

constexpr const char* kSecond = "SKO-TEST-0002";  // enrolled second: terminal number 2
constexpr int kSecondNumber = 2;

using Headers = std::vector<std::pair<std::string, std::string>>;

std::span<const uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

nlohmann::json json_of(const HttpResponse& response) {
  return nlohmann::json::parse(response.body, nullptr, false);
}

Submission submission_of(const std::string& terminal, const std::string& code, int pages = 1,
                         int64_t page_bytes = 3) {
  Submission submission;
  submission.tracking_code = code;
  submission.kind = "application";
  submission.service_number = 3;
  submission.channel = "kiosk";
  submission.terminal_id = terminal;
  submission.created_at_unix = 1'790'000'000;
  submission.sealed_personal_base64 = to_base64(as_bytes("sealed"));
  for (int i = 0; i < pages; ++i)
    submission.pages.push_back(
        {"passport", i + 1, "image/jpeg", page_bytes, page_bytes, to_hex(sha256(as_bytes("abc")))});
  return submission;
}

// A throwaway PostgreSQL server for the Postgres instances of these tests.
std::unique_ptr<pk::test::PostgresServer> postgres_for(bool wanted) {
  if (!wanted) return nullptr;
  auto server = pk::test::PostgresServer::start("isolation");
  EXPECT_TRUE(server.ok()) << (server.ok() ? "" : server.error().message);
  return server ? std::move(server).value() : nullptr;
}

// Run with the centre on SQLite (false) and on PostgreSQL (true).
class Isolation : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_centre.server);
    m_second.tls = enroll_terminal(*m_centre.server, m_centre.dir.path() / "second", kSecond);
    ASSERT_FALSE(m_second.tls.client_cert_file.empty());
  }

  HttpResponse send(const HttpOptions& as, Method method, const std::string& path, Headers headers = {},
                    const std::string& body = {}) {
    HttpClient http(as);
    auto response =
        http.send({method, m_centre.server->base_url() + path, std::move(headers), bytes_of(body)});
    EXPECT_TRUE(response.ok()) << (response ? "" : response.error().message);
    return response ? std::move(response).value() : HttpResponse{};
  }
  HttpResponse submit(const HttpOptions& as, const Submission& submission, const std::string& key) {
    return send(as, Method::Post, "/v1/applications", {{"Idempotency-Key", key}}, to_json(submission));
  }

  std::unique_ptr<pk::test::PostgresServer> m_postgres = postgres_for(GetParam());
  RunningCentre m_centre{"isolation", [this](centre::CentreConfig& config) {
                           if (m_postgres) config.database_url = m_postgres->url();
                         }};
  HttpOptions m_second;
};

std::string backend_name(const ::testing::TestParamInfo<bool>& info) {
  return info.param ? "Postgres" : "Sqlite";
}

TEST_P(Isolation, AnotherTerminalsApplicationIsNotFoundAsIfItDidNotExist) {
  const std::string code = test_tracking_code(41);
  ASSERT_EQ(submit(m_centre.http, submission_of(kTestTerminal, code), "first-41").status, 201);

  const auto theirs = send(m_second, Method::Get, "/v1/applications/" + code);
  const auto nobodys = send(m_second, Method::Get, "/v1/applications/" + test_tracking_code(42));
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(nobodys.status, 404);
  // The same answer but for the code itself: nothing tells the asker the first one exists.
  EXPECT_EQ(json_of(theirs)["error"].get<std::string>().find("no application"), 0u);
  EXPECT_EQ(send(m_centre.http, Method::Get, "/v1/applications/" + code).status, 200);
}

TEST_P(Isolation, AnotherTerminalsUploadIs404ForEveryVerbAndItsOwnerResumesUndisturbed) {
  const std::string code = test_tracking_code(43);
  const auto created = submit(m_centre.http, submission_of(kTestTerminal, code, 1, 6), "first-43");
  // (6 bytes announced; 3 are sent below, the rest would follow.)
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string upload = json_of(created)["pages"][0]["upload"].get<std::string>();

  const Headers tus{{"Tus-Resumable", "1.0.0"}};
  Headers patch_headers = tus;
  patch_headers.emplace_back("Content-Type", "application/offset+octet-stream");
  patch_headers.emplace_back("Upload-Offset", "0");
  EXPECT_EQ(send(m_second, Method::Head, upload, tus).status, 404);
  EXPECT_EQ(send(m_second, Method::Patch, upload, patch_headers, "xyz").status, 404);
  EXPECT_EQ(send(m_second, Method::Delete, upload, tus).status, 404);

  // The owner's upload is untouched: offset 0, and its own PATCH goes through.
  const auto head = send(m_centre.http, Method::Head, upload, tus);
  ASSERT_EQ(head.status, 200);
  EXPECT_EQ(head.headers.at("upload-offset"), "0");
  EXPECT_EQ(send(m_centre.http, Method::Patch, upload, patch_headers, "abc").status, 204);

  // A standalone upload (tus creation) is its creator's alone too.
  Headers creation = tus;
  creation.emplace_back("Upload-Length", "4");
  const auto standalone = send(m_centre.http, Method::Post, "/v1/uploads", creation);
  ASSERT_EQ(standalone.status, 201);
  const std::string location = standalone.headers.at("location");
  EXPECT_EQ(send(m_second, Method::Delete, location, tus).status, 404);
  EXPECT_EQ(send(m_centre.http, Method::Delete, location, tus).status, 204);
}

TEST_P(Isolation, ASubmissionForAnotherTerminalIsRefused) {
  // Its body names the first terminal: refused, whatever the code.
  const auto posing =
      submit(m_second, submission_of(kTestTerminal, test_tracking_code(5, kSecondNumber)), "k1");
  EXPECT_EQ(posing.status, 403);
  EXPECT_NE(json_of(posing)["error"].get<std::string>().find("not this certificate's terminal"),
            std::string::npos);

  // A failure report filed under another terminal's id would count in that terminal's figures.
  Submission report =
      submission_of(kTestTerminal, test_tracking_code(6, kSecondNumber, TrackingKind::FailureReport), 0);
  report.kind = "failure_report";
  EXPECT_EQ(submit(m_second, report, "k2").status, 403);

  // Its own id, but the first terminal's next tracking code: taken first, the real one would
  // be refused with 409 and never delivered. Refused.
  const std::string next_of_first = test_tracking_code(7);
  const auto stolen = submit(m_second, submission_of(kSecond, next_of_first), "k3");
  EXPECT_EQ(stolen.status, 403);
  EXPECT_EQ(json_of(stolen)["reason"], "tracking_code_terminal");
  EXPECT_EQ(submit(m_centre.http, submission_of(kTestTerminal, next_of_first), "first-7").status, 201);

  // Not a tracking code at all.
  const auto malformed = submit(m_second, submission_of(kSecond, "KSK7-1"), "k4");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(json_of(malformed)["reason"], "tracking_code");

  // Its own code under its own id: fine.
  EXPECT_EQ(submit(m_second, submission_of(kSecond, test_tracking_code(7, kSecondNumber)), "k5").status, 201);
  auto ledgers = m_centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  for (const auto& ledger : *ledgers)
    EXPECT_TRUE(ledger.snapshot.failure_reports.empty()) << ledger.terminal_id;
}

TEST_P(Isolation, IdempotencyKeysArePerTerminal) {
  // The second terminal using the first's key gets its own application, not the first's reply.
  const auto first = submit(m_centre.http, submission_of(kTestTerminal, test_tracking_code(8)), "same-key");
  ASSERT_EQ(first.status, 201);
  const auto second =
      submit(m_second, submission_of(kSecond, test_tracking_code(8, kSecondNumber)), "same-key");
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(json_of(second)["tracking_code"], test_tracking_code(8, kSecondNumber));
}

TEST_P(Isolation, TheProvinceSummaryIsNotForTerminals) {
  const auto summary = send(m_second, Method::Get, "/v1/sla/summary?year=1405");
  EXPECT_EQ(summary.status, 403);
  EXPECT_NE(json_of(summary)["error"].get<std::string>().find("staff"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, Isolation, ::testing::Values(false, true), backend_name);

class Quotas : public ::testing::TestWithParam<bool> {};

TEST_P(Quotas, EachLimitIsA413Or429WithAReason) {
  const auto postgres = postgres_for(GetParam());
  RunningCentre centre("quotas", [&](centre::CentreConfig& config) {
    if (postgres) config.database_url = postgres->url();
    config.quotas.max_pages_per_submission = 3;
    config.quotas.max_submission_bytes = 1300;
    config.quotas.max_pending_uploads = 4;
    config.quotas.max_pending_bytes = 1500;
  });
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  const auto post = [&](const Submission& submission, const std::string& key) {
    auto response = http.send({Method::Post,
                               centre.server->base_url() + "/v1/applications",
                               {{"Idempotency-Key", key}},
                               bytes_of(to_json(submission))});
    EXPECT_TRUE(response.ok());
    return response ? std::move(response).value() : HttpResponse{};
  };
  const auto too_many_pages = post(submission_of(kTestTerminal, test_tracking_code(1), 4, 10), "q1");
  EXPECT_EQ(too_many_pages.status, 413);
  EXPECT_EQ(json_of(too_many_pages)["reason"], "pages_per_submission");
  const auto too_many_bytes = post(submission_of(kTestTerminal, test_tracking_code(2), 2, 700), "q2");
  EXPECT_EQ(too_many_bytes.status, 413);
  EXPECT_EQ(json_of(too_many_bytes)["reason"], "submission_bytes");

  // Pending: 3 uploads of 400 bytes are fine (1,200 bytes); one more page of 400 passes the
  // byte quota (1,600 > 1,500): 429. Then 2 small pages pass the count (3 + 2 > 4): 429.
  ASSERT_EQ(post(submission_of(kTestTerminal, test_tracking_code(3), 3, 400), "q3").status, 201);
  const auto pending_bytes = post(submission_of(kTestTerminal, test_tracking_code(4), 1, 400), "q4");
  EXPECT_EQ(pending_bytes.status, 429);
  EXPECT_EQ(json_of(pending_bytes)["reason"], "pending_bytes");
  const auto pending_uploads = post(submission_of(kTestTerminal, test_tracking_code(5), 2, 10), "q5");
  EXPECT_EQ(pending_uploads.status, 429);
  EXPECT_EQ(json_of(pending_uploads)["reason"], "pending_uploads");
  EXPECT_FALSE(pending_uploads.headers.at("retry-after").empty());
  EXPECT_EQ(centre.server->storage().counts()->applications, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Quotas, ::testing::Values(false, true), backend_name);

}  // namespace
}  // namespace pk::sync::test
