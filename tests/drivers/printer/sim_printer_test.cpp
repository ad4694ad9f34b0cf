#define ZX_USE_UTF8 1
#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include <fstream>

#include "base/png_io.h"
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/sim_printer.h"
#include "test_images.h"

namespace pk {
namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::path(PK_TEST_BINARY_DIR) / "sim_printer" / name;
  std::filesystem::remove_all(dir);
  return dir;
}

std::unique_ptr<SimPrinter> open_sim(const std::filesystem::path& dir, int width = kDots80mm) {
  auto printer = SimPrinter::create("sim:" + dir.string() + "?width=" + std::to_string(width));
  EXPECT_TRUE(printer.ok());
  EXPECT_TRUE((*printer)->open().ok());
  return std::move(printer).value();
}

std::vector<std::string> decode_all(const RasterImage& paper) {
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(paper.width()) * paper.height());
  for (int y = 0; y < paper.height(); ++y) {
    for (int x = 0; x < paper.width(); ++x)
      gray[static_cast<std::size_t>(y) * paper.width() + x] = paper.dot(x, y) ? 0 : 255;
  }
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128);
  std::vector<std::string> texts;
  for (const auto& found :
       ZXing::ReadBarcodes({gray.data(), paper.width(), paper.height(), ZXing::ImageFormat::Lum}, hints)) {
    texts.push_back(found.text());
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

class SimPrinterWidths : public ::testing::TestWithParam<int> {};

TEST_P(SimPrinterWidths, WritesTheStreamAndAPngOfThePaper) {
  const int width = GetParam();
  const auto dir = fresh_dir("receipt-" + std::to_string(width));
  auto printer = open_sim(dir, width);
  const RasterImage header = test::framed_image(width, 120);
  PrintJob job{{header, Feed{20}, QrCode{"PK-1403-000123", 6, QrErrorCorrection::M},
                Code128{"14030000123456", 2, 80}}};
  ASSERT_TRUE(printer->print(job, Cut::Full).ok());
  EXPECT_EQ(printer->jobs_completed(), 1);

  const auto png = printer->last_receipt_png();
  ASSERT_EQ(png, dir / "job-0001.png");
  auto paper = read_png(png);
  ASSERT_TRUE(paper.ok()) << paper.error().message;
  EXPECT_EQ(paper->width(), width);
  EXPECT_GT(paper->height(), 120 + 20);
  EXPECT_GT(paper->black_dots(), header.black_dots()) << "codes must add black dots";
  // The top of the paper is exactly the raster we sent.
  for (int y = 0; y < header.height(); ++y) {
    for (int x = 0; x < width; ++x) ASSERT_EQ(paper->dot(x, y), header.dot(x, y)) << x << "," << y;
  }
  // What a scanner at the counter would read off the receipt.
  EXPECT_EQ(decode_all(*paper), (std::vector<std::string>{"14030000123456", "PK-1403-000123"}));

  // The byte stream file is what the printer was sent.
  std::ifstream in(dir / "job-0001.bin", std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  auto expected = escpos::encode_job(job, Cut::Full);
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(bytes, *expected);
}

INSTANTIATE_TEST_SUITE_P(PaperWidths, SimPrinterWidths, ::testing::Values(kDots80mm, kDots58mm));

TEST(SimPrinter, ScriptedStatesAndMessages) {
  auto printer = open_sim(fresh_dir("script"));
  EXPECT_EQ(*printer->status(), PrinterStatus::Online);
  ASSERT_TRUE(printer->inject("PAPER_NEAR_END").ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::PaperNearEnd);
  ASSERT_TRUE(printer->inject("PAPER_OUT").ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::PaperOut);
  ASSERT_TRUE(printer->inject("COVER_OPEN").ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::CoverOpen);
  auto refused = printer->print(PrintJob{{test::framed_image(kDots80mm, 40)}}, Cut::Full);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, describe(PrinterStatus::CoverOpen));
  ASSERT_TRUE(printer->inject("COVER_CLOSE").ok());
  ASSERT_TRUE(printer->inject("PAPER_OK").ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::Online);
  EXPECT_FALSE(printer->inject("JAM").ok());
  EXPECT_FALSE(printer->inject("PAPER_OK AFTER 10").ok()) << "only faults strike mid-job";
  EXPECT_FALSE(printer->inject("PAPER_OUT AFTER ten").ok());
}

TEST(SimPrinter, UnplugAndPlugRaiseHotplugEventsAndNeedAReopen) {
  auto printer = open_sim(fresh_dir("plug"));
  std::vector<HotplugEvent> events;
  printer->on_hotplug([&](HotplugEvent event, const DeviceInfo&) { events.push_back(event); });
  ASSERT_TRUE(printer->inject("UNPLUG").ok());
  EXPECT_FALSE(printer->status().ok());
  EXPECT_FALSE(printer->open().ok());
  ASSERT_TRUE(printer->inject("PLUG").ok());
  EXPECT_FALSE(printer->status().ok()) << "a replugged device is closed until opened";
  ASSERT_TRUE(printer->open().ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::Online);
  EXPECT_EQ(events, (std::vector{HotplugEvent::Left, HotplugEvent::Arrived}));
}

TEST(SimPrinter, ControlFileDrivesARunningPrinter) {
  const auto dir = fresh_dir("control");
  auto printer = open_sim(dir);
  { std::ofstream(dir / "control") << "PAPER_OUT\n"; }
  EXPECT_EQ(*printer->status(), PrinterStatus::PaperOut);
  EXPECT_FALSE(std::filesystem::exists(dir / "control")) << "commands are applied once";
  { std::ofstream(dir / "control") << "PAPER_OK\nCOVER_OPEN\n"; }
  EXPECT_EQ(*printer->status(), PrinterStatus::CoverOpen);
}

TEST(SimPrinter, PaperOutMidJobPrintsOnlyThePartBefore) {
  const auto dir = fresh_dir("partial");
  auto printer = open_sim(dir);
  const RasterImage image = test::noise_image(kDots80mm, 400, 5);
  ASSERT_TRUE(printer->inject("PAPER_OUT AFTER 5000").ok());
  // The printer takes the bytes into its buffer: the host sees success, status tells the truth.
  ASSERT_TRUE(printer->print(PrintJob{{image}}, Cut::Full).ok());
  EXPECT_EQ(*printer->status(), PrinterStatus::PaperOut);
  EXPECT_EQ(printer->jobs_completed(), 0);
  EXPECT_EQ(printer->jobs_interrupted(), 1);
  EXPECT_EQ(std::filesystem::file_size(dir / "job-0001-interrupted.bin"), 5000U);
  auto partial = read_png(dir / "job-0001-interrupted.png");
  ASSERT_TRUE(partial.ok());
  EXPECT_LT(partial->height(), image.height());
  EXPECT_GT(partial->height(), 0);
}

TEST(SimPrinter, RegistryConnectionStrings) {
  EXPECT_FALSE(SimPrinter::create("sim:").ok());
  EXPECT_FALSE(SimPrinter::create("sim:/tmp/x?width=abc").ok());
  auto printer = SimPrinter::create("sim:/tmp/x?width=384");
  ASSERT_TRUE(printer.ok());
  EXPECT_EQ((*printer)->paper_width_dots(), kDots58mm);
}

}  // namespace
}  // namespace pk
