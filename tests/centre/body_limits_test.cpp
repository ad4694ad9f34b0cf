// Bodies the centre would refuse are refused before they are read: a client announcing a
// 64 MiB enrollment request gets 413 at once, after sending only its header, and the centre
// has buffered nothing. Spoken over a raw TLS connection, as an attacker would.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>

#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

// Sends `head` (a request header, no body) over TLS to 127.0.0.1:port and returns what comes
// back within `wait`, or "" when nothing does.
std::string reply_to_header_only(int port, const std::string& head, std::chrono::milliseconds wait) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return {};
  }
  timeval timeout{static_cast<time_t>(wait.count() / 1000),
                  static_cast<suseconds_t>((wait.count() % 1000) * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(context.get()), SSL_free);
  SSL_set_fd(ssl.get(), fd);
  std::string reply;
  if (SSL_connect(ssl.get()) == 1 && SSL_write(ssl.get(), head.data(), static_cast<int>(head.size())) > 0) {
    // Until the whole reply is in (a JSON body after the header), or the wait is over.
    char buffer[4096];
    const auto whole = [&] { return reply.find("\r\n\r\n") != std::string::npos && reply.ends_with("}"); };
    for (int n = 0; !whole() && (n = SSL_read(ssl.get(), buffer, sizeof buffer)) > 0;)
      reply.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return reply;
}

TEST(BodyLimits, A64MiBEnrollmentIsRefusedFromItsHeaderAlone) {
  RunningCentre centre("body-limits");
  ASSERT_TRUE(centre.server);
  const auto started = std::chrono::steady_clock::now();
  const std::string reply =
      reply_to_header_only(centre.server->port(),
                           "POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: 67108864\r\n\r\n",
                           std::chrono::seconds(5));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("at most 32768"), std::string::npos) << reply;
}

TEST(BodyLimits, ALargeBodyWithoutACertificateIsRefusedBeforeReading) {
  RunningCentre centre("body-limits-anon");
  ASSERT_TRUE(centre.server);
  const std::string reply = reply_to_header_only(
      centre.server->port(),
      "PATCH /v1/uploads/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Tus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
      "Content-Length: 60000000\r\n\r\n",
      std::chrono::seconds(5));
  EXPECT_EQ(reply.rfind("HTTP/1.1 403", 0), 0u) << reply;
}

}  // namespace
}  // namespace pk::sync::test
