// What the terminal's provisioning reads from the centre and from its own identity file,
// through the shared field reader: a refusal out of shape still refuses (its status says it), an
// upload counts only with a receipt for the very bytes, and a damaged identity names its field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "provisioning/centre_replies.h"
#include "provisioning/terminal_identity.h"

namespace pk::provisioning {
namespace {

TEST(CentreReplies, AnEnrollmentRefusalKeepsItsWordsOrFallsBackToTheStatus) {
  auto said = read_enroll_refusal(409, R"({"error":"this code is used","reason":"used_code"})");
  EXPECT_EQ(said.failure, EnrollFailure::UsedCode);
  EXPECT_EQ(said.message, "this code is used");
  // An "error" of the wrong type, a blank one, or no object at all: the status is the message.
  for (const char* body : {R"({"error":5,"reason":"used_code"})", R"({"error":"  "})", "[]", "", "{"}) {
    auto refusal = read_enroll_refusal(403, body);
    EXPECT_EQ(refusal.message, "the centre answered HTTP 403") << body;
    EXPECT_EQ(refusal.failure, EnrollFailure::Refused) << body;
  }
  // A reason of the wrong type: the words are kept, the reason is a bad request's.
  auto odd_reason = read_enroll_refusal(400, R"({"error":"no","reason":7})");
  EXPECT_EQ(odd_reason.message, "no");
  EXPECT_EQ(odd_reason.failure, EnrollFailure::Refused);
  EXPECT_EQ(read_enroll_refusal(503, R"({"error":"busy"})").failure, EnrollFailure::CentreUnreachable);
}

TEST(CentreReplies, AnUploadReplyWithoutAReceiptNamesTheField) {
  const std::string sha(64, 'a');
  auto sent = read_upload_reply(201, R"({"receipt_id":"DG-000001","sha256":")" + sha + "\"}", sha);
  EXPECT_TRUE(sent.ok()) << sent.detail;
  EXPECT_EQ(sent.receipt_id, "DG-000001");
  auto no_receipt = read_upload_reply(201, R"({"sha256":")" + sha + "\"}", sha);
  EXPECT_FALSE(no_receipt.ok());
  EXPECT_EQ(no_receipt.detail,
            "the centre's reply has no receipt (HTTP 201): upload reply: field \"receipt_id\": is missing");
  auto mistyped = read_upload_reply(200, R"({"receipt_id":"DG-1","sha256":42})", sha);
  EXPECT_EQ(
      mistyped.detail,
      "the centre's reply has no receipt (HTTP 200): upload reply: field \"sha256\": must be a string, not "
      "the number 42");
  EXPECT_EQ(read_upload_reply(200, "not json", sha).detail,
            "the centre's reply has no receipt (HTTP 200): not JSON");
  auto other = read_upload_reply(200, R"({"receipt_id":"DG-1","sha256":"bb"})", sha);
  EXPECT_EQ(other.detail, "the centre acknowledged other bytes (SHA-256 bb)");
  EXPECT_EQ(read_upload_reply(413, R"({"error":"too large"})", sha).detail, "too large");
  EXPECT_EQ(read_upload_reply(413, R"({"error":["too large"]})", sha).detail, "HTTP 413");
}

TEST(CentreReplies, ADamagedIdentityNamesItsFieldAndIsMalformed) {
  const std::filesystem::path data = std::filesystem::path(::testing::TempDir()) / "identity-fields";
  std::filesystem::remove_all(data);
  ASSERT_TRUE(make_keys_dir(data));
  std::ofstream(keys_dir(data) / "identity.json")
      << R"({"terminal_id":"KSK7","office":"A","terminal_number":0,"centre_url":"https://c",)"
      << R"("centre_pin":"sha256//x","catalog_public_key":"k","enrolled_unix":1})";
  auto loaded = load_identity(data);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            (keys_dir(data) / "identity.json").string() +
                ": field \"terminal_number\": must be an integer between 1 and 9999, not "
                "0: enroll this terminal again");
  EXPECT_EQ(loaded.error().kind, ErrorKind::Malformed);
  std::ofstream(keys_dir(data) / "identity.json") << R"({"terminal_id":"KSK7"})";
  loaded = load_identity(data);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("field \"office\": is missing"), std::string::npos)
      << loaded.error().message;
  std::filesystem::remove_all(data);
}

}  // namespace
}  // namespace pk::provisioning
