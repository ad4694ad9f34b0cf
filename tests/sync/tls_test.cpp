// Mutual TLS between the terminal and the real centre (issue 8.4): the centre refuses a
// terminal without a certificate, with one from another CA, and a revoked one (whose outbox
// keeps everything); the terminal refuses a centre whose certificate is not the enrolled one.
#include <gtest/gtest.h>

#include <ctime>

#include "base/atomic_file.h"
#include "centre/certificate_authority.h"
#include "protocol/enrollment_crypto.h"
#include "sync/sync_worker.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

Result<HttpResponse> get_health(const HttpOptions& options, const std::string& url) {
  HttpClient client(options);
  return client.send({Method::Get, url + "/v1/health", {}, {}});
}

TEST(MutualTls, TheCentreRefusesNoCertificateAndAForeignOne) {
  RunningCentre centre("tls-foreign");
  ASSERT_TRUE(centre.server);
  auto enrolled = get_health(centre.http, centre.url());
  ASSERT_TRUE(enrolled.ok()) << enrolled.error().message;
  EXPECT_EQ(enrolled->status, 200);

  HttpOptions anonymous;
  anonymous.tls.ca_file = centre.http.tls.ca_file;
  anonymous.tls.pinned_public_key = centre.http.tls.pinned_public_key;
  auto none = get_health(anonymous, centre.url());
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_EQ(none->status, 403);
  EXPECT_NE(none->body.find("no client certificate"), std::string::npos) << none->body;

  // A CA of our own making, and a certificate from it with the right terminal's name.
  auto foreign = centre::CertificateAuthority::load_or_create(centre.dir.path() / "foreign-ca", {});
  ASSERT_TRUE(foreign.ok()) << foreign.error().message;
  auto key = enroll::generate_key();
  ASSERT_TRUE(key.ok());
  auto csr =
      enroll::parse_certificate_request(*enroll::make_certificate_request(key->get(), "SKO-TEST-0001"));
  ASSERT_TRUE(csr.ok());
  auto cert = (*foreign)->issue_terminal_certificate(csr->get(), "SKO-TEST-0001", "A");
  ASSERT_TRUE(cert.ok());
  const auto cert_file = centre.dir.file("foreign.pem");
  const auto key_file = centre.dir.file("foreign.key");
  ASSERT_TRUE(write_file_atomically(cert_file, cert->pem, FileMode::Public).ok());
  ASSERT_TRUE(
      write_file_atomically(key_file, *enroll::private_key_to_pem(key->get()), FileMode::Private).ok());
  HttpOptions impostor = anonymous;
  impostor.tls.client_cert_file = cert_file.string();
  impostor.tls.client_key_file = key_file.string();
  auto refused = get_health(impostor, centre.url());
  ASSERT_TRUE(refused.ok()) << refused.error().message;
  EXPECT_EQ(refused->status, 403);
  EXPECT_NE(refused->body.find("not issued by this centre"), std::string::npos) << refused->body;
}

TEST(MutualTls, TheTerminalRefusesACentreWithAnotherCertificate) {
  RunningCentre centre("tls-ours");
  RunningCentre other("tls-theirs");
  ASSERT_TRUE(centre.server && other.server);
  // Our identity pointed at another centre: its certificate chains to another CA.
  auto wrong_ca = get_health(centre.http, other.url());
  ASSERT_FALSE(wrong_ca.ok());
  EXPECT_NE(wrong_ca.error().message.find("refused"), std::string::npos) << wrong_ca.error().message;

  // The right CA but a pin that is not the centre's key: refused before a byte is sent.
  HttpOptions wrong_pin = centre.http;
  wrong_pin.tls.pinned_public_key = other.server->certificate_authority().server_pin();
  auto pinned = get_health(wrong_pin, centre.url());
  ASSERT_FALSE(pinned.ok());
  EXPECT_NE(pinned.error().message.find("pinned key"), std::string::npos) << pinned.error().message;

  // The sync worker with that pin: a clear line in the outbox, and nothing leaves it.
  const auto store_file = centre.dir.file("terminal.sqlite");
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    (void)fill_store(**store, 2, 1, 2'000);
  }
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = centre.url();
  options.http = wrong_pin;
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually(
      [&] {
        const auto entries = undelivered(store_file);
        return entries.size() == 2 && entries[0].attempts >= 2;
      },
      std::chrono::seconds(20)));
  worker.stop();
  const auto entries = undelivered(store_file);
  ASSERT_EQ(entries.size(), 2u);
  ASSERT_TRUE(entries[0].last_error.has_value());
  EXPECT_NE(entries[0].last_error->find("pinned key"), std::string::npos) << *entries[0].last_error;
  auto counts = centre.server->storage().counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->applications, 0);
}

TEST(MutualTls, ARevokedTerminalIsRefusedAndItsOutboxKeepsEverything) {
  RunningCentre centre("tls-revoked");
  ASSERT_TRUE(centre.server);
  const auto store_file = centre.dir.file("terminal.sqlite");
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    (void)fill_store(**store, 1, 1, 2'000);
  }
  SyncOptions options;
  options.store_file = store_file;
  options.centre_url = centre.url();
  options.http = centre.http;
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  {
    SyncWorker worker(options);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(eventually([&] { return undelivered(store_file).empty(); }, std::chrono::seconds(20)));
    worker.stop();
  }

  // Revoked while the centre runs: refused within the revocation check interval.
  ASSERT_TRUE(centre.server->enrollment().revoke_terminal("SKO-TEST-0001", std::time(nullptr)).ok());
  ASSERT_TRUE(eventually(
      [&] {
        auto reply = get_health(centre.http, centre.url());
        return reply.ok() && reply->status == 403 && reply->body.find("revoked") != std::string::npos;
      },
      std::chrono::seconds(3)));
  {
    auto store = store::Store::open(store_file);
    ASSERT_TRUE(store.ok());
    (void)fill_store(**store, 2, 1, 2'000);
  }
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(
      eventually([&] { return !undelivered(store_file).empty() && undelivered(store_file)[0].attempts >= 1; },
                 std::chrono::seconds(20)));
  worker.stop();
  const auto entries = undelivered(store_file);
  EXPECT_EQ(entries.size(), 2u) << "nothing is dropped";
  ASSERT_TRUE(entries[0].last_error.has_value());
  EXPECT_NE(entries[0].last_error->find("revoked"), std::string::npos) << *entries[0].last_error;
  auto counts = centre.server->storage().counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->applications, 1);
}

}  // namespace
}  // namespace pk::sync::test
