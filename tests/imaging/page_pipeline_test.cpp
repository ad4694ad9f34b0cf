// The page pipeline: bounded memory over a long stack, order, blank backs, encodings, hashes,
// orientation from codes, cover-sheet splitting end to end with the simulated scanner.
#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <memory>

#include "drivers/scanner/page_synth.h"
#include "drivers/scanner/scan_job.h"
#include "drivers/scanner/sim_scanner.h"
#include "imaging/document_split.h"
#include "imaging/page_pipeline.h"

namespace pk::imaging {
// The test pages are drawn as the simulated scanner draws them.
using namespace pk::scanner;  // NOLINT(google-build-using-namespace)
namespace {

std::vector<ProcessedPage> drain(PagePipeline& pipeline) {
  std::vector<ProcessedPage> out;
  while (auto page = pipeline.next()) out.push_back(std::move(*page));
  return out;
}

TEST(PagePipeline, TwoHundredPagesWithBoundedMemoryInOrder) {
  PipelineOptions options;
  options.max_pages_in_flight = 4;
  options.thumbnail_side = 64;
  PagePipeline pipeline(options);
  // A handful of distinct sheets, copied: the point is the flow, not drawing 200 pages.
  const std::vector<Page> sheets = {
      render_sheet({}, ColorMode::Gray, 100, 1), render_blank_back(ColorMode::Gray, 100, 2),
      render_sheet({SheetContent::Photo, {}, SheetOrientation::Upright}, ColorMode::Gray, 100, 3)};
  std::thread producer([&] {
    for (int i = 0; i < 200; ++i) {
      Page page = sheets[static_cast<std::size_t>(i) % sheets.size()];
      page.sequence = i + 1;
      ASSERT_TRUE(pipeline.submit(std::move(page)));
      EXPECT_LE(pipeline.stats().in_flight, 4);
    }
    pipeline.close();
  });
  std::vector<ProcessedPage> out;
  while (auto page = pipeline.next()) {
    if (out.size() % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a slow consumer
    out.push_back(std::move(*page));
  }
  producer.join();
  ASSERT_EQ(out.size(), 200U);
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].sequence, static_cast<int>(i + 1));
    EXPECT_EQ(out[i].blank, i % 3 == 1) << "page " << i + 1;
  }
  const PipelineStats stats = pipeline.stats();
  EXPECT_LE(stats.peak_in_flight, 4);
  EXPECT_EQ(stats.peak_in_flight, 4);  // the bound was reached, so the producer really waited
  EXPECT_EQ(stats.taken, 200);
  EXPECT_TRUE(pipeline.finished());
}

TEST(PagePipeline, OutputIsStoreReady) {
  PagePipeline pipeline(PipelineOptions{});
  Page gray = render_sheet({}, ColorMode::Gray, 150, 4);
  gray.sequence = 1;
  Page bw = render_sheet({}, ColorMode::BlackWhite, 150, 4);
  bw.sequence = 2;
  ASSERT_TRUE(pipeline.submit(gray));
  ASSERT_TRUE(pipeline.submit(bw));
  pipeline.close();
  const auto out = drain(pipeline);
  ASSERT_EQ(out.size(), 2U);
  ASSERT_EQ(sodium_init() >= 0, true);
  for (const auto& page : out) {
    std::array<std::uint8_t, 32> digest{};
    crypto_hash_sha256(digest.data(), page.bytes.data(), page.bytes.size());
    EXPECT_EQ(page.sha256, digest);
    EXPECT_EQ(sha256_hex(page.sha256).size(), 64U);
    EXPECT_LE(std::max(page.thumbnail.width, page.thumbnail.height), 256);
    EXPECT_TRUE(page.review.empty());
  }
  EXPECT_EQ(out[0].encoding, PageEncoding::Jpeg);
  auto jpeg = decode_jpeg(out[0].bytes);
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->width, gray.width);
  EXPECT_EQ(jpeg->height, gray.height);
  EXPECT_EQ(out[1].encoding, PageEncoding::PngBilevel);
  EXPECT_EQ(decode_png(out[1].bytes).value().pixels, bw.pixels);
}

TEST(PagePipeline, UpsideDownCoverSheetIsTurnedAndStillACover) {
  const Page upright = render_sheet({SheetContent::Qr, "PKSH1|A1|passport", SheetOrientation::Upright},
                                    ColorMode::Gray, 150, 8);
  ProcessedPage out =
      process_page(render_sheet({SheetContent::Qr, "PKSH1|A1|passport", SheetOrientation::UpsideDown},
                                ColorMode::Gray, 150, 8),
                   PipelineOptions{});
  EXPECT_TRUE(out.rotated_180);
  ASSERT_TRUE(out.cover_sheet);
  EXPECT_EQ(out.cover_sheet->document_type, "passport");
  // Turned back, it is the upright page (up to JPEG's loss).
  const Page decoded = decode_jpeg(out.bytes).value();
  double difference = 0;
  for (std::size_t i = 0; i < decoded.pixels.size(); ++i)
    difference += std::abs(decoded.pixels[i] - upright.pixels[i]);
  EXPECT_LT(difference / static_cast<double>(decoded.pixels.size()), 6.0);
  EXPECT_FALSE(process_page(upright, PipelineOptions{}).rotated_180);
}

