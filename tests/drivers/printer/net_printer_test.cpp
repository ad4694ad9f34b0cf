#include <gtest/gtest.h>

#include <chrono>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/net_printer.h"
#include "fake_printer_server.h"
#include "test_images.h"

namespace pk {
namespace {

using namespace std::chrono_literals;
using test::FakePrinterServer;

NetPrinterConfig loopback(std::uint16_t port) {
  NetPrinterConfig config;
  config.host = "127.0.0.1";
  config.port = port;
  config.connect_timeout = 500ms;
  config.write_timeout = 300ms;
  config.read_timeout = 300ms;
  return config;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(NetPrinter, PrintsAJobTheServerCanDecode) {
  FakePrinterServer server(FakePrinterServer::Behaviour::Answer);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  const RasterImage image = test::noise_image(kDots80mm, 200, 42);
  ASSERT_TRUE(printer.print(PrintJob{{image, QrCode{"PK-77", 5, QrErrorCorrection::M}}}, Cut::Full).ok());
  // The status round trip after the job also proves every job byte arrived first (TCP order).
  auto status = printer.status();
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*status, PrinterStatus::Online);

  const auto received = server.received();
  const auto stream = escpos::decode(received);
  ASSERT_GE(stream.elements.size(), 2U);
  EXPECT_EQ(std::get<RasterImage>(stream.elements[0]), image);
  EXPECT_EQ(std::get<QrCode>(stream.elements[1]).data, "PK-77");
  EXPECT_EQ(stream.cuts.size(), 1U);
}

TEST(NetPrinter, ReadsEachStatusFromTheServer) {
  FakePrinterServer server(FakePrinterServer::Behaviour::Answer);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  server.set_reply({0x1A, 0x36, 0x12, 0x72});  // offline, cover open, paper end
  auto cover = printer.status();
  ASSERT_TRUE(cover.ok()) << cover.error().message;
  EXPECT_EQ(*cover, PrinterStatus::CoverOpen);
  server.set_reply({0x1A, 0x32, 0x12, 0x72});  // cover closed, still out of paper
  EXPECT_EQ(*printer.status(), PrinterStatus::PaperOut);
  server.set_reply({0x12, 0x12, 0x12, 0x1E});
  EXPECT_EQ(*printer.status(), PrinterStatus::PaperNearEnd);
  EXPECT_EQ(server.status_requests(), 12);
}

TEST(NetPrinter, GarbageStatusIsAnErrorNotAState) {
  FakePrinterServer server(FakePrinterServer::Behaviour::Answer);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  server.set_reply({0xFF, 0x12, 0x12, 0x12});
  auto status = printer.status();
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(contains(status.error().message, "not a status byte")) << status.error().message;
}

TEST(NetPrinter, SilentPrinterTimesOutWithAClearMessage) {
  FakePrinterServer server(FakePrinterServer::Behaviour::NeverAnswer);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  const auto start = std::chrono::steady_clock::now();
  auto status = printer.status();
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "printer at 127.0.0.1:" + std::to_string(server.port()) + " did not answer within 0.3 s");
  EXPECT_GE(waited, 290ms);
  EXPECT_LT(waited, 3s);
}

TEST(NetPrinter, PeerThatStopsReadingHitsTheWriteTimeout) {
  FakePrinterServer server(FakePrinterServer::Behaviour::StopReading);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  // Far more than loopback socket buffers hold (tcp_wmem max is 4 MiB by default).
  std::vector<std::uint8_t> big(24U << 20, 0x00);
  auto sent = printer.send(big);
  ASSERT_FALSE(sent.ok());
  EXPECT_TRUE(contains(sent.error().message, "did not take data within 0.3 s")) << sent.error().message;
  EXPECT_EQ(printer.state().connection, Connection::Closed);
}

TEST(NetPrinter, PeerThatClosesMidJobIsReported) {
  FakePrinterServer server(FakePrinterServer::Behaviour::CloseAfter, 10000);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.open().ok());
  std::vector<std::uint8_t> big(24U << 20, 0x00);
  auto sent = printer.send(big);
  ASSERT_FALSE(sent.ok());
  EXPECT_TRUE(contains(sent.error().message, "dropped the connection after")) << sent.error().message;
}

TEST(NetPrinter, ClosedPortIsAClearConnectError) {
  std::uint16_t port = 0;
  {
    FakePrinterServer server(FakePrinterServer::Behaviour::Answer);
    port = server.port();
  }  // the listening socket is closed here
  NetPrinter printer(loopback(port));
  auto opened = printer.open();
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message,
            "printer at 127.0.0.1:" + std::to_string(port) + " cannot connect: Connection refused");
  EXPECT_FALSE(printer.status().ok());
}

TEST(NetPrinter, ReconnectsAfterTheServerComesBack) {
  FakePrinterServer server(FakePrinterServer::Behaviour::Answer);
  NetPrinter printer(loopback(server.port()));
  ASSERT_TRUE(printer.status().ok()) << "status() connects on demand";
  EXPECT_EQ(printer.state().connection, Connection::Open);
}

TEST(NetPrinter, ConnectionStrings) {
  auto printer = NetPrinter::create("tcp:10.0.0.5");
  ASSERT_TRUE(printer.ok());
  EXPECT_EQ((*printer)->info().connection, "tcp:10.0.0.5:9100");
  EXPECT_EQ((*NetPrinter::create("tcp:printer.local:9101"))->info().connection, "tcp:printer.local:9101");
  EXPECT_FALSE(NetPrinter::create("tcp:10.0.0.5:0").ok());
  EXPECT_FALSE(NetPrinter::create("tcp:10.0.0.5:99999").ok());
  EXPECT_FALSE(NetPrinter::create("tcp:").ok());
  EXPECT_FALSE(NetPrinter::create("usb:1:2").ok());
}

}  // namespace
}  // namespace pk
