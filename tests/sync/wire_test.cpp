// Unit tests of the pieces without a network: wire parsers, tus headers, backoff.
#include <gtest/gtest.h>

#include "protocol/encoding.h"
#include "protocol/enrollment_wire.h"
#include "protocol/tus_headers.h"
#include "protocol/wire.h"
#include "sync/backoff.h"
#include "sync/centre_replies.h"

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

// Every reader of outside input words a bad field alike (the shared field reader): the
// document, the field by its name, what it must be and what came; kind Malformed.
std::string enroll_reply_with(std::string_view replaced, std::string_view by) {
  enroll::EnrollReply reply{"KSK7",
                            "A",
                            7,
                            "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n",
                            "-----BEGIN CERTIFICATE-----\ny\n-----END CERTIFICATE-----\n",
                            std::string(43, 'A') + "=",
                            std::string(64, 'a')};
  std::string text = enroll::to_json(reply);
  if (const auto at = text.find(replaced); at != std::string::npos) text.replace(at, replaced.size(), by);
  return text;
}

TEST(Wire, EnrollmentDocumentsNameTheBadFieldByItsPath) {
  auto good = enroll::parse_enroll_reply(enroll_reply_with("", ""));
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->terminal_number, 7);
  const std::pair<std::string, std::string> cases[] = {
      {"\"terminal_number\":7",
       "enrollment reply: field \"terminal_number\": must be an integer between 1 and 9999, not 0"},
      {"\"office\":\"A\"", "enrollment reply: field \"office\": is missing"},
      {"\"version\":1", "enrollment reply: field \"version\": must be 1, not 2"},
      {"\"seal_public_key_hex\":\"" + std::string(64, 'a') + "\"",
       "enrollment reply: field \"seal_public_key_hex\": must be a string, not the number 5"},
      {"\"terminal_id\":\"KSK7\"",
       "enrollment reply: field \"terminal_id\": must hold no control character or slash"},
  };
  const std::string replacements[] = {"\"terminal_number\":0", "\"bureau\":\"A\"", "\"version\":2",
                                      "\"seal_public_key_hex\":5", "\"terminal_id\":\"../x\""};
  for (size_t i = 0; i < std::size(cases); ++i) {
    const std::string text = enroll_reply_with(cases[i].first, replacements[i]);
    auto parsed = enroll::parse_enroll_reply(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().message, cases[i].second) << text;
    EXPECT_EQ(parsed.error().kind, ErrorKind::Malformed);
  }
  auto request = enroll::parse_enroll_request(R"({"version":1,"code":"ABCD","csr_pem":5})");
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().message,
            "enrollment request: field \"csr_pem\": must be a string, not the number 5");
  EXPECT_EQ(request.error().kind, ErrorKind::Malformed);
  request = enroll::parse_enroll_request(R"({"version":1,"code":"  ","csr_pem":"x"})");
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().message, "enrollment request: field \"code\": must not be empty");
}

TEST(Wire, TheHeartbeatReplyNamesItsBadField) {
  auto time = parse_heartbeat_reply(R"({"version":1,"server_time_unix":1790000000})");
  ASSERT_TRUE(time.ok()) << time.error().message;
  EXPECT_EQ(*time, 1'790'000'000);
  auto bad = parse_heartbeat_reply(R"({"server_time_unix":"soon"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(
      bad.error().message,
      "heartbeat reply: field \"server_time_unix\": must be an integer between 0 and 1099511627776, not a "
      "string");
  EXPECT_EQ(bad.error().kind, ErrorKind::Malformed);
  bad = parse_heartbeat_reply("{}");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "heartbeat reply: field \"server_time_unix\": is missing");
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