TEST(PagePipeline, ForeignAndBrokenCodesAreFlaggedNotDropped) {
  auto reasons = [](SheetContent content, const char* payload) {
    return process_page(render_sheet({content, payload, SheetOrientation::Upright}, ColorMode::Gray, 150, 9),
                        PipelineOptions{})
        .review;
  };
  EXPECT_EQ(reasons(SheetContent::Code128, "INV-2024-0001"),
            std::vector<ReviewReason>{ReviewReason::ForeignCode});
  EXPECT_EQ(reasons(SheetContent::Qr, "PKSH7|A|passport"),
            std::vector<ReviewReason>{ReviewReason::BrokenCoverSheet});
  EXPECT_EQ(reasons(SheetContent::Qr, "PKSH1|A|passport"), std::vector<ReviewReason>{});
}

TEST(PagePipeline, TryNextNeverBlocksAndSubmitAfterCloseFails) {
  PagePipeline pipeline(PipelineOptions{});
  const auto before = std::chrono::steady_clock::now();
  EXPECT_FALSE(pipeline.try_next());
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(50));
  pipeline.close();
  EXPECT_FALSE(pipeline.submit(Page{}));
  EXPECT_FALSE(pipeline.next());
}

// reader: the counter's pages are a citizen's papers as much as the kiosk's: every pipeline
// wipes raw pixels unless told otherwise, and a pipeline destroyed with pages it still holds
// (an operator who cancels mid-stack) wipes those too (run under ASan, a wrong wipe shows).
TEST(PagePipeline, RawPixelsAreWipedUnlessToldOtherwise) {
  EXPECT_EQ(PipelineOptions{}.raw_pixels, RawPixels::Wipe);
  PipelineOptions options;
  options.workers = 1;
  options.thumbnail_side = 32;
  auto pipeline = std::make_unique<PagePipeline>(options);
  for (int i = 1; i <= 3; ++i) {
    Page page = render_blank_back(ColorMode::Gray, 100, i);
    ASSERT_TRUE(pipeline->submit(std::move(page)));
  }
  pipeline.reset();  // nothing taken: what it holds is wiped, then freed
}

TEST(ScanJob, DuplexStackWithCoverSheetsSplitsIntoDocuments) {
  SimScanner scanner(21);
  ASSERT_TRUE(scanner.open());
  for (const char* command :
       {"LOAD 1 qr:PKSH1|APP-9|passport", "LOAD 2 text photo", "LOAD 1 flip:qr:PKSH1|APP-9|amayesh_card",
        "LOAD 1 code128:OTHER-123", "LOAD 1 text"}) {
    ASSERT_TRUE(scanner.inject(command)) << command;
  }
  PipelineOptions options;
  options.max_pages_in_flight = 3;
  PagePipeline pipeline(options);
  ScanJob job(scanner, {Source::AdfDuplex, ColorMode::Gray, 150}, pipeline);
  std::vector<ProcessedPage> pages = drain(pipeline);
  job.wait();
  EXPECT_EQ(job.state(), JobState::Finished);
  ASSERT_EQ(pages.size(), 12U);
  std::vector<PageMarks> marks;
  for (const auto& page : pages) marks.push_back(marks_of(page));
  const auto documents = split_documents(marks, BlankPages::SetAside);
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_EQ(documents[0].cover->document_type, "passport");
  EXPECT_EQ(documents[0].cover_sequence, 1);
  EXPECT_EQ(documents[0].pages, (std::vector<int>{3, 5}));
  EXPECT_EQ(documents[0].blank_pages, (std::vector<int>{2, 4, 6}));
  EXPECT_EQ(documents[1].cover->document_type, "amayesh_card");
  EXPECT_EQ(documents[1].cover_sequence, 7);
  EXPECT_EQ(documents[1].pages, (std::vector<int>{9, 11}));
  EXPECT_TRUE(pages[6].rotated_180);
  EXPECT_EQ(pages[8].review, std::vector<ReviewReason>{ReviewReason::ForeignCode});
}

TEST(ScanJob, JamMidStackKeepsEarlierPages) {
  SimScanner scanner(22);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 6"));
  ASSERT_TRUE(scanner.inject("JAM AFTER 4"));
  PagePipeline pipeline(PipelineOptions{});
  ScanJob job(scanner, {Source::Adf, ColorMode::Gray, 100}, pipeline);
  const auto pages = drain(pipeline);
  job.wait();
  EXPECT_EQ(job.state(), JobState::Failed);
  EXPECT_EQ(scanner.status(), ScannerStatus::Jammed);
  EXPECT_EQ(pages.size(), 4U);
  EXPECT_NE(job.error().find("jam"), std::string::npos);
}

TEST(ScanJob, CancelStopsTheBatch) {
  SimScanner scanner(23);
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("LOAD 50"));
  PipelineOptions options;
  options.max_pages_in_flight = 2;
  PagePipeline pipeline(options);
  ScanJob job(scanner, {Source::Adf, ColorMode::Gray, 100}, pipeline);
  ASSERT_TRUE(pipeline.next());
  job.cancel();
  const auto rest = drain(pipeline);
  job.wait();
  EXPECT_EQ(job.state(), JobState::Cancelled);
  EXPECT_LT(rest.size() + 1, 50U);
  EXPECT_GT(scanner.sheets_in_feeder(), 0);
}

}  // namespace
}  // namespace pk::imaging
