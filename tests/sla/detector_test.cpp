// The outage detector: observations in, outages out.
#include <gtest/gtest.h>

#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

TEST(SlaDetector, OpensAtFirstDownClosesAtFirstUp) {
  TempDir dir("detector-basic");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  DetectorConfig config;
  config.printer = ServiceScope::only({3, 7});
  auto detector = OutageDetector::create(**ledger, config);
  ASSERT_TRUE(detector);

  ASSERT_TRUE(detector->observe(look(Status::Up, Status::Down, {}, {}, "paper out")));
  EXPECT_TRUE(detector->is_down(OutageCause::PrinterDown));
  EXPECT_FALSE(detector->is_down(OutageCause::CentreUnreachable));
  time.advance(300);
  ASSERT_TRUE(detector->observe(look({}, Status::Down)));  // still down: nothing new
  ASSERT_TRUE(detector->observe(look(Status::Down)));      // printer not looked at: stays down
  EXPECT_TRUE(detector->is_down(OutageCause::PrinterDown));
  time.advance(300);
  ASSERT_TRUE(detector->observe(look(Status::Up, Status::Up)));
  EXPECT_FALSE(detector->is_down(OutageCause::PrinterDown));

  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 2u);
  EXPECT_EQ(snapshot->outages[0].cause, OutageCause::PrinterDown);
  EXPECT_EQ(snapshot->outages[0].services, ServiceScope::only({3, 7}));
  EXPECT_EQ(*snapshot->outages[0].monotonic_duration_ms, 600'000);
  EXPECT_EQ(snapshot->outages[1].cause, OutageCause::CentreUnreachable);
  EXPECT_EQ(*snapshot->outages[1].monotonic_duration_ms, 300'000);
}

TEST(SlaDetector, ANewDetectorAdoptsTheLedgersOpenOutages) {
  TempDir dir("detector-adopt");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  int64_t id = 0;
  {
    auto first = OutageDetector::create(**ledger);
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->observe(look({}, {}, {}, Status::Down)));
    id = *first->open_outage(OutageCause::KioskNotServing);
  }
  auto second = OutageDetector::create(**ledger);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->open_outage(OutageCause::KioskNotServing), id);
  ASSERT_TRUE(second->observe(look({}, {}, {}, Status::Down)));  // no duplicate
  time.advance(90);
  ASSERT_TRUE(second->observe(look({}, {}, {}, Status::Up)));
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 1u);
  EXPECT_EQ(snapshot->outages[0].end, OutageEnd::Observed);
}

TEST(SlaDetector, ObservingBeatsWhenAHeartbeatIsDue) {
  TempDir dir("detector-beat");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(10));
  ASSERT_TRUE(ledger);
  auto detector = OutageDetector::create(**ledger);
  ASSERT_TRUE(detector);
  for (int i = 0; i < 6; ++i) {
    time.advance(10);
    ASSERT_TRUE(detector->observe(Observation{}));
  }
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->runs.size(), 1u);
  EXPECT_EQ(snapshot->runs[0].interval().length(), 60);
}

}  // namespace
}  // namespace pk::sla
