#include <gtest/gtest.h>

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/print_queue.h"
#include "drivers/printer/sim_printer.h"
#include "test_images.h"

#include <fstream>

namespace pk {
namespace {

struct Fixture {
  explicit Fixture(const std::string& name)
      : dir(std::filesystem::path(PK_TEST_BINARY_DIR) / "print_queue" / name),
        printer((std::filesystem::remove_all(dir), SimPrinterConfig{dir, kDots80mm, {}, {}})),
        queue(printer) {
    EXPECT_TRUE(printer.open().ok());
  }
  [[nodiscard]] std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  // The receipt image inside a complete job's stream file.
  [[nodiscard]] RasterImage printed(const std::string& bin) const {
    std::ifstream in(dir / bin, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    const auto stream = escpos::decode(bytes);
    EXPECT_TRUE(stream.problems.empty());
    return stream.elements.empty() ? RasterImage{} : std::get<RasterImage>(stream.elements.front());
  }

  std::filesystem::path dir;
  SimPrinter printer;
  PrintQueue queue;
};

TEST(PrintQueue, PrintsAndConfirmsInOrder) {
  Fixture f("in_order");
  const RasterImage first = test::noise_image(kDots80mm, 64, 1);
  const RasterImage second = test::noise_image(kDots80mm, 64, 2);
  const auto id1 = f.queue.submit(PrintJob{{first}}, Cut::Full);
  const auto id2 = f.queue.submit(PrintJob{{second}}, Cut::Full);
  EXPECT_NE(id1, id2);
  const auto report = f.queue.pump();
  EXPECT_EQ(report.printed, 2);
  EXPECT_EQ(report.pending, 0U);
  EXPECT_EQ(f.printed("job-0001.bin"), first);
  EXPECT_EQ(f.printed("job-0002.bin"), second);
}

TEST(PrintQueue, PaperOutMidJobKeepsTheJobAndReprintsItOnceWhenPaperIsBack) {
  Fixture f("paper_out");
  const RasterImage receipt = test::noise_image(kDots80mm, 300, 9);
  const auto id = f.queue.submit(PrintJob{{receipt}}, Cut::Full);
  ASSERT_TRUE(f.printer.inject("PAPER_OUT AFTER 4000").ok());

  auto report = f.queue.pump();
  EXPECT_EQ(report.printed, 0);
  EXPECT_EQ(report.pending, 1U);
  ASSERT_TRUE(report.status.has_value());
  EXPECT_EQ(*report.status, PrinterStatus::PaperOut);
  EXPECT_TRUE(f.queue.contains(id));

  // Still out of paper: nothing is sent at all.
  report = f.queue.pump();
  EXPECT_EQ(report.pending, 1U);
  EXPECT_EQ(f.files(), (std::vector<std::string>{"job-0001-interrupted.bin", "job-0001-interrupted.png"}));

  ASSERT_TRUE(f.printer.inject("PAPER_OK").ok());
  report = f.queue.pump();
  EXPECT_EQ(report.printed, 1);
  EXPECT_EQ(report.pending, 0U);
  EXPECT_FALSE(f.queue.contains(id));
  EXPECT_EQ(f.printer.jobs_completed(), 1) << "printed once";
  EXPECT_EQ(f.printed("job-0002.bin"), receipt) << "printed complete";

  // Nothing left: another pump prints nothing again.
  EXPECT_EQ(f.queue.pump().printed, 0);
  EXPECT_EQ(f.printer.jobs_completed(), 1);
}

TEST(PrintQueue, UnplugMidJobKeepsTheJobUntilThePrinterIsBack) {
  Fixture f("unplug");
  const RasterImage receipt = test::noise_image(kDots80mm, 300, 11);
  f.queue.submit(PrintJob{{receipt}}, Cut::Full);
  ASSERT_TRUE(f.printer.inject("UNPLUG AFTER 3000").ok());

  auto report = f.queue.pump();
  EXPECT_EQ(report.printed, 0);
  EXPECT_EQ(report.pending, 1U);
  EXPECT_NE(report.message.find("unplugged after 3000"), std::string::npos) << report.message;

  report = f.queue.pump();  // still unplugged: reopening fails, nothing is lost
  EXPECT_EQ(report.pending, 1U);
  EXPECT_FALSE(report.status.has_value());

  ASSERT_TRUE(f.printer.inject("PLUG").ok());
  report = f.queue.pump();  // the queue reopens the printer itself
  EXPECT_EQ(report.printed, 1);
  EXPECT_EQ(f.printer.jobs_completed(), 1);
  EXPECT_EQ(f.printed("job-0002.bin"), receipt);
}

TEST(PrintQueue, CoverOpenBeforeTheJobSendsNothing) {
  Fixture f("cover");
  ASSERT_TRUE(f.printer.inject("COVER_OPEN").ok());
  f.queue.submit(PrintJob{{test::noise_image(kDots80mm, 30, 3)}}, Cut::Full);
  const auto report = f.queue.pump();
  EXPECT_EQ(report.pending, 1U);
  EXPECT_EQ(report.message, describe(PrinterStatus::CoverOpen));
  EXPECT_TRUE(f.files().empty());
}

TEST(PrintQueue, LaterJobsWaitBehindAFailedOne) {
  Fixture f("order");
  const RasterImage a = test::noise_image(kDots80mm, 200, 21);
  const RasterImage b = test::noise_image(kDots80mm, 200, 22);
  f.queue.submit(PrintJob{{a}}, Cut::Full);
  f.queue.submit(PrintJob{{b}}, Cut::Full);
  ASSERT_TRUE(f.printer.inject("COVER_OPEN AFTER 1000").ok());
  EXPECT_EQ(f.queue.pump().pending, 2U);
  ASSERT_TRUE(f.printer.inject("COVER_CLOSE").ok());
  EXPECT_EQ(f.queue.pump().printed, 2);
  EXPECT_EQ(f.printed("job-0002.bin"), a);
  EXPECT_EQ(f.printed("job-0003.bin"), b);
}

}  // namespace
}  // namespace pk
