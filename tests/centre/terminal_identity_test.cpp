// Who a terminal is, at the centre, is its client certificate: /v1/heartbeat and /v1/ledger file
// what they get under the certificate's terminal, and a body that names another terminal is
// refused (403 with a reason) with nothing recorded for either. Two terminals, each enrolled
// for real with its own key and certificate.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "protocol/wire.h"
#include "sync/http_client.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

constexpr const char* kFirst = "SKO-TEST-0001";  // RunningCentre's own
constexpr const char* kSecond = "SKO-TEST-0002";

std::span<const uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

HttpResponse post(const HttpOptions& as, const std::string& url, const std::string& body) {
  HttpClient http(as);
  auto response = http.send({Method::Post, url, {{"Content-Type", "application/json"}}, bytes_of(body)});
  EXPECT_TRUE(response.ok()) << (response ? "" : response.error().message);
  return response ? std::move(response).value() : HttpResponse{};
}

std::string error_of(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  return body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "(no JSON reason)";
}

std::string ledger_body(const std::string& terminal) {
  LedgerUpload upload;
  upload.terminal_id = terminal;
  sla::OutageChange change;
  change.outage.id = 1;
  change.outage.cause = sla::OutageCause::PrinterDown;
  change.outage.services = sla::ServiceScope::all();
  change.outage.start_unix = 1'790'000'000;
  change.boot_id = "boot-1";
  change.started_monotonic_ms = 1'000;
  upload.changes.outages.push_back(change);
  return to_json(upload);
}

class TerminalIdentity : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_centre.server);
    m_second.tls = enroll_terminal(*m_centre.server, m_centre.dir.path() / "second", kSecond);
    ASSERT_FALSE(m_second.tls.client_cert_file.empty());
  }
  RunningCentre m_centre{"terminal-identity"};
  HttpOptions m_second;
};

}  // namespace

TEST_F(TerminalIdentity, AHeartbeatForAnotherTerminalIsRefused) {
  const std::string url = m_centre.server->base_url() + "/v1/heartbeat";
  const auto forged = post(m_second, url, R"({"terminal_id": "SKO-TEST-0001", "pending_outbox": 0})");
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(error_of(forged).find("is not this certificate's terminal (SKO-TEST-0002)"), std::string::npos)
      << forged.body;
  // Its own is taken.
  const auto own = post(m_second, url, R"({"terminal_id": "SKO-TEST-0002", "pending_outbox": 3})");
  EXPECT_EQ(own.status, 200) << own.body;
  const auto first = post(m_centre.http, url, R"({"terminal_id": "SKO-TEST-0001", "pending_outbox": 0})");
  EXPECT_EQ(first.status, 200) << first.body;
}

TEST_F(TerminalIdentity, LedgerRowsForAnotherTerminalAreRefusedAndNothingIsStored) {
  const std::string url = m_centre.server->base_url() + "/v1/ledger";
  const auto forged = post(m_second, url, ledger_body(kFirst));
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(error_of(forged).find("ledger: terminal_id \"SKO-TEST-0001\" is not this certificate's terminal"),
            std::string::npos)
      << forged.body;
  auto ledgers = m_centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  EXPECT_TRUE(ledgers->empty()) << "nothing filed for either terminal";

  // Each terminal's own rows go under its own name.
  EXPECT_EQ(post(m_second, url, ledger_body(kSecond)).status, 200);
  EXPECT_EQ(post(m_centre.http, url, ledger_body(kFirst)).status, 200);
  ledgers = m_centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  ASSERT_EQ(ledgers->size(), 2U);
  EXPECT_EQ((*ledgers)[0].terminal_id, kFirst);
  EXPECT_EQ((*ledgers)[1].terminal_id, kSecond);
  EXPECT_EQ((*ledgers)[1].snapshot.outages.size(), 1U);
}

// Without a certificate nothing gets in, whatever the body says.
TEST_F(TerminalIdentity, NoCertificateNoHeartbeat) {
  HttpOptions anonymous;
  anonymous.tls.ca_file = m_centre.http.tls.ca_file;
  const auto response = post(anonymous, m_centre.server->base_url() + "/v1/heartbeat",
                             R"({"terminal_id": "SKO-TEST-0001", "pending_outbox": 0})");
  EXPECT_EQ(response.status, 403);
}

}  // namespace pk::sync::test
