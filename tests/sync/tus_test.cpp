// tus 1.0 on both sides: the centre's server and the terminal's client, over loopback.
#include <gtest/gtest.h>

#include <random>

#include "protocol/encoding.h"
#include "sync/tus_client.h"
#include "tests/offline-store/store_test_support.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
const std::pair<std::string, std::string> kTus{"Tus-Resumable", "1.0.0"};

TEST(TusServer, CoreCreationChecksumTermination) {
  RunningCentre centre("tus-core");
  ASSERT_TRUE(centre.server);
  const std::string base = centre.server->base_url();
  HttpClient http(centre.http);

  auto options = http.send({Method::Options, base + "/v1/uploads", {}, {}});
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(*options->header("tus-version"), "1.0.0");
  EXPECT_NE(options->header("tus-extension")->find("checksum"), std::string::npos);

  // Wrong protocol version: 412 with the versions we speak.
  auto wrong = http.send(
      {Method::Post, base + "/v1/uploads", {{"Tus-Resumable", "0.2.2"}, {"Upload-Length", "10"}}, {}});
  EXPECT_EQ(wrong->status, 412);
  EXPECT_EQ(*wrong->header("tus-version"), "1.0.0");

  auto created =
      http.send({Method::Post,
                 base + "/v1/uploads",
                 {kTus, {"Upload-Length", "6"}, {"Upload-Metadata", tus::metadata_header({{"name", "p1"}})}},
                 {}});
  ASSERT_EQ(created->status, 201);
  const std::string location = *created->header("location");
  EXPECT_EQ(*created->header("tus-resumable"), "1.0.0");

  const std::string part1 = "abc";
  auto patch = [&](const std::string& offset, const std::string& body, const std::string& checksum) {
    Headers headers{kTus, {"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", offset}};
    if (!checksum.empty()) headers.emplace_back("Upload-Checksum", checksum);
    return http.send({Method::Patch, base + location, headers, as_bytes(body)}).value();
  };
  EXPECT_EQ(patch("0", part1, tus::checksum_header(sha256(as_bytes("xyz")))).status, 460);
  EXPECT_EQ(patch("1", part1, "").status, 409);
  auto ok = patch("0", part1, tus::checksum_header(sha256(as_bytes(part1))));
  EXPECT_EQ(ok.status, 204);
  EXPECT_EQ(*ok.header("upload-offset"), "3");
  EXPECT_EQ(patch("3", "defg", "").status, 413);  // past Upload-Length

  auto head = http.send({Method::Head, base + location, {kTus}, {}});
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(*head->header("upload-offset"), "3");
  EXPECT_EQ(*head->header("upload-length"), "6");
  EXPECT_EQ(*head->header("cache-control"), "no-store");

  EXPECT_EQ(http.send({Method::Delete, base + location, {kTus}, {}})->status, 204);
  EXPECT_EQ(http.send({Method::Head, base + location, {kTus}, {}})->status, 404);
}

TEST(TusClient, UploadsAndTheServerHoldsTheSameBytes) {
  RunningCentre centre("tus-client");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  TusClient tus(http, centre.server->base_url(), {1000, 3});
  const std::vector<uint8_t> content = store::test::random_page(10'500);
  auto path = tus.create(static_cast<int64_t>(content.size()), {{"kind", "page"}});
  ASSERT_TRUE(path.ok()) << path.error().message;
  auto report = tus.upload(*path, content);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->chunks_sent, 11);
  EXPECT_EQ(report->bytes_sent, 10'500);
  auto stored = centre.server->storage().read_upload(path->substr(path->rfind('/') + 1));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(sha256(*stored), sha256(content));
  // Uploading again sends nothing: the server already has every byte.
  auto again = tus.upload(*path, content);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->bytes_sent, 0);
  EXPECT_TRUE(tus.terminate(*path).ok());
}

// upload_from() trusts the offset it is given (no HEAD); given a stale one, the centre refuses
// the PATCH with 409 and the client asks where the upload stands, losing nothing.
TEST(TusClient, UploadFromAKnownOffsetSkipsTheHeadAndRecoversFromAStaleOne) {
  RunningCentre centre("tus-known-offset");
  ASSERT_TRUE(centre.server);
  HttpClient http(centre.http);
  TusClient tus(http, centre.server->base_url(), {1000, 3});
  const std::vector<uint8_t> content = store::test::random_page(4'200);
  auto path = tus.create(static_cast<int64_t>(content.size()));
  ASSERT_TRUE(path.ok()) << path.error().message;

  auto fresh = tus.upload_from(*path, std::span(content).first(2'000), 0);  // a first part, as if cut
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(fresh->chunks_sent, 2);
  EXPECT_EQ(fresh->failures, 0);

  // The caller still believes offset 0: one refused PATCH, then the HEAD's 2,000.
  auto stale = tus.upload_from(*path, content, 0);
  ASSERT_TRUE(stale.ok()) << stale.error().message;
  EXPECT_EQ(stale->failures, 1);
  EXPECT_EQ(stale->bytes_sent, 1'000 + 2'200);  // the refused chunk, then the rest
  auto stored = centre.server->storage().read_upload(path->substr(path->rfind('/') + 1));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(sha256(*stored), sha256(content));
}

// Connections cut at random bytes of the request: each upload() resumes from the server's
// offset, and no cut costs more than the one chunk that was in flight.
TEST(TusClient, ResumesAfterCutsAtRandomBytesResendingAtMostOneChunkPerCut) {
  RunningCentre centre("tus-cuts");
  ASSERT_TRUE(centre.server);
  std::mt19937 random(20251124);
  constexpr size_t kChunk = 16 * 1024;
  FaultProxy proxy(centre.server->port(), [&] {
    // Past the first requests' headers and into the chunk bodies.
    return Fault{FaultKind::CutRequest, std::uniform_int_distribution<size_t>(1, 3 * kChunk)(random), {}};
  });
  const std::string via_proxy = centre.url(proxy.port());
  const std::vector<uint8_t> content = store::test::random_page(300 * 1024 + 77);

  HttpClient direct_http(centre.http);
  TusClient direct(direct_http, centre.server->base_url());
  auto path = direct.create(static_cast<int64_t>(content.size()));
  ASSERT_TRUE(path.ok());

  HttpOptions quick = centre.http;
  quick.total_timeout = std::chrono::milliseconds(5'000);
  HttpClient http(quick);
  TusClient tus(http, via_proxy, {kChunk, 1000});
  auto report = tus.upload(*path, content);  // retries inside: up to 1000 consecutive failures
  ASSERT_TRUE(report.ok()) << report.error().message;
  const int64_t sent = report->bytes_sent;
  auto stored = centre.server->storage().read_upload(path->substr(path->rfind('/') + 1));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(sha256(*stored), sha256(content));
  const int cuts = proxy.faults_fired();
  EXPECT_GT(cuts, 5);
  EXPECT_LE(sent,
            static_cast<int64_t>(content.size()) + static_cast<int64_t>(cuts) * static_cast<int64_t>(kChunk));
}

}  // namespace
}  // namespace pk::sync::test
