// What the centre reads from a request before it acts on it, through the shared field reader:
// a terminal's heartbeat and the staff console's request bodies. A bad field is named by its
// path in the same words as every other reader, with kind Malformed (a heartbeat) or a 400 that
// says it (the console).
#include <gtest/gtest.h>
#include <httplib.h>

#include "centre/request_reading.h"
#include "centre/staff/staff_request_body.h"

namespace pk::centre {
namespace {

TEST(RequestReading, AHeartbeatNamesItsBadField) {
  auto good =
      read_heartbeat_body(R"({"version":1,"terminal_id":"KSK7","pending_outbox":-1,"software":"0.1"})");
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->terminal_id, "KSK7");
  EXPECT_EQ(good->pending_outbox, -1);
  EXPECT_EQ(good->software, "0.1");
  // A software version out of shape is left out, never a refusal.
  auto odd_software = read_heartbeat_body(R"({"terminal_id":"KSK7","pending_outbox":0,"software":5})");
  ASSERT_TRUE(odd_software.ok()) << odd_software.error().message;
  EXPECT_EQ(odd_software->software, "");
  const std::pair<const char*, const char*> cases[] = {
      {R"({"pending_outbox":0})", "heartbeat: field \"terminal_id\": is missing"},
      {R"({"terminal_id":7,"pending_outbox":0})",
       "heartbeat: field \"terminal_id\": must be a string, not the number 7"},
      {R"({"terminal_id":"KSK7","pending_outbox":-2})",
       "heartbeat: field \"pending_outbox\": must be an integer >= -1, not -2"},
      {R"({"terminal_id":"KSK7","pending_outbox":1.5})",
       "heartbeat: field \"pending_outbox\": must be an integer >= -1, not the number 1.5"},
      {"[1]", "heartbeat: not a JSON object"},
  };
  for (const auto& [body, message] : cases) {
    auto read = read_heartbeat_body(body);
    ASSERT_FALSE(read.ok()) << body;
    EXPECT_EQ(read.error().message, message);
    EXPECT_EQ(read.error().kind, ErrorKind::Malformed);
  }
}

TEST(RequestReading, AConsoleFieldOfTheWrongTypeIsRefusedByItsName) {
  {
    const StaffRequestBody body(R"({"username":"admin","note":null})");
    httplib::Response response;
    EXPECT_FALSE(body.refused(response));
    EXPECT_EQ(body.text("username"), "admin");
    EXPECT_EQ(body.text("note"), "") << "null reads as left out";
    EXPECT_EQ(body.text("office"), "") << "a form leaves a blank field out; the route names it";
    EXPECT_FALSE(body.refused(response));
  }
  {
    const StaffRequestBody body(R"({"username":5,"password":"x"})");
    httplib::Response response;
    EXPECT_FALSE(body.refused(response));
    (void)body.text("username");
    EXPECT_EQ(body.text("password"), "") << "after the first problem, reads are no-ops";
    ASSERT_TRUE(body.refused(response));
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find(R"(request: field \"username\": must be a string, not the number 5)"),
              std::string::npos)
        << response.body;
  }
  {
    const StaffRequestBody body(R"({"starts_unix":-5})");
    httplib::Response response;
    EXPECT_FALSE(body.integer("starts_unix", fields::Range{0, 100}).has_value());
    ASSERT_TRUE(body.refused(response));
    EXPECT_NE(response.body.find("must be an integer between 0 and 100, not -5"), std::string::npos)
        << response.body;
  }
  for (const char* not_an_object : {"", "[]", "\"x\"", "{"}) {
    const StaffRequestBody body(not_an_object);
    httplib::Response response;
    ASSERT_TRUE(body.refused(response)) << not_an_object;
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("the request is not a JSON object"), std::string::npos) << response.body;
  }
}

}  // namespace
}  // namespace pk::centre
