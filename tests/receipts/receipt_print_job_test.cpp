// Native codes when the printer has them, raster otherwise; and the whole job on the
// simulated printer, read back from its PNG.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/png_io.h"
#include "drivers/printer/escpos.h"
#include "drivers/printer/sim_printer.h"
#include "receipts/receipt_print_job.h"
#include "tests/receipts/raster_probe.h"
#include "tests/receipts/sample_receipts.h"

namespace pk::receipts {
namespace {

using test::SampleKind;
using test::SampleLanguage;

template <class T>
int count(const PrintJob& job) {
  return static_cast<int>(std::count_if(job.elements.begin(), job.elements.end(),
                                        [](const PrintElement& e) { return std::holds_alternative<T>(e); }));
}

TEST(ReceiptPrintJob, WithoutNativeCodesTheJobIsOneRasterOfThePaper) {
  const RenderedReceipt rendered =
      test::render_sample(SampleKind::Tracking, SampleLanguage::Persian, kDots80mm);
  const PrintJob job = build_print_job(rendered, Features{Feature::Cutter, Feature::StatusReadback});
  ASSERT_EQ(job.elements.size(), 1U);
  ASSERT_TRUE(std::holds_alternative<RasterImage>(job.elements[0]));
  EXPECT_EQ(std::get<RasterImage>(job.elements[0]), rendered.flatten());
}

TEST(ReceiptPrintJob, NativeQrBecomesAQrCodeElementAndCode128StaysRaster) {
  const RenderedReceipt rendered =
      test::render_sample(SampleKind::Tracking, SampleLanguage::Persian, kDots80mm);
  const PrintJob job = build_print_job(rendered, Features{Feature::NativeQr});
  ASSERT_EQ(count<QrCode>(job), 1);
  EXPECT_EQ(count<Code128>(job), 0);
  for (const auto& e : job.elements) {
    if (const auto* qr = std::get_if<QrCode>(&e)) {
      EXPECT_EQ(qr->data, test::sample_digits(SampleKind::Tracking));
      EXPECT_GE(qr->module_dots, 2);
    }
  }
  // The raster left over no longer holds a QR code, only the barcode.
  RasterImage raster(kDots80mm, 0);
  for (const auto& e : job.elements) {
    if (const auto* image = std::get_if<RasterImage>(&e)) raster.append_rows(*image);
  }
  EXPECT_TRUE(test::decoded_texts(raster, "QRCode").empty());
  EXPECT_EQ(test::decoded_texts(raster, "Code128").size(), 1U);
}

TEST(ReceiptPrintJob, BothNativeCodesAndTheEncodedJobIsValidEscPos) {
  const RenderedReceipt rendered =
      test::render_sample(SampleKind::Failure, SampleLanguage::English, kDots58mm);
  const PrintJob job = build_print_job(rendered, Features{Feature::NativeQr, Feature::NativeCode128});
  EXPECT_EQ(count<QrCode>(job), 1);
  ASSERT_EQ(count<Code128>(job), 1);
  for (const auto& e : job.elements) {
    if (const auto* bar = std::get_if<Code128>(&e)) {
      EXPECT_EQ(bar->data, test::sample_digits(SampleKind::Failure));
    }
  }
  auto bytes = escpos::encode_job(job, Cut::Full);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_GT(bytes->size(), 1000U);
}

class EndToEnd : public ::testing::TestWithParam<int> {};

TEST_P(EndToEnd, TrackingReceiptOnTheSimulatedPrinterScansBack) {
  const int width = GetParam();
  const auto dir = std::filesystem::path(PK_TEST_BINARY_DIR) / ("sim-receipt-" + std::to_string(width));
  std::filesystem::remove_all(dir);
  auto printer = SimPrinter::create("sim:" + dir.string() + "?width=" + std::to_string(width));
  ASSERT_TRUE(printer.ok()) << printer.error().message;
  ASSERT_TRUE((*printer)->open().ok());

  const RenderedReceipt rendered = test::render_sample(SampleKind::Tracking, SampleLanguage::Persian, width);
  // The twin's own metadata decides native or raster, as the kiosk would do for a real model.
  const PrintJob job = build_print_job(rendered, SimPrinter::metadata().features);
  ASSERT_TRUE((*printer)->print(job, Cut::Full).ok());

  const auto png = (*printer)->last_receipt_png();
  ASSERT_TRUE(std::filesystem::exists(png)) << png;
  auto paper = read_png(png);
  ASSERT_TRUE(paper.ok()) << paper.error().message;
  EXPECT_EQ(paper->width(), width);
  EXPECT_GE(paper->height(), rendered.height_dots());
  EXPECT_EQ(test::decoded_texts(*paper, "QRCode"),
            std::vector<std::string>{test::sample_digits(SampleKind::Tracking)});
}

INSTANTIATE_TEST_SUITE_P(Receipts, EndToEnd, ::testing::Values(kDots80mm, kDots58mm));

}  // namespace
}  // namespace pk::receipts
