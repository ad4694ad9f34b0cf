// The idle terminal's device probes (kiosk/idle_probes.h) on the simulated twins, and the
// outages they open and close in a real ledger file: each device its own outage, opened at the
// first probe that finds it down and closed at the first that finds it back; nothing probed
// before it is due or while the caller holds a device back for a job.
#include "kiosk/idle_probes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "drivers/printer/sim_printer.h"
#include "drivers/scanner/sim_scanner.h"
#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "sla/time_source.h"

namespace fs = std::filesystem;
using pk::sla::OutageCause;
using pk::sla::Status;

namespace {

class IdleProbesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("idle_probes_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "receipts");
    auto printer = pk::SimPrinter::create("sim:" + (m_dir / "receipts").string());
    ASSERT_TRUE(printer) << printer.error().message;
    m_printer = std::move(printer.value());
    ASSERT_TRUE(m_printer->open());
    m_scanner = std::make_unique<pk::scanner::SimScanner>(7);
    ASSERT_TRUE(m_scanner->open());
    auto ledger = pk::sla::Ledger::open(m_dir / "pishkhan.db", m_time);
    ASSERT_TRUE(ledger) << ledger.error().message;
    m_ledger = std::move(ledger.value());
    auto detector = pk::sla::OutageDetector::create(*m_ledger);
    ASSERT_TRUE(detector);
    m_detector.emplace(std::move(detector.value()));
  }
  void TearDown() override {
    m_detector.reset();
    m_ledger.reset();
    fs::remove_all(m_dir);
  }
  // One turn of the frame loop at `now` seconds, every device free.
  void turn(double now) {
    for (const pk::sla::Observation& seen : m_probes.poll(now, {nullptr, m_printer.get(), m_scanner.get()}))
      ASSERT_TRUE(m_detector->observe(seen));
  }
  [[nodiscard]] size_t outages() {
    auto snapshot = m_ledger->snapshot();
    EXPECT_TRUE(snapshot);
    return snapshot ? snapshot->outages.size() : 0;
  }

  fs::path m_dir;
  pk::sla::SystemTimeSource m_time;
  std::unique_ptr<pk::SimPrinter> m_printer;
  std::unique_ptr<pk::scanner::SimScanner> m_scanner;
  std::unique_ptr<pk::sla::Ledger> m_ledger;
  std::optional<pk::sla::OutageDetector> m_detector;
  pk::kiosk::IdleProbes m_probes{{.missed_heartbeats = 2, .device_every_seconds = 10}};
};

TEST_F(IdleProbesTest, EachPrinterFaultIsDownAndItsClearingUp) {
  EXPECT_EQ(pk::kiosk::probe_printer(*m_printer).printer, Status::Up);
  for (const auto& [fault, clear] :
       {std::pair{"PAPER_OUT", "PAPER_OK"}, std::pair{"COVER_OPEN", "COVER_CLOSE"},
        std::pair{"ERROR", "ERROR_CLEAR"}, std::pair{"UNPLUG", "PLUG"}}) {
    ASSERT_TRUE(m_printer->inject(fault));
    const pk::sla::Observation down = pk::kiosk::probe_printer(*m_printer);
    EXPECT_EQ(down.printer, Status::Down) << fault;
    EXPECT_FALSE(down.scanner || down.centre) << "a printer probe speaks only for the printer";
    ASSERT_TRUE(m_printer->inject(clear));
    // After PLUG the printer is closed: the probe opens it again, as a replug needs.
    EXPECT_EQ(pk::kiosk::probe_printer(*m_printer).printer, Status::Up) << clear;
  }
  ASSERT_TRUE(m_printer->inject("PAPER_NEAR_END"));
  EXPECT_EQ(pk::kiosk::probe_printer(*m_printer).printer, Status::Up) << "a near-end roll still prints";
}

TEST_F(IdleProbesTest, ScannerCoverUnplugAndAnEmptyFeeder) {
  ASSERT_TRUE(m_scanner->inject("EMPTY"));
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Up) << "an empty feeder is not an outage";
  ASSERT_TRUE(m_scanner->inject("COVER_OPEN"));
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Down);
  ASSERT_TRUE(m_scanner->inject("COVER_CLOSE"));
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Up);
  ASSERT_TRUE(m_scanner->inject("UNPLUG"));
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Down);
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Down) << "still unplugged: open() fails";
  ASSERT_TRUE(m_scanner->inject("PLUG"));
  EXPECT_EQ(pk::kiosk::probe_scanner(*m_scanner).scanner, Status::Up) << "plugged back: the probe reopens it";
}

TEST_F(IdleProbesTest, EachDeviceOpensAndClosesItsOwnOutageOnItsSchedule) {
  turn(100);
  EXPECT_EQ(outages(), 0U);
  ASSERT_TRUE(m_printer->inject("PAPER_OUT"));
  turn(105);  // not due before 110
  EXPECT_FALSE(m_detector->is_down(OutageCause::PrinterDown));
  turn(110);
  EXPECT_TRUE(m_detector->is_down(OutageCause::PrinterDown));
  EXPECT_FALSE(m_detector->is_down(OutageCause::ScannerDown));

  ASSERT_TRUE(m_scanner->inject("UNPLUG"));
  turn(120);
  EXPECT_TRUE(m_detector->is_down(OutageCause::ScannerDown));
  ASSERT_TRUE(m_printer->inject("PAPER_OK"));
  turn(130);
  EXPECT_FALSE(m_detector->is_down(OutageCause::PrinterDown));
  EXPECT_TRUE(m_detector->is_down(OutageCause::ScannerDown));
  ASSERT_TRUE(m_scanner->inject("PLUG"));
  turn(140);
  EXPECT_FALSE(m_detector->is_down(OutageCause::ScannerDown));

  auto snapshot = m_ledger->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 2U);
  for (const pk::sla::Outage& outage : snapshot->outages) EXPECT_TRUE(outage.end_unix.has_value());
}

TEST_F(IdleProbesTest, ADeviceHeldForAJobIsNotProbed) {
  ASSERT_TRUE(m_printer->inject("PAPER_OUT"));
  ASSERT_TRUE(m_scanner->inject("COVER_OPEN"));
  // A job holds both (the caller passes neither): nothing is asked, nothing opens.
  EXPECT_TRUE(m_probes.poll(100, {}).empty());
  // Only the scanner is free.
  const auto seen = m_probes.poll(100, {nullptr, nullptr, m_scanner.get()});
  ASSERT_EQ(seen.size(), 1U);
  EXPECT_EQ(seen[0].scanner, Status::Down);
  EXPECT_FALSE(seen[0].printer);
}

}  // namespace
