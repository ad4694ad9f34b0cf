// The reference centre's /v1 API, spoken to over real HTTP on loopback.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "protocol/catalog_verifier.h"
#include "protocol/encoding.h"
#include "sync/centre_client.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

Submission sample_submission(const std::string& tracking_code) {
  Submission submission;
  submission.tracking_code = tracking_code;
  submission.kind = "application";
  submission.service_number = 3;
  submission.channel = "kiosk";
  submission.terminal_id = kTestTerminal;
  submission.created_at_unix = 1'732'500'000;
  submission.sealed_personal_base64 = to_base64(as_bytes("sealed"));
  submission.pages.push_back({"passport", 1, "image/jpeg", 10, 3, to_hex(sha256(as_bytes("abc")))});
  return submission;
}

HttpResponse post_submission(HttpClient& http, const std::string& base, const Submission& submission,
                             const std::string& key) {
  const std::string body = to_json(submission);
  auto response =
      http.send({Method::Post, base + "/v1/applications", {{"Idempotency-Key", key}}, as_bytes(body)});
  EXPECT_TRUE(response.ok());
  return response ? std::move(response).value() : HttpResponse{};
}

TEST(CentreApi, HealthHeartbeatAndEmptyNotices) {
  RunningCentre centre("api-health");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  auto health = http.send({Method::Get, centre.server->base_url() + "/v1/health", {}, {}});
  ASSERT_TRUE(health.ok());
  EXPECT_EQ(health->status, 200);
  EXPECT_NE(health->body.find("\"ok\""), std::string::npos);

  CentreClient client(http, centre.server->base_url());
  auto beat = client.heartbeat("SKO-TEST-0001", 4);  // the certificate's terminal (the fixture's)
  ASSERT_TRUE(beat.ok()) << beat.error().message;
  EXPECT_GT(*beat, 1'700'000'000);
  auto notices = client.notices();
  ASSERT_TRUE(notices.ok()) << notices.error().message;
  EXPECT_TRUE(notices->empty());

  const OutageNotice notice{"n1",
                            100,
                            500,
                            900,
                            sla::ServiceScope::only({3, 7}),
                            "نگهداری برنامه‌ریزی‌شده",
                            "Planned maintenance"};
  ASSERT_TRUE(centre.server->storage().add_notice(notice).ok());
  notices = client.notices();
  ASSERT_TRUE(notices.ok());
  ASSERT_EQ(notices->size(), 1u);
  EXPECT_EQ((*notices)[0], notice);
  // A notice the terminals would refuse is not published at all.
  EXPECT_FALSE(
      centre.server->storage().add_notice({"n2", 100, 900, 500, sla::ServiceScope::all(), "x", ""}).ok());
}

TEST(CentreApi, SameIdempotencyKeyReturnsTheFirstResultAndStoresOnce) {
  RunningCentre centre("api-idem");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  const std::string base = centre.server->base_url();
  const Submission submission = sample_submission(test_tracking_code(1));
  const HttpResponse first = post_submission(http, base, submission, "key-1");
  const HttpResponse second = post_submission(http, base, submission, "key-1");
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(centre.server->storage().counts()->applications, 1);
  EXPECT_EQ(centre.server->storage().counts()->uploads, 1);

  Submission changed = submission;
  changed.service_number = 4;
  EXPECT_EQ(post_submission(http, base, changed, "key-1").status, 422);
  EXPECT_EQ(post_submission(http, base, changed, "key-2").status, 409);  // same tracking code, other body
  EXPECT_EQ(centre.server->storage().counts()->applications, 1);
}

TEST(CentreApi, RefusesMalformedSubmissions) {
  RunningCentre centre("api-bad");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  const std::string url = centre.server->base_url() + "/v1/applications";
  const std::string good = to_json(sample_submission(test_tracking_code(2)));
  EXPECT_EQ(http.send({Method::Post, url, {}, as_bytes(good)})->status, 400);  // no key
  EXPECT_EQ(http.send({Method::Post, url, {{"Idempotency-Key", "k"}}, as_bytes("{\"version\":1")})->status,
            400);
  EXPECT_EQ(
      http.send({Method::Post, url, {{"Idempotency-Key", "k"}, {"Digest", "sha-256=AAAA"}}, as_bytes(good)})
          ->status,
      400);
  EXPECT_EQ(centre.server->storage().counts()->applications, 0);
}

TEST(CentreApi, StatusByTrackingCode) {
  RunningCentre centre("api-status");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  CentreClient client(http, centre.server->base_url());
  auto missing = client.status(test_tracking_code(9));
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, pk::ErrorKind::Refused);
  EXPECT_FALSE(retry_can_help(missing.error()));
  auto submitted = client.submit(sample_submission(test_tracking_code(9)), "key-9");
  ASSERT_TRUE(submitted.ok()) << submitted.error().message;
  auto status = client.status(test_tracking_code(9));
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->status, CentreStatus::Receiving);
  ASSERT_EQ(status->pages.size(), 1u);
  EXPECT_FALSE(status->pages[0].complete);
}

class CatalogTest : public ::testing::Test {
 protected:
  RunningCentre centre{"api-catalog"};
  HttpClient http{centre.http};
};

TEST_F(CatalogTest, SignedCatalogVerifiesAndIsNewerThanNothing) {
  ASSERT_TRUE(centre.server);
  CentreClient client(http, centre.server->base_url());
  auto signed_catalog = client.catalog();
  ASSERT_TRUE(signed_catalog.ok()) << signed_catalog.error().message;
  auto accepted = accept_catalog(signed_catalog->text, signed_catalog->signature_base64,
                                 centre.server->signing_key().public_key(), 0);
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_GT(accepted->version, 0);

  // The same, validly signed catalog is refused when it is not newer than the one in use.
  auto replay = accept_catalog(signed_catalog->text, signed_catalog->signature_base64,
                               centre.server->signing_key().public_key(), accepted->version);
  ASSERT_FALSE(replay.ok());
  EXPECT_NE(replay.error().message.find("not newer"), std::string::npos);
}

TEST_F(CatalogTest, TamperedCatalogOrForeignKeyIsRefused) {
  ASSERT_TRUE(centre.server);
  CentreClient client(http, centre.server->base_url());
  auto signed_catalog = client.catalog();
  ASSERT_TRUE(signed_catalog.ok());
  std::string tampered = signed_catalog->text;
  tampered[tampered.size() / 2] ^= 0x01;
  auto refused = accept_catalog(tampered, signed_catalog->signature_base64,
                                centre.server->signing_key().public_key(), 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("does not verify"), std::string::npos);

  SigningPublicKey other = centre.server->signing_key().public_key();
  other[0] ^= 0xff;
  EXPECT_FALSE(accept_catalog(signed_catalog->text, signed_catalog->signature_base64, other, 0).ok());
  EXPECT_FALSE(
      accept_catalog(signed_catalog->text, "not base64!", centre.server->signing_key().public_key(), 0).ok());
}

TEST(CentreSigningKey, IsKeptAcrossRestarts) {
  TempDir dir("signing-key");
  auto first = centre::SigningKey::create(dir.file("key"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = centre::SigningKey::load(dir.file("key"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  // Never replaced: a second create is refused, and the key is unchanged.
  EXPECT_FALSE(centre::SigningKey::create(dir.file("key")).ok());
  EXPECT_EQ(first->public_key(), second->public_key());
  EXPECT_EQ(std::filesystem::status(dir.file("key")).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace
}  // namespace pk::sync::test
