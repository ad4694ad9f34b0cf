#include <gtest/gtest.h>

#include "drivers/printer/escpos.h"
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/paper_render.h"
#include "test_images.h"

namespace pk {
namespace {

using escpos::CommandKind;

std::vector<RasterImage> rasters(const escpos::DecodedStream& stream) {
  std::vector<RasterImage> images;
  for (const auto& element : stream.elements) {
    if (const auto* image = std::get_if<RasterImage>(&element)) images.push_back(*image);
  }
  return images;
}

std::size_t count(const escpos::DecodedStream& stream, CommandKind kind) {
  std::size_t n = 0;
  for (const auto& command : stream.commands) n += command.kind == kind ? 1 : 0;
  return n;
}

class RasterRoundTrip : public ::testing::TestWithParam<std::tuple<int, int, int>> {};

TEST_P(RasterRoundTrip, DecodedImageIsBitExact) {
  const auto [width, height, band] = GetParam();
  const RasterImage original = test::noise_image(width, height, 1234U + static_cast<unsigned>(height));
  PrintJob job{{original}};
  escpos::EncodeOptions options;
  options.band_rows = band;
  auto bytes = escpos::encode_job(job, Cut::Full, options);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;

  const auto stream = escpos::decode(*bytes);
  EXPECT_TRUE(stream.problems.empty()) << stream.problems.front();
  const auto images = rasters(stream);
  ASSERT_EQ(images.size(), 1U) << "bands of one image must reassemble into one image";
  EXPECT_EQ(images[0], original);
  const int expected_bands = (height + band - 1) / band;
  EXPECT_EQ(count(stream, CommandKind::Raster), static_cast<std::size_t>(expected_bands));
  EXPECT_EQ(count(stream, CommandKind::Init), 1U);
  ASSERT_EQ(stream.cuts.size(), 1U);
  EXPECT_EQ(stream.cuts[0], Cut::Full);
}

INSTANTIATE_TEST_SUITE_P(PaperWidths, RasterRoundTrip,
                         ::testing::Values(std::tuple{kDots80mm, 600, 24}, std::tuple{kDots80mm, 257, 256},
                                           std::tuple{kDots58mm, 130, 128}, std::tuple{kDots58mm, 1, 24}));

TEST(Escpos, OddWidthIsPaddedWithWhiteAndKeepsEveryDot) {
  const RasterImage original = test::noise_image(101, 50, 7);
  auto bytes = escpos::encode_job(PrintJob{{original}}, Cut::None);
  ASSERT_TRUE(bytes.ok());
  const auto images = rasters(escpos::decode(*bytes));
  ASSERT_EQ(images.size(), 1U);
  ASSERT_EQ(images[0].width(), 104);  // whole bytes on the wire
  for (int y = 0; y < original.height(); ++y) {
    for (int x = 0; x < 104; ++x) {
      ASSERT_EQ(images[0].dot(x, y), x < 101 && original.dot(x, y)) << x << "," << y;
    }
  }
}

TEST(Escpos, BandClampingKeepsBandsWithinLimits) {
  const RasterImage image = test::noise_image(64, 1000, 3);
  for (int asked : {1, 5000}) {
    escpos::EncodeOptions options;
    options.band_rows = asked;
    auto bytes = escpos::encode_job(PrintJob{{image}}, Cut::None, options);
    ASSERT_TRUE(bytes.ok());
    const auto stream = escpos::decode(*bytes);
    const int band = asked < escpos::kMinBandRows ? escpos::kMinBandRows : escpos::kMaxBandRows;
    EXPECT_EQ(count(stream, CommandKind::Raster), static_cast<std::size_t>((1000 + band - 1) / band));
  }
}

TEST(Escpos, NativeCodesRoundTripThroughTheDecoder) {
  PrintJob job;
  job.elements.push_back(QrCode{"PK-1403-000123", 7, QrErrorCorrection::Q});
  job.elements.push_back(Code128{"14030001234567", 3, 90});  // digits, even: code set C
  job.elements.push_back(Code128{"AB-12{x}", 2, 60});        // code set B with a brace
  job.elements.push_back(Feed{40});
  auto bytes = escpos::encode_job(job, Cut::Partial);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  const auto stream = escpos::decode(*bytes);
  EXPECT_TRUE(stream.problems.empty());
  ASSERT_GE(stream.elements.size(), 4U);
  EXPECT_EQ(std::get<QrCode>(stream.elements[0]), (QrCode{"PK-1403-000123", 7, QrErrorCorrection::Q}));
  EXPECT_EQ(std::get<Code128>(stream.elements[1]), (Code128{"14030001234567", 3, 90}));
  EXPECT_EQ(std::get<Code128>(stream.elements[2]), (Code128{"AB-12{x}", 2, 60}));
  // The job's own feed and the feed before the cut merge into blank paper.
  EXPECT_EQ(std::get<Feed>(stream.elements[3]).dots, 40 + 4 * escpos::kDefaultLineDots);
  ASSERT_EQ(stream.cuts.size(), 1U);
  EXPECT_EQ(stream.cuts[0], Cut::Partial);
}

// Receipts centre their codes; a printer starts left-justified, so the stream says so each time.
TEST(Escpos, NativeCodeJustificationRoundTripsAndCentresOnPaper) {
  PrintJob job;
  QrCode left{"LEFT", 6, QrErrorCorrection::M, Justify::Left};
  QrCode centred{"CENTRE", 6, QrErrorCorrection::M, Justify::Center};
  job.elements.push_back(left);
  job.elements.push_back(centred);
  auto bytes = escpos::encode_job(job, Cut::None);
  ASSERT_TRUE(bytes.ok());
  const auto stream = escpos::decode(*bytes);
  ASSERT_EQ(stream.elements.size(), 2U);
  EXPECT_EQ(std::get<QrCode>(stream.elements[0]).justify, Justify::Left);
  EXPECT_EQ(std::get<QrCode>(stream.elements[1]).justify, Justify::Center);

  // On the simulated paper the left code starts at the edge, the centred one is balanced.
  const Paper paper = render_paper(stream, kDots80mm);
  int first_left = -1, first_centre = -1, last_centre = -1;
  const int half = paper.image.height() / 2;
  for (int y = 0; y < paper.image.height(); ++y)
    for (int x = 0; x < paper.image.width(); ++x) {
      if (!paper.image.dot(x, y)) continue;
      if (y < half && (first_left < 0 || x < first_left)) first_left = x;
      if (y >= half && (first_centre < 0 || x < first_centre)) first_centre = x;
      if (y >= half && x > last_centre) last_centre = x;
    }
  ASSERT_GE(first_left, 0);
  EXPECT_LT(first_left, 40) << "at the left edge (the QR drawing keeps a small quiet zone)";
  ASSERT_GT(first_centre, 150);
  EXPECT_NEAR(first_centre, kDots80mm - 1 - last_centre, 2);
}

TEST(Escpos, Code128DigitsUseCodeSetC) {
  escpos::Bytes out;
  ASSERT_TRUE(escpos::append_code128(out, Code128{"123456", 2, 50}).ok());
  const escpos::Bytes expected{'k', 73, 5, '{', 'C', 12, 34, 56};
  ASSERT_GE(out.size(), expected.size());
  EXPECT_EQ(escpos::Bytes(out.end() - 8, out.end()), expected);
}

TEST(Escpos, RejectsWhatAPrinterCannotPrint) {
  escpos::Bytes out;
  EXPECT_FALSE(escpos::append_code128(out, Code128{"کد", 2, 50}).ok());
  EXPECT_FALSE(escpos::append_code128(out, Code128{"", 2, 50}).ok());
  EXPECT_FALSE(escpos::append_qr(out, QrCode{"", 6, QrErrorCorrection::M}).ok());
  EXPECT_FALSE(escpos::append_qr(out, QrCode{"x", 17, QrErrorCorrection::M}).ok());
  EXPECT_TRUE(out.empty()) << "a rejected element must add no bytes";
}

TEST(EscposDecoder, ReportsUnknownAndMalformedCommandsWithOffsets) {
  const escpos::Bytes bytes{0x1B, '@', 0x1B, 0x7A, 0x1D, 'V', 9, 0x1D, 'k', 73, 3, 'x', 'y', 'z', 0x01};
  const auto stream = escpos::decode(bytes);
  ASSERT_EQ(stream.problems.size(), 4U);
  EXPECT_EQ(stream.problems[0], "offset 2: unknown command ESC 0x7A");
  EXPECT_EQ(stream.problems[1], "offset 4: malformed command GS V 0x09");
  EXPECT_NE(stream.problems[2].find("offset 7: malformed command Code 128"), std::string::npos);
  EXPECT_EQ(stream.problems[3], "offset 14: unknown command 0x01");
}

TEST(EscposDecoder, TruncatedRasterIsReportedAndKeepsTheRowsThatArrived) {
  const RasterImage image = test::noise_image(64, 30, 1);
  auto bytes = escpos::encode_job(PrintJob{{image}}, Cut::None);
  ASSERT_TRUE(bytes.ok());
  bytes->resize(bytes->size() - 10);  // the last row (8 bytes) and 2 bytes of the one before
  const auto stream = escpos::decode(*bytes);
  ASSERT_EQ(stream.problems.size(), 1U);
  EXPECT_NE(stream.problems[0].find("after 28 rows (truncated)"), std::string::npos) << stream.problems[0];
  const auto images = rasters(stream);
  ASSERT_EQ(images.size(), 1U);
  ASSERT_EQ(images[0].height(), 28);
  EXPECT_TRUE(std::equal(images[0].bytes().begin(), images[0].bytes().end(), image.bytes().begin()));
}

TEST(EscposDecoder, TextAndStatusRequestsAreCommands) {
  const escpos::Bytes bytes{'H', 'i', 0x0A, 0x10, 0x04, 4, 0x10, 0x04, 9};
  const auto stream = escpos::decode(bytes);
  ASSERT_EQ(stream.commands.size(), 4U);
  EXPECT_EQ(stream.commands[0].kind, CommandKind::Text);
  EXPECT_EQ(stream.commands[0].detail, "Hi");
  EXPECT_EQ(stream.commands[1].kind, CommandKind::Feed);
  EXPECT_EQ(stream.commands[2].kind, CommandKind::StatusRequest);
  EXPECT_EQ(stream.commands[2].detail, "DLE EOT 4");
  EXPECT_EQ(stream.commands[3].kind, CommandKind::Malformed);
}

}  // namespace
}  // namespace pk
