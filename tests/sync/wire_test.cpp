// Unit tests of the pieces without a network: wire parsers, tus headers, backoff.
#include <gtest/gtest.h>

#include "protocol/encoding.h"
#include "protocol/tus_headers.h"
#include "protocol/wire.h"
#include "sync/backoff.h"

namespace pk::sync {
namespace {

TEST(TusHeaders, ParsesAndRefuses) {
  EXPECT_EQ(*tus::parse_length("1234"), 1234);
  EXPECT_FALSE(tus::parse_length("").ok());
  EXPECT_FALSE(tus::parse_length("-1").ok());
  EXPECT_FALSE(tus::parse_length("12a").ok());
  EXPECT_FALSE(tus::parse_length("99999999999999999999").ok());
  const Digest digest = sha256(as_bytes("hello"));
  EXPECT_EQ(*tus::parse_checksum(tus::checksum_header(digest)), digest);
  EXPECT_FALSE(tus::parse_checksum("md5 AAAA").ok());
  EXPECT_FALSE(tus::parse_checksum("sha256 AAAA").ok());  // not 32 bytes
  auto metadata = tus::parse_metadata(tus::metadata_header({{"filename", "page 1.jpg"}, {"empty", ""}}));
  ASSERT_TRUE(metadata.ok());
  EXPECT_EQ(metadata->at("filename"), "page 1.jpg");
  EXPECT_EQ(metadata->at("empty"), "");
  EXPECT_FALSE(tus::parse_metadata("a !!!").ok());
  EXPECT_FALSE(tus::parse_metadata("a,a").ok());
}

TEST(Wire, StatusRoundTripsAndGarbageIsRefused) {
  ApplicationStatus status{"KSK7-1",
                           CentreStatus::Received,
                           {{0, "/v1/uploads/abc", 10, 10, std::string(64, 'a'), true}},
                           std::nullopt};
  auto parsed = parse_application_status(to_json(status));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, status);
  for (
      const char* bad :
      {"", "garbage", "{\"version\":1", "[]", "{\"version\":2}",
       R"({"version":1,"tracking_code":"A","status":"bogus","pages":[]})",
       R"({"version":1,"tracking_code":"A","status":"received","pages":[{"index":0}]})",
       R"({"version":1,"tracking_code":"A","status":"received","pages":[{"index":0,"upload":"http://evil/x","sealed_size":1,"received":1,"sealed_sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","complete":true}]})"}) {
    EXPECT_FALSE(parse_application_status(bad).ok()) << bad;
  }
}

TEST(Wire, SubmissionRoundTrips) {
  Submission submission{"KSK7-2",
                        "application",
                        3,
                        "kiosk",
                        "KSK7",
                        std::nullopt,
                        1'700'000'000,
                        to_base64(as_bytes("x")),
                        {{"passport", 1, "image/jpeg", 5, 53, std::string(64, 'b')}}};
  auto parsed = parse_submission(to_json(submission));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, submission);
  submission.kind = "other";
  auto refused = parse_submission(to_json(submission));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("kind"), std::string::npos);
}

TEST(Backoff, GrowsExponentiallyWithJitterUpToTheMaximum) {
  Backoff backoff({std::chrono::milliseconds(1000), std::chrono::milliseconds(30'000)}, 42);
  for (int64_t attempts = 1; attempts <= 10; ++attempts) {
    const int64_t ceiling = std::min<int64_t>(30'000, 1000LL << (attempts - 1));
    for (int i = 0; i < 50; ++i) {
      const auto delay = backoff.delay_after(attempts).count();
      EXPECT_GE(delay, ceiling / 2);
      EXPECT_LE(delay, ceiling);
    }
  }
  // Jitter: not every delay is the same.
  std::set<int64_t> seen;
  for (int i = 0; i < 20; ++i) seen.insert(backoff.delay_after(5).count());
  EXPECT_GT(seen.size(), 5u);
}

}  // namespace
}  // namespace pk::sync
