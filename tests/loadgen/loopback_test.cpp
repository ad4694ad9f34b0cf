#include "loadgen/loopback.h"

#include <gtest/gtest.h>

namespace pk::loadgen {
namespace {

TEST(LoopbackCentreUrl, TakesLoopbackAddressesAndNames) {
  for (const char* url : {"https://127.0.0.1:8470", "https://127.0.0.1:8470/", "https://127.9.8.7:1",
                          "https://localhost:443", "https://LOCALHOST:8443", "https://[::1]:8443",
                          "https://[::ffff:127.0.0.1]:8443", "HTTPS://127.0.0.1:65535"}) {
    auto parsed = parse_loopback_centre_url(url);
    EXPECT_TRUE(parsed.ok()) << url << ": " << (parsed ? "" : parsed.error().message);
  }
  auto parsed = parse_loopback_centre_url("https://127.0.0.1:8470/");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->base_url, "https://127.0.0.1:8470");
  EXPECT_EQ(parsed->port, 8470);
  EXPECT_EQ(parse_loopback_centre_url("https://localhost")->base_url, "https://localhost:443");
  EXPECT_EQ(parse_loopback_centre_url("https://[::1]:9000")->base_url, "https://[::1]:9000");
}

TEST(LoopbackCentreUrl, RefusesEverythingElseSayingWhy) {
  for (const char* url : {"https://192.0.2.1:8443", "https://10.0.0.1:8443", "https://centre.example:8470",
                          "https://128.0.0.1:8443", "https://0.0.0.0:8443", "https://[::2]:8443",
                          "https://[::ffff:10.0.0.1]:8443", "https://127.1:8443", "https://0x7f.0.0.1:8443",
                          "https://localhost.example.com:8443", "https://127.0.0.1.nip.io:8443"}) {
    auto parsed = parse_loopback_centre_url(url);
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_NE(parsed.error().message.find("not a loopback address"), std::string::npos)
        << parsed.error().message;
  }
  for (const char* url : {"http://127.0.0.1:8443", "ftp://127.0.0.1", "127.0.0.1:8443", "https://",
                          "https://user@127.0.0.1:8443", "https://evil.example@127.0.0.1:8443",
                          "https://127.0.0.1:8443/v1", "https://127.0.0.1:8443?x", "https://127.0.0.1:0",
                          "https://127.0.0.1:70000", "https://127.0.0.1:", "https://127.0.0.1:84x3",
                          "https://[::1:8443", "https://[::1]x", "https://127.0.0.1 :8443"}) {
    auto parsed = parse_loopback_centre_url(url);
    EXPECT_FALSE(parsed.ok()) << url;
    if (!parsed) {
      EXPECT_NE(parsed.error().message.find("only drives a centre on this machine"), std::string::npos);
    }
  }
}

TEST(LoopbackCentreUrl, UploadUrlsStayOnTheCentre) {
  const CentreAddress centre = *parse_loopback_centre_url("https://127.0.0.1:8470");
  EXPECT_EQ(*upload_url(centre, "/v1/uploads/0123"), "https://127.0.0.1:8470/v1/uploads/0123");
  EXPECT_EQ(*upload_url(centre, "https://127.0.0.1:9000/v1/uploads/0123"),
            "https://127.0.0.1:9000/v1/uploads/0123");
  EXPECT_FALSE(upload_url(centre, "https://centre.example/v1/uploads/0123").ok());
  EXPECT_FALSE(upload_url(centre, "//centre.example/v1/uploads/0123").ok());
  EXPECT_FALSE(upload_url(centre, "http://127.0.0.1:9000/v1/uploads/0123").ok());
  EXPECT_FALSE(upload_url(centre, "v1/uploads/0123").ok());
  EXPECT_FALSE(upload_url(centre, "/v1/uploads/0123 HTTP/1.1").ok());
}

}  // namespace
}  // namespace pk::loadgen
